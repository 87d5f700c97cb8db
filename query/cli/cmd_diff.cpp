// lawref diff OLD NEW: the whole revision, article by article, with inserted and deleted text.
#include <iostream>

#include "utf8.h"
#include <set>

#include "commands.h"
#include "common_options.h"
#include "exit_codes.h"
#include "html_diff.h"
#include "index_citations.h"
#include "link_export.h"
#include "provision_format.h"
#include "revision_diff.h"

namespace lawref::cli {
namespace {

struct DiffCommand {
  CorpusOptions corpus;
  std::string before, after;
  bool summary = false, json = false, changed_only = false, html = false;
};

int run_diff(DiffCommand& cmd) {
  if (cmd.html && cmd.json) return fail(exit_code::kBadInput, "--html and --json are different outputs: choose one");
  if (cmd.html && (cmd.summary || cmd.changed_only)) return fail(exit_code::kBadInput, "--html shows the whole revision: leave out --summary and --changed");
  int code = exit_code::kOk;
  auto store = open_index(cmd.corpus, code);
  if (!store) return code;
  Lookup lookup(*store);
  const LookupResult a = resolve_citation(lookup, cmd.before, {}, code);
  if (a.status != LookupStatus::Found) return code;
  const LookupResult b = resolve_citation(lookup, cmd.after, {}, code);
  if (b.status != LookupStatus::Found) return code;
  if (a.article || b.article) return fail(exit_code::kBadInput, "diff compares two laws (e.g. cel-2014 cel-2023); for two provisions use lawref compare");
  LinkGraph graph(*store);
  RevisionDiff d;
  try {
    d = diff_revision(*a.zh, *b.zh, graph.outgoing(a.law->id));
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  const std::string& x = a.law->id;
  const std::string& y = b.law->id;
  std::size_t same = 0;
  for (const ArticleChange& c : d.changes) same += c.basis == links::LinkBasis::Same ? 1 : 0;

  if (cmd.html) {
    std::cout << html::diff_page(*a.law, *a.zh, *b.law, *b.zh, d);
    return exit_code::kOk;
  }
  if (cmd.json) {
    nlohmann::ordered_json j;
    j["from"] = x;
    j["to"] = y;
    // Where the article mapping comes from: the index's version links, or aligned for this diff.
    j["mapping_source"] = d.stored ? "index" : "aligned now";
    j["changes"] = nlohmann::ordered_json::array();
    for (const ArticleChange& c : d.changes) {
      nlohmann::ordered_json e;
      e["from"] = provision_json({x, article_path(*c.before)});
      e["to"] = provision_json({y, article_path(*c.after)});
      e["basis"] = links::to_string(c.basis);
      e["score"] = json_score(c.score);
      if (!cmd.summary) e["diff"] = diff_json(c.diff);
      j["changes"].push_back(e);
    }
    j["dropped"] = nlohmann::ordered_json::array();
    for (const Article* art : d.dropped) {
      nlohmann::ordered_json e = provision_json({x, article_path(*art)});
      e["text"] = article_text(*a.zh, *art);
      j["dropped"].push_back(e);
    }
    j["added"] = nlohmann::ordered_json::array();
    for (const Article* art : d.added) {
      nlohmann::ordered_json e = provision_json({y, article_path(*art)});
      e["text"] = article_text(*b.zh, *art);
      j["added"].push_back(e);
    }
    std::cout << j.dump() << "\n";
    return exit_code::kOk;
  }

  const bool color = color_output();
  std::set<const Article*> continued;
  for (const ArticleChange& c : d.changes) continued.insert(c.before);
  std::cout << x << " → " << y << ": " << continued.size() << " of " << a.zh->articles.size() << " articles continue in " << d.changes.size()
            << " pairs (" << same << " unchanged), " << d.dropped.size() << " dropped, " << d.added.size() << " new"
            << (d.stored ? "" : " [aligned now: the index has no version links between them]") << "\n";
  for (const ArticleChange& c : d.changes) {
    if (cmd.changed_only && c.basis == links::LinkBasis::Same) continue;
    std::cout << (cmd.summary ? "" : "\n") << c.before->num << " → " << c.after->num << "  [" << links::to_string(c.basis) << " " << score_label(c.score) << "]\n";
    if (!cmd.summary && c.basis != links::LinkBasis::Same) std::cout << render_diff(c.diff, color) << "\n";
  }
  if (!d.dropped.empty()) {
    std::cout << "\ndropped from " << x << ":\n";
    // A glimpse of the text, cut between characters (never inside one).
    for (const Article* art : d.dropped) {
      const std::u32string text = utf8::decode(article_text(*a.zh, *art));
      constexpr std::size_t kGlimpse = 60;
      std::cout << "  " << art->num << "  " << utf8::encode(std::u32string_view(text).substr(0, kGlimpse)) << (text.size() > kGlimpse ? "…" : "")
                << "\n";
    }
  }
  if (!d.added.empty()) {
    std::cout << "\nnew in " << y << ":\n";
    for (const Article* art : d.added) std::cout << "  " << art->num << (cmd.summary ? "" : "  " + article_text(*b.zh, *art)) << "\n";
  }
  return exit_code::kOk;
}

}  // namespace

void setup_diff(CLI::App& app, int& exit_code) {
  auto cmd = std::make_shared<DiffCommand>();
  CLI::App* sub = app.add_subcommand("diff", "What a revision changed: lawref diff cel-2014 cel-2023 (mapping, changed, new and dropped articles)");
  cmd->corpus.add_index_option(*sub);
  sub->add_option("old", cmd->before, "The earlier law: an id (cel-2014) or a name with a year (2014年反间谍法)")->required();
  sub->add_option("new", cmd->after, "The later law")->required();
  sub->add_flag("--summary", cmd->summary, "Only the mapping, no texts");
  sub->add_flag("--changed", cmd->changed_only, "Leave out articles carried over unchanged");
  sub->add_flag("--json", cmd->json, "One JSON object: changes (with diff segments), dropped, added");
  sub->add_flag("--html", cmd->html, "One self-contained HTML page: each article beside its successor, changes marked, contents by chapter");
  sub->callback([cmd, &exit_code] { exit_code = run_diff(*cmd); });
}

}  // namespace lawref::cli
