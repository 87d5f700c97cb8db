#include "search_national_ties.h"

#include <algorithm>

namespace lawref::searching {

void national_before_near_ties(std::vector<SearchHit>& hits, std::size_t from, const std::function<bool(const SearchHit&)>& is_national,
                               double tolerance) {
  for (std::size_t k = from + 1; k < hits.size(); ++k) {
    if (!is_national(hits[k])) continue;
    const double limit = hits[k].score * (1 + tolerance);
    std::size_t to = k;
    while (to > from && !is_national(hits[to - 1]) && hits[to - 1].score <= limit) --to;
    if (to < k) std::rotate(hits.begin() + static_cast<std::ptrdiff_t>(to), hits.begin() + static_cast<std::ptrdiff_t>(k),
                            hits.begin() + static_cast<std::ptrdiff_t>(k + 1));
  }
}

}  // namespace lawref::searching
