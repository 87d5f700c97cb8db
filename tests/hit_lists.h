// Small synthetic hit lists for the tables of the page's rules (interleaving, national ties):
// "E1:20 A1:90" → hits of those ids and scores, the tier from the id's first letter (W words,
// B broader, M most, A any; any other letter, e.g. N national or L local: exact).
#pragma once
#include <sstream>
#include <string>
#include <vector>

#include "search_types.h"

namespace lawref::test {

inline std::vector<SearchHit> hits_of(const std::string& list) {
  std::vector<SearchHit> hits;
  std::istringstream in(list);
  for (std::string word; in >> word;) {
    SearchHit h;
    const std::size_t colon = word.find(':');
    h.id = word.substr(0, colon);
    h.score = std::stod(word.substr(colon + 1));
    switch (word.front()) {
      case 'W': h.tier = SearchMode::Words; break;
      case 'B': h.tier = SearchMode::Broader; break;
      case 'M': h.tier = SearchMode::Most; break;
      case 'A': h.tier = SearchMode::Any; break;
      default: h.tier = SearchMode::Exact;
    }
    hits.push_back(h);
  }
  return hits;
}

// The hits' ids, space-separated, in order.
inline std::string ids_of(const std::vector<SearchHit>& hits) {
  std::string out;
  for (const SearchHit& h : hits) out += (out.empty() ? "" : " ") + h.id;
  return out;
}

}  // namespace lawref::test
