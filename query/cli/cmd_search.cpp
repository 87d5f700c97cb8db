// lawref search QUERY: ranked provisions with the matches marked.
#include "cmd_search.h"

#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "index_builder.h"
#include "search_printer.h"

namespace lawref::cli {

int run_search(const SearchCommandOptions& cmd) {
  SearchOptions options = cmd.search;
  options.fold_restatements = !cmd.no_fold;
  for (const std::string& w : cmd.words) options.query += (options.query.empty() ? "" : " ") + w;
  const std::filesystem::path db = cmd.corpus.db.empty() ? default_db_path() : std::filesystem::path(cmd.corpus.db);
  std::unique_ptr<IndexStore> store;
  try {
    store = std::make_unique<IndexStore>(db);
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  Searcher searcher(*store);
  const SearchResult r = searcher.search(options);
  if (r.status == SearchStatus::BadQuery || r.status == SearchStatus::BadFilter) return fail(exit_code::kBadInput, r.error);

  const OutputFormat format = cmd.json ? OutputFormat::Json : OutputFormat::Text;
  print_search(std::cout, r, format, {.color = !cmd.json && color_output(), .explain = cmd.explain, .offset = options.offset});
  // Paging past the end: say so, rather than print nothing and succeed.
  if (r.status == SearchStatus::Ok && r.hits.empty() && options.offset > 0) {
    std::cerr << "lawref: no more hits: " << (r.total_exact ? "" : "about ") << r.total << " provisions match, and --offset " << options.offset
              << " is past them\n";
    return exit_code::kNotFound;
  }
  if (r.status == SearchStatus::NoHits) {
    if (!cmd.json) std::cerr << "lawref: no provision matches '" << r.query << "'" << (r.error.empty() ? "" : " (" + r.error + ")") << "\n";
    return exit_code::kNotFound;
  }
  std::vector<std::string> laws;  // of the hits shown: their text must still be their sources'
  for (const SearchHit& h : r.hits) laws.push_back(h.law);
  return warn_if_stale(*store, laws);
}

void setup_search(CLI::App& app, int& exit_code) {
  auto cmd = std::make_shared<SearchCommandOptions>();
  CLI::App* sub = app.add_subcommand("search", "Search provisions in Chinese or English: 快递 协助, \"国家安全机关\", exit ban");
  cmd->corpus.add_index_option(*sub);
  sub->add_option("query", cmd->words, "Words, \"phrases\", AND / OR / NOT (or -word), parentheses")->required()->type_name("QUERY");
  sub->add_option("--law", cmd->search.laws, "Only this law: an id (cel-2023) or a name (反间谍法: all its versions); repeatable")->type_name("LAW")->allow_extra_args(false);
  sub->add_option("--level", cmd->search.levels, "Only laws of this level (law, administrative-regulation, departmental-rule, local-regulation, …)")
      ->type_name("LEVEL")
      ->allow_extra_args(false);
  sub->add_option("--jurisdiction", cmd->search.jurisdictions, "Only laws of this jurisdiction (national, chongqing, …)")->type_name("NAME")->allow_extra_args(false);
  sub->add_option("--in-force-on", cmd->search.in_force_on, "Only versions in force on this date")->type_name("YYYY-MM-DD");
  sub->add_option("--limit", cmd->search.limit, "Number of hits (default 10)")->check(CLI::Range(1, 1000));
  sub->add_option("--offset", cmd->search.offset, "Skip this many hits first (paging)")->check(CLI::Range(0, 100000));
  sub->add_flag("--no-fold", cmd->no_fold,
                "Show a local provision that restates a national one on the page as a hit of its own, not under it (restated by)");
  sub->add_flag("--json", cmd->json, "JSON: {query, total, tiers, filters, hits: [{id, law, article, paragraph, citation, score, tier, lang, snippet, restated_by}]}");
  sub->add_flag("--explain", cmd->explain, "First print how the query was read: filters, phrases and words, expansions, the tiers and what each matched");
  sub->callback([cmd, &exit_code] { exit_code = run_search(*cmd); });
}

}  // namespace lawref::cli
