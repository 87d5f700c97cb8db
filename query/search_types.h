// The values a search takes and gives: options, result, hits, tiers. Apart from the searcher
// (search.h) so that its parts (search_*.h) can use them without depending on it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lawref {

struct SearchOptions {
  std::string query;
  std::vector<std::string> laws;  // ids or names; a name means every version of that law
  std::vector<std::string> levels;
  std::vector<std::string> jurisdictions;
  std::string in_force_on;        // YYYY-MM-DD, or empty
  std::size_t limit = 10;
  std::size_t offset = 0;
  // A local provision that restates a national one on the same page is shown under it
  // (search_folding.h), not as a hit of its own; false: every provision is a hit.
  bool fold_restatements = true;
};

// The tiers of a search, best first: the query as typed (exact), its phrases split into words
// (words), all its concepts but one (most), any of its words (any). None: no tier ran.
// Linked: not a tier of the query but the provisions the law links to the page's best hits
// (search_linked.h), placed beside them.
enum class SearchMode { None, Exact, Words, Broader, Most, Any, Linked };

// exact, words, broader, most, any, linked; "" for None (the names in --json output and --explain).
const char* to_string(SearchMode mode);
std::optional<SearchMode> parse_search_mode(std::string_view name);

// A local provision folded under the national provision it restates (an implements link).
struct Restatement {
  std::string id;           // shanghai-ceprec-2021/art8
  std::string law;
  std::string citation;     // 上海市反间谍安全防范条例第八条
  std::string citation_en;  // Shanghai Counter-Espionage Security Regulations Art. 8
  bool linked = false;      // not a hit: brought by its implements link (search_linked.h)
};

struct SearchHit {
  std::string id;  // cel-2023/art14 (the article)
  std::string law;
  int article = 0, insertion = 0;
  int paragraph = 0;  // the paragraph of the snippet (1-based), 0 when unknown
  std::string citation;     // 反间谍法第十四条
  std::string citation_en;  // CEL Art. 14
  std::string title;        // the law's Chinese title
  double score = 0;
  std::string snippet;      // original text, matches between kMarkOpen and kMarkClose
  std::string lang;         // language of the snippet: zh, or en (a translation) for an English query
  std::string translation;  // for an English snippet: who made the translation (unofficial translation (lawref))
  SearchMode tier = SearchMode::None;  // which tier of the query found it
  std::vector<Restatement> restated_by;  // local provisions of the page folded under this one, in rank order
  Restatement linked_to;  // tier Linked: the hit it cites (search_linked.h); its id empty otherwise
};

struct SearchTier {
  SearchMode name;
  std::size_t count;  // articles it matched beyond the earlier tiers (estimated when total_exact is false)
};

enum class SearchStatus { Ok, NoHits, BadQuery, BadFilter };

// What a search cost, counted for the benchmarks (search_bench --per-query), never printed by lawref.
struct SearchWork {
  std::size_t matches = 0;     // Xapian matches run (Enquire::get_mset calls), over all tiers
  std::size_t candidates = 0;  // documents those matches returned and the search looked at
  std::size_t verified = 0;    // candidates whose text was checked against the query
  std::size_t decoded = 0;     // stored articles read and decoded (for a check or a hit)
};

struct SearchResult {
  SearchStatus status = SearchStatus::Ok;
  std::string error;  // one line, for BadQuery and BadFilter
  std::string query;
  SearchMode mode = SearchMode::None;  // the first tier with hits (exact when none has any); None when no tier ran
  std::vector<SearchTier> tiers;  // the tiers that ran, in order
  std::size_t total = 0;
  bool total_exact = true;
  std::vector<SearchHit> hits;
  std::vector<std::string> expansions;  // English words and the Chinese terms they stood for
  std::vector<std::string> ignored;     // English words the glossary does not know
  // Words of the query read as filters: "law: 反间谍法 (cel-2014)", "level: local-regulation",
  // "jurisdiction: chongqing" (2014年反间谍法 出境, 地方性法规 举报 奖励, 重庆 快递 许可).
  std::vector<std::string> filters;
  // How the query was read, for --explain: one line each (terms, phrases, expansions, filters, tiers).
  std::vector<std::string> explanation;
  SearchWork work;
};

inline constexpr const char* kMarkOpen = "«";
inline constexpr const char* kMarkClose = "»";

}  // namespace lawref
