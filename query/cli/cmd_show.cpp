// lawref show CITATION… : the exact provision, in the version in force on --as-of.
#include "cmd_show.h"

#include <iostream>
#include <unistd.h>

#include <algorithm>

#include "citation_list.h"
#include "citation_parser.h"
#include "commands.h"
#include "display_width.h"
#include "exit_codes.h"
#include "html_law.h"
#include "index_builder.h"
#include "index_store.h"
#include "law_names.h"
#include "law_store.h"
#include "lookup.h"
#include "show_printer.h"

namespace lawref::cli {
namespace {

int severity(LookupStatus s) {
  switch (s) {
    case LookupStatus::Found: return exit_code::kOk;
    case LookupStatus::NotFound: return exit_code::kNotFound;
    case LookupStatus::BadInput: return exit_code::kBadInput;
  }
  return exit_code::kInternal;
}

// One page: a whole law, or a provision with its neighbourhood. Links come from the index
// when there is one; without it the page has none.
int show_html(const LookupResult& found, LawStore& store, IndexStore* index, const std::string& lang) {
  if (!found.zh) return fail(exit_code::kNotFound, found.law->id + " has no text" + (found.law->text_note.empty() ? "" : " (" + found.law->text_note + ")"));
  LookupResult r = found;
  if (lang == "zh") r.en = nullptr;  // the authoritative Chinese is always on the page
  try {
    std::unique_ptr<LinkGraph> graph = index ? std::make_unique<LinkGraph>(*index) : nullptr;
    if (!r.article) {
      html::LawPageLinks links;
      if (graph) {
        links.outgoing = graph->outgoing(r.law->id);
        links.incoming = graph->incoming(r.law->id);
      }
      std::cout << html::law_page(r, store.registry(), graph ? &links : nullptr);
    } else {
      std::cout << html::provision_page(r, store.registry(), graph ? find_xrefs(*graph, r.id(), {}) : std::vector<XrefHit>{});
    }
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  return exit_code::kOk;
}

}  // namespace

int run_show(const ShowCommandOptions& options) {
  ShowCommandOptions cmd = options;
  if (cmd.html && cmd.json) return fail(exit_code::kBadInput, "--html and --json are different outputs: choose one");
  if (cmd.lang.empty()) cmd.lang = cmd.html ? "both" : "zh";
  if (cmd.as_of.empty()) cmd.as_of = today();
  else if (!is_iso_date(cmd.as_of)) return fail(exit_code::kBadInput, "--as-of needs a YYYY-MM-DD date, not '" + quote_input(cmd.as_of) + "'");

  // No citation arguments (or "-"): one citation per line on standard input, for scripts.
  std::vector<std::string> citations = cmd.citations;
  if (citations.empty() || (citations.size() == 1 && citations[0] == "-")) {
    // Nothing given at a terminal: nobody is typing a batch, so say how to use it instead of waiting.
    if (citations.empty() && isatty(STDIN_FILENO))
      return fail(exit_code::kBadInput, "no citation given; usage: lawref show CITATION... (e.g. lawref show 反间谍法第十四条), or one citation per line on standard input (see lawref show --help)");
    citations.clear();
    for (std::string line; std::getline(std::cin, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::size_t start = line.find_first_not_of(" \t");
      if (start != std::string::npos && line[start] != '#') citations.push_back(line);  // '#': a comment
    }
    if (citations.empty()) return fail(exit_code::kBadInput, "no citation given (as arguments or on standard input)");
  } else if (citations.size() > 1) {
    // `lawref show CEL art 14` without quotes: the words are one citation when one of them
    // cannot stand alone.
    const bool fragments = std::any_of(citations.begin(), citations.end(), [](const std::string& c) { return !parse_citation(c).ok; });
    if (fragments) {
      std::string joined;
      for (const std::string& c : citations) joined += (joined.empty() ? "" : " ") + c;
      citations = {joined};
    }
  }

  // The index answers without touching the sources; explicit --sources (or no index) reads them.
  if (const int refused = refuse_sources_with_db(cmd.corpus); refused != exit_code::kOk) return refused;
  std::unique_ptr<LawStore> store;
  const std::filesystem::path db = cmd.corpus.db.empty() ? default_db_path() : std::filesystem::path(cmd.corpus.db);
  if (cmd.corpus.sources.empty() && std::filesystem::exists(db)) {
    try {
      store = std::make_unique<IndexStore>(db);
    } catch (const IndexOpenError& e) {
      return fail(exit_code::kCorpusProblem, e.what());
    }
  } else {
    if (!cmd.corpus.db.empty()) return fail(exit_code::kCorpusProblem, "no index at " + cmd.corpus.db + "; build it with: lawref index");
    Catalog catalog = Catalog::scan(Registry::builtin(), cmd.corpus.catalog_options());
    // A source named with --sources that cannot be read would otherwise be answered as "no
    // text" (exit 1): it is a corpus problem, with the system's reason. Others are reported.
    const auto& problems = catalog.problems();
    const auto unreadable =
        std::find_if(problems.begin(), problems.end(), [](const CatalogProblem& p) { return p.kind != CatalogProblemKind::BadXml; });
    if (!cmd.corpus.sources.empty() && unreadable != problems.end())
      return fail(exit_code::kCorpusProblem,
                  unreadable->message() +
                      (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more; lawref check lists them all)" : ""));
    if (!problems.empty()) std::cerr << "lawref: warning: " << summarize_problems(problems) << "\n";
    store = std::make_unique<CatalogStore>(std::move(catalog));
  }
  if (cmd.xref && !cmd.corpus.sources.empty()) return fail(exit_code::kBadInput, "--xref reads the links of the index; leave out --sources");
  IndexStore* index = dynamic_cast<IndexStore*>(store.get());
  if (cmd.html) {
    if (citations.size() != 1) return fail(exit_code::kBadInput, "--html makes one page: give one citation (a law, or a provision)");
    Lookup html_lookup(*store);
    const LookupResult r = html_lookup.find(citations.front(), cmd.as_of);
    if (r.status != LookupStatus::Found) return fail(severity(r.status), quote_input(citations.front()) + ": " + r.message);
    if (!r.note.empty()) std::cerr << "lawref: note: " << r.note << "\n";
    const int shown = show_html(r, *store, index, cmd.lang);
    if (shown != exit_code::kOk || !index) return shown;
    return std::max(shown, warn_if_stale(*index, {r.law->id}));  // a page from a stale index says so too
  }
  if (cmd.xref && !index) return fail(exit_code::kCorpusProblem, "--xref needs the index; build it with: lawref index");
  std::unique_ptr<LinkGraph> graph = cmd.xref ? std::make_unique<LinkGraph>(*index) : nullptr;
  Lookup lookup(*store);
  ShowOptions layout;
  layout.zh = cmd.lang != "en";
  layout.en = cmd.lang != "zh";
  layout.context = cmd.context;
  layout.color = !cmd.json && color_output();
  layout.width = terminal_width();
  ShowPrinter printer(std::cout, cmd.json ? OutputFormat::Json : OutputFormat::Text, layout);

  int worst = exit_code::kOk;
  // A range or list (反间谍法第十条至第十二条, CEL arts. 10-12) stands for each of its provisions.
  std::vector<std::pair<std::string, std::string>> wanted;  // input as written, one provision of it
  for (const std::string& input : citations) {
    // std::regex recurses once per character: an input too long to be a citation (refused by
    // the lookup, with a bounded message) is never split, or a 1 MB line overflows the stack.
    const CitationList list = input.size() > 4 * kMaxCitationLength ? CitationList{{input}, {}} : split_citation_list(input);
    if (!list.error.empty()) {
      std::cerr << "lawref: " << quote_input(input) << ": " << list.error << "\n";
      printer.failure(input, list.error, LookupStatus::BadInput);
      worst = std::max(worst, static_cast<int>(exit_code::kBadInput));
      continue;
    }
    for (const std::string& one : list.citations) wanted.emplace_back(input, one);
  }
  std::vector<std::string> answered;  // the laws whose sources must still match the index
  for (const auto& [input, citation] : wanted) {
    const LookupResult r = lookup.find(citation, cmd.as_of);
    worst = std::max(worst, severity(r.status));
    if (r.law) answered.push_back(r.law->id);
    if (r.status != LookupStatus::Found) {
      // A refused input is quoted, not repeated: a 100 MB line must not become 300 MB of errors.
      std::cerr << "lawref: " << quote_input(citation) << ": " << r.message << "\n";
      printer.failure(input, r.message, r.status);
      continue;
    }
    if (!r.note.empty()) std::cerr << "lawref: note: " << r.note << "\n";
    // What rendering reads of the registry: the law and the version that followed it (when it
    // ended). Not every law of the store: decoding 3,000 of them was most of a lookup's time.
    Registry registry;
    registry.add(*r.law);
    if (!r.law->superseded_by.empty())
      if (const LawInfo* next = store->law(r.law->superseded_by)) registry.add(*next);
    if (graph) {
      const ProvisionLinks links{*index, find_xrefs(*graph, r.id(), {})};
      printer.provision(input, r, registry, &links);
    } else {
      printer.provision(input, r, registry, nullptr);
    }
  }
  if (index) worst = std::max(worst, warn_if_stale(*index, answered));
  return worst;
}

void setup_show(CLI::App& app, int& exit_code) {
  auto cmd = std::make_shared<ShowCommandOptions>();
  CLI::App* sub = app.add_subcommand("show", "Show a provision by citation: 反间谍法第十四条, \"CEL art. 14(2)\", cel-2023/art4/para1/item3");
  cmd->corpus.add_to(*sub);
  sub->add_option("citations", cmd->citations, "One or more citations; none or '-' reads one per line from standard input")
      ->type_name("CITATION");
  sub->add_option("--lang", cmd->lang, "Text to print: zh (default), en or both (--html: both by default; zh leaves out the English)")->check(CLI::IsMember({"zh", "en", "both"}));
  sub->add_option("--as-of", cmd->as_of, "Resolve unqualified law names to the version in force on this date (default: today)")
      ->type_name("YYYY-MM-DD");
  sub->add_flag("--json", cmd->json, "One JSON object per citation and line: {id, law, article, paragraph, item, citation, chapter, text, in_force}");
  sub->add_flag("--xref", cmd->xref, "Also list what the provision cites and what cites it (from the index; see lawref xref)");
  sub->add_flag("--html", cmd->html,
                "One self-contained HTML page: a whole law (chapters, anchors, Chinese beside English, links, cited-by, graph) or a provision with its links");
  sub->add_flag("--context", cmd->context, "Print the whole article around a cited paragraph or item, marking the cited lines");
  sub->callback([cmd, &exit_code] { exit_code = run_show(*cmd); });
}

}  // namespace lawref::cli
