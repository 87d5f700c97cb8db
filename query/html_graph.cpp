#include "html_graph.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <set>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "file_io.h"
#include "html_page.h"
#include "link_export.h"
#include "provision_format.h"

extern char** environ;

namespace lawref::html {
namespace {

// Graphviz measures labels with this font (fontconfig substitutes another CJK font when it is
// missing); the page's stylesheet names fallbacks for readers without it.
constexpr const char* kFont = "Noto Sans CJK SC";

std::string dot_quote(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

// The node names lawref's dot export gives the two ends of a link.
std::string node_name(const links::Link& l, bool to) {
  if (!to) return l.from.str();
  return l.to.law.empty() ? "external:" + l.external : l.to.str();
}

struct Node {
  ProvisionId id;        // law empty: a name no known law has
  std::string external;  // that name
};

// Runs `dot -Tsvg` on a file and reads what it writes; the temporary folder goes afterwards.
struct Scratch {
  std::filesystem::path dir;
  Scratch() {
    std::string pattern = (std::filesystem::temp_directory_path() / "lawref-dot-XXXXXX").string();
    if (mkdtemp(pattern.data())) dir = pattern;
  }
  ~Scratch() {
    std::error_code ec;
    if (!dir.empty()) std::filesystem::remove_all(dir, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

}  // namespace

std::string links_dot(const std::vector<links::Link>& links, const Registry& registry, const NodeHref& href) {
  std::ostringstream exported;
  export_links(links, ExportFormat::Dot, exported);
  std::string dot = exported.str();
  const std::size_t close = dot.rfind('}');
  if (close == std::string::npos) return dot;
  dot.erase(close);

  std::map<std::string, Node> nodes;
  std::set<std::string> laws;
  for (const links::Link& l : links) {
    nodes.emplace(node_name(l, false), Node{l.from, {}});
    nodes.emplace(node_name(l, true), Node{l.to, l.external});
    laws.insert(l.from.law);
    if (!l.to.law.empty()) laws.insert(l.to.law);
  }
  // Later statements add attributes to the nodes and law boxes the export made.
  std::string extra = "  graph [nodesep=0.25, ranksep=0.6, fontsize=11];\n";
  for (const std::string& law : laws) {
    const LawInfo* info = registry.find(law);
    const std::string label = info ? citation_zh(*info, {}) + "  " + law : law;
    extra += "  subgraph " + dot_quote("cluster_" + law) + " { label=" + dot_quote(label) + "; style=rounded; color=\"#8a9bb0\"; fontsize=12; }\n";
  }
  for (const auto& [name, node] : nodes) {
    std::string label, tooltip;
    if (node.id.law.empty()) {
      label = "《" + node.external + "》";
      tooltip = node.external + " (not in the index)";
    } else {
      const LawInfo* info = registry.find(node.id.law);
      // Inside its law's box a provision needs only its number; a whole law, its name.
      label = node.id.path.article == 0 ? (info ? info->short_name_zh() : node.id.law) : provision_num_zh(node.id.path);
      tooltip = (info ? citation_zh(*info, node.id.path) + " " : std::string()) + node.id.str();
    }
    extra += "  " + dot_quote(name) + " [label=" + dot_quote(label) + ", tooltip=" + dot_quote(tooltip) + ", fontsize=12";
    if (!node.id.law.empty())
      if (const std::string url = href(node.id); !url.empty()) extra += ", URL=" + dot_quote(url) + ", target=\"_top\"";
    extra += "];\n";
  }
  return dot + extra + "}\n";
}

std::string render_svg(const std::string& dot, std::string& error) {
  Scratch scratch;
  if (scratch.dir.empty()) {
    error = "no temporary folder for Graphviz";
    return {};
  }
  const std::filesystem::path in = scratch.dir / "graph.dot", out = scratch.dir / "graph.svg", err = scratch.dir / "dot.err";
  try {
    write_file_atomic(in, dot);
  } catch (const std::exception& e) {
    error = e.what();
    return {};
  }
  // Edge labels (the link kinds) smaller and grey than the citations they join.
  std::vector<std::string> args = {"dot",
                                   "-Tsvg",
                                   std::string("-Gfontname=") + kFont,
                                   std::string("-Nfontname=") + kFont,
                                   std::string("-Efontname=") + kFont,
                                   "-Efontsize=9",
                                   "-Efontcolor=#404040",
                                   "-o" + out.string(),
                                   in.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // dot's own messages go to a file: the page says what went wrong, the terminal stays clean.
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    error = "Graphviz (dot) is not installed";
    return {};
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) break;
  std::string svg;
  try {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) svg = read_file(out);
  } catch (const std::exception&) {
    svg.clear();
  }
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) {
    std::string message;
    try {
      message = read_file(err, 4096);
    } catch (const std::exception&) {
    }
    if (const std::size_t nl = message.find('\n'); nl != std::string::npos) message.resize(nl);
    error = "Graphviz failed" + (message.empty() ? std::string() : ": " + message);
    return {};
  }
  // The XML declaration and doctype before <svg> have no place inside an HTML page.
  return svg.substr(start);
}

std::string graph_figure(const std::vector<links::Link>& links, const Registry& registry, const NodeHref& href, const std::string& caption) {
  std::string out = "<figure class=\"graph\">\n<figcaption>" + escape(caption) + "</figcaption>\n";
  if (links.empty()) return out + "<p class=\"muted\">No links to draw.</p>\n</figure>\n";
  std::string error;
  const std::string svg = render_svg(links_dot(links, registry, href), error);
  if (svg.empty()) return out + "<p class=\"note\">The graph is not drawn: " + escape(error) + ".</p>\n</figure>\n";
  return out + svg + "</figure>\n";
}

}  // namespace lawref::html
