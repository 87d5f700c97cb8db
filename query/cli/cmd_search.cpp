// lawref search QUERY: ranked provisions with the matches marked.
#include <iostream>
#include <set>

#include "commands.h"
#include "common_options.h"
#include "exit_codes.h"
#include "index_builder.h"
#include "search.h"

#include <nlohmann/json.hpp>

namespace lawref::cli {
namespace {

struct SearchCommand {
  CorpusOptions corpus;
  std::vector<std::string> words;
  SearchOptions options;
  bool json = false;
  bool explain = false;
};

std::string highlight(const std::string& snippet, bool color) {
  if (!color) return snippet;
  std::string out;
  for (std::size_t i = 0; i < snippet.size();) {
    if (snippet.compare(i, std::string(kMarkOpen).size(), kMarkOpen) == 0) {
      out += "\x1b[1;31m";
      i += std::string(kMarkOpen).size();
    } else if (snippet.compare(i, std::string(kMarkClose).size(), kMarkClose) == 0) {
      out += "\x1b[0m";
      i += std::string(kMarkClose).size();
    } else {
      out += snippet[i++];
    }
  }
  return out;
}

int run_search(SearchCommand& cmd) {
  for (const std::string& w : cmd.words) cmd.options.query += (cmd.options.query.empty() ? "" : " ") + w;
  const std::filesystem::path db = cmd.corpus.db.empty() ? default_db_path() : std::filesystem::path(cmd.corpus.db);
  std::unique_ptr<IndexStore> store;
  try {
    store = std::make_unique<IndexStore>(db);
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  Searcher searcher(*store);
  const SearchResult r = searcher.search(cmd.options);
  if (r.status == SearchStatus::BadQuery || r.status == SearchStatus::BadFilter) return fail(exit_code::kBadInput, r.error);

  if (cmd.explain && !cmd.json)
    for (const std::string& line : r.explanation) std::cout << "# " << line << "\n";
  if (cmd.json) {
    nlohmann::ordered_json j;
    j["query"] = r.query;
    j["filters"] = r.filters;
    if (cmd.explain) j["explanation"] = r.explanation;
    j["total"] = r.total;
    j["total_exact"] = r.total_exact;
    j["mode"] = to_string(r.mode);
    j["tiers"] = nlohmann::ordered_json::array();
    for (const SearchTier& t : r.tiers) j["tiers"].push_back({{"name", to_string(t.name)}, {"count", t.count}});
    j["expansions"] = r.expansions;
    j["ignored"] = r.ignored;
    j["hits"] = nlohmann::ordered_json::array();
    for (const SearchHit& h : r.hits)
      j["hits"].push_back({{"id", h.id},
                           {"law", h.law},
                           {"article", h.article},
                           {"insertion", h.insertion ? nlohmann::ordered_json(h.insertion) : nlohmann::ordered_json(nullptr)},
                           {"paragraph", h.paragraph ? nlohmann::ordered_json(h.paragraph) : nlohmann::ordered_json(nullptr)},
                           {"citation", h.citation},
                           {"citation_en", h.citation_en},
                           {"score", h.score},
                           {"tier", to_string(h.tier)},
                           {"lang", h.lang},
                           {"translation", h.translation.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(h.translation)},
                           {"snippet", h.snippet}});
    std::cout << j.dump() << "\n";
  } else {
    const bool color = color_output();
    for (const std::string& f : r.filters) std::cout << "(filter from the query: " << f << ")\n";
    if (!cmd.explain)
      for (const std::string& e : r.expansions) std::cout << "(" << e << ")\n";
    if (!r.ignored.empty()) {
      std::cout << "(not in the glossary, ignored:";
      for (const std::string& w : r.ignored) std::cout << " " << w;
      std::cout << ")\n";
    }
    if (r.mode == SearchMode::Words) std::cout << "(no provision has the phrase as typed; showing provisions with all its words)\n";
    if (r.mode == SearchMode::Any) std::cout << "(no provision has all the words; showing provisions with any of them)\n";
    std::size_t n = cmd.options.offset;
    SearchMode tier = r.hits.empty() ? SearchMode::None : r.hits.front().tier;
    std::set<std::string> translations;
    for (const SearchHit& h : r.hits) {
      // Below the exact matches, the relaxed tiers fill the page: say where each begins.
      if (h.tier != tier) {
        tier = h.tier;
        std::cout << (tier == SearchMode::Words ? "── with all the words of the phrases:\n"
                      : tier == SearchMode::Most  ? "── with all but one of the words:\n"
                                        : "── with some of the words:\n");
      }
      std::cout << ++n << ". " << h.citation << " (" << h.citation_en << ")";
      if (h.paragraph > 0) std::cout << " ¶" << h.paragraph;
      std::cout << "  " << h.id << "\n   " << (h.translation.empty() ? "" : "[en] ") << highlight(h.snippet, color) << "\n";
      if (!h.translation.empty()) translations.insert(h.translation);
    }
    if (!r.hits.empty()) {
      std::cout << (r.total_exact ? "" : "about ") << r.total << " provisions";
      if (r.tiers.size() > 1) {
        std::cout << " (";
        for (std::size_t i = 0; i < r.tiers.size(); ++i) std::cout << (i ? ", " : "") << r.tiers[i].count << " " << to_string(r.tiers[i].name);
        std::cout << ")";
      }
      std::cout << "\n";
    }
    for (const std::string& t : translations) std::cout << "[en]: " << t << "; the Chinese text is authoritative\n";
  }
  // Paging past the end: say so, rather than print nothing and succeed.
  if (r.status == SearchStatus::Ok && r.hits.empty() && cmd.options.offset > 0) {
    std::cerr << "lawref: no more hits: " << (r.total_exact ? "" : "about ") << r.total << " provisions match, and --offset " << cmd.options.offset
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

}  // namespace

void setup_search(CLI::App& app, int& exit_code) {
  auto cmd = std::make_shared<SearchCommand>();
  CLI::App* sub = app.add_subcommand("search", "Search provisions in Chinese or English: 快递 协助, \"国家安全机关\", exit ban");
  cmd->corpus.add_index_option(*sub);
  sub->add_option("query", cmd->words, "Words, \"phrases\", AND / OR / NOT (or -word), parentheses")->required()->type_name("QUERY");
  sub->add_option("--law", cmd->options.laws, "Only this law: an id (cel-2023) or a name (反间谍法: all its versions); repeatable")->type_name("LAW")->allow_extra_args(false);
  sub->add_option("--level", cmd->options.levels, "Only laws of this level (law, administrative-regulation, departmental-rule, local-regulation, …)")
      ->type_name("LEVEL")
      ->allow_extra_args(false);
  sub->add_option("--jurisdiction", cmd->options.jurisdictions, "Only laws of this jurisdiction (national, chongqing, …)")->type_name("NAME")->allow_extra_args(false);
  sub->add_option("--in-force-on", cmd->options.in_force_on, "Only versions in force on this date")->type_name("YYYY-MM-DD");
  sub->add_option("--limit", cmd->options.limit, "Number of hits (default 10)")->check(CLI::Range(1, 1000));
  sub->add_option("--offset", cmd->options.offset, "Skip this many hits first (paging)")->check(CLI::Range(0, 100000));
  sub->add_flag("--json", cmd->json, "JSON: {query, total, tiers, filters, hits: [{id, law, article, paragraph, citation, score, tier, lang, snippet}]}");
  sub->add_flag("--explain", cmd->explain, "First print how the query was read: filters, phrases and words, expansions, the tiers and what each matched");
  sub->callback([cmd, &exit_code] { exit_code = run_search(*cmd); });
}

}  // namespace lawref::cli
