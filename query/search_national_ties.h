// Near-equal hits of one tier: a national law's article above the local articles that weigh
// about as much. A provincial regulation often restates a national article in nearly its words;
// when the two match a query equally, the national text is the authority a user looks for first.
// Only among near-equal weights: a local article that matches clearly better keeps its place.
#pragma once
#include <cstddef>
#include <functional>
#include <vector>

#include "search_types.h"

namespace lawref::searching {

// `hits` from `from` on (one tier's hits, best first): each national hit rises above the local
// hits directly above it whose score exceeds its own by no more than `tolerance` of it (0.02:
// by 2% at most). National hits keep their order among themselves, and so do local ones.
void national_before_near_ties(std::vector<SearchHit>& hits, std::size_t from, const std::function<bool(const SearchHit&)>& is_national,
                               double tolerance);

}  // namespace lawref::searching
