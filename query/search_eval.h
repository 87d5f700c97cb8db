// Search quality against queries labelled by reading the texts (bench/eval/*.tsv): which
// provisions answer each query. Read by bench/search_eval and by the test that pins each set's
// measured quality, so that both score a query the same way.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "search.h"

namespace lawref {

struct LabelledQuery {
  std::string lang, query;
  std::set<std::string> accepted;  // provision ids that answer it
};

// lang<TAB>query<TAB>accepted ids, space-separated[<TAB>note]; '#' lines and blank lines are
// comments. An unreadable file gives no queries.
std::vector<LabelledQuery> read_labelled_queries(const std::string& path);

// Pooled relevance judgments (bench/eval/judged/*.tsv): set<TAB>lang<TAB>query<TAB>id<TAB>kind<TAB>R|N
// [<TAB>reason]. Adds every "pool" row judged R whose set is `set_name` ("english" for
// english.tsv) to the accepted ids of the query with the same language and text; controls and N
// rows add nothing. Returns how many ids were added.
std::size_t add_pooled_judgments(std::vector<LabelledQuery>& queries, const std::string& set_name, const std::string& path);

struct QueryScore {
  int rank = 0;         // of the first accepted hit, 1-based; 0: none among the hits
  double recall = 0;    // accepted ids among the hits / accepted ids
};
QueryScore score_query(const SearchResult& result, const LabelledQuery& query);

}  // namespace lawref
