#include "search_eval.h"

#include <fstream>
#include <sstream>

namespace lawref {

std::vector<LabelledQuery> read_labelled_queries(const std::string& path) {
  std::vector<LabelledQuery> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream fields(line);
    LabelledQuery q;
    std::string ids;
    std::getline(fields, q.lang, '\t');
    std::getline(fields, q.query, '\t');
    std::getline(fields, ids, '\t');
    std::stringstream words(ids);
    for (std::string id; words >> id;) q.accepted.insert(id);
    out.push_back(std::move(q));
  }
  return out;
}

std::size_t add_pooled_judgments(std::vector<LabelledQuery>& queries, const std::string& set_name, const std::string& path) {
  std::size_t added = 0;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream fields(line);
    std::string set, lang, query, id, kind, judgment;
    std::getline(fields, set, '\t');
    std::getline(fields, lang, '\t');
    std::getline(fields, query, '\t');
    std::getline(fields, id, '\t');
    std::getline(fields, kind, '\t');
    std::getline(fields, judgment, '\t');
    if (set != set_name || kind != "pool" || judgment != "R") continue;
    for (LabelledQuery& q : queries)
      if (q.lang == lang && q.query == query && q.accepted.insert(id).second) ++added;
  }
  return added;
}

QueryScore score_query(const SearchResult& result, const LabelledQuery& query) {
  QueryScore s;
  std::size_t found = 0;
  // A restatement folded under a hit is printed on the page with it: it counts at that hit's rank.
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    const SearchHit& h = result.hits[i];
    std::size_t here = query.accepted.count(h.id);
    for (const Restatement& f : h.restated_by) here += query.accepted.count(f.id);
    if (here && !s.rank) s.rank = static_cast<int>(i + 1);
    found += here;
  }
  s.recall = query.accepted.empty() ? 0 : static_cast<double>(found) / static_cast<double>(query.accepted.size());
  return s;
}

}  // namespace lawref
