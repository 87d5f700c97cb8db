// Restatements folded under the national provision they restate. Provincial regulations often
// repeat a national article almost word for word (Jiangxi art 36 is CEL art 25); when both would
// take a slot of the same page, the local one is shown under the national one ("restated by")
// and the slot goes to the next distinct provision.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "search_types.h"

namespace lawref::searching {

// The national article ids (cel-2023/art25) a hit restates: none for a national hit.
using RestatedArticles = std::function<std::vector<std::string>(const SearchHit&)>;

// Groups `hits` (ranked, best first) into at most `groups_wanted` hits. A hit that restates an
// article already placed is added to that article's restated_by; a hit that restates an article
// found further down `hits` brings that article up to its own place, with itself under it (the
// group ranks where its best member ranked, in that member's tier, with the higher score).
// Once `groups_wanted` groups are placed, a later hit is not shown, but one that restates a
// placed article is still listed under it: the look past the page (two pages of hits) finds the
// restatements of the page's articles, which are not hits of their own anyway.
std::vector<SearchHit> fold_restatements(std::vector<SearchHit> hits, std::size_t groups_wanted, const RestatedArticles& restates);

}  // namespace lawref::searching
