// Search filters: the law, level, jurisdiction and in-force date a search is limited to, given
// as options (--law, --level, --jurisdiction, --in-force-on) or named among a plain query's
// words (2014年反间谍法 出境, 地方性法规 举报 奖励, 重庆 快递 许可), as one Xapian filter query.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include "law_names.h"
#include "law_store.h"
#include "query_parser.h"
#include "search_types.h"

namespace lawref::searching {

// The level a word of a query names (地方性法规 -> local-regulation), or null.
const char* level_named(std::string_view folded_word);
// Whether a word of a query may be a law's name, perhaps with its year (网络安全法, 2014年反间谍法,
// 重庆市反间谍工作条例): Chinese, with a word statute titles end in.
bool may_name_a_law(const std::string& word);

class SearchFilters {
 public:
  explicit SearchFilters(const LawStore& store);
  ~SearchFilters();

  // In a plain query of several words, a word that names a law of the store (with or without a
  // year), a level or a jurisdiction (重庆, or in English its id: Chongqing) is a filter, not a search term: returns `options` with
  // those filters added, removes the words from `parsed`, and says each in `described`
  // ("law: 反间谍法 (cel-2014)", "level: local-regulation", "jurisdiction: chongqing"). When
  // every word would be a filter, none is: the words were the query after all.
  SearchOptions read_from_query(QueryParse& parsed, const SearchOptions& options, std::vector<std::string>& described);

  // The options' filters as one query (empty when there are none). False, with a one-line
  // `error`, for an unknown law, level or jurisdiction or a malformed date.
  bool to_query(const SearchOptions& options, Xapian::Query& filter, std::string& error);

 private:
  const LawNameIndex& names();
  enum class Age { Any, New, Old };  // 新 or 旧 before a law's name
  struct LawNamed {
    const LawInfo* law;
    bool one_version;  // a year, 新 or 旧 named one version; else every version of the law
    bool shortened;    // read as an abbreviation of the law's name
  };
  // The law a Chinese word of the query names (2014年反间谍法, 新保密法, 实施细则 with one law, a
  // province's law shortened when `places` names the province), none when it names none.
  std::optional<LawNamed> chinese_law_named(const std::string& word, const std::vector<std::string>& places, const SearchOptions& o);
  // The version of `law`'s work before it, none for the first.
  const LawInfo* version_before(const LawInfo& law) const;
  // The version of `work` of `year` (its version date's year: 2014 for cel-2014; the first listed
  // for year 0), none when it has none.
  const LawInfo* version_of_year(const std::string& work, int year) const;
  // Marks the words of `words` that name an English law (with its year), adds each to `out` and
  // says it in `described`.
  std::vector<bool> english_law_names(const std::vector<QueryNode>& words, const SearchOptions& o, SearchOptions& out,
                                      std::vector<std::string>& described);
  const std::string* work_named_by_words(const std::string& name);

  const LawStore& store_;
  std::unique_ptr<LawNameIndex> names_;  // built on first use: only a law named by name needs it
  std::map<std::string, std::set<std::string>> english_name_words_;  // work -> the words of its English names (first use)
};

}  // namespace lawref::searching
