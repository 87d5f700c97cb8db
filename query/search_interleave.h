// Tiers interleaved on the page. The tiers of a search (search_tiers.h) rank every exact hit above
// every relaxed one; when the exact tier holds many weak hits (a broad rendering, `leaking` for
// "spy"), they take the whole page, and a relaxed tier's best hits — strong on the concepts they
// do have (the reward amounts, which say 危害国家安全行为, not 间谍) — never reach it. Here each
// tier's hits keep their order, and the page takes, slot by slot, the tier head with the highest
// weight times its tier's factor: a relaxed hit goes above an exact one only when it weighs
// several times more.
#pragma once
#include <cstddef>
#include <vector>

#include "search_types.h"

namespace lawref::searching {

// `hits` (each tier's hits in its own order, the tiers one after another) merged: the first
// `keep` stay where they are (the best exact hit stays first); then, slot by slot, the hit at the
// head of its tier whose score × its tier's factor (exact 1, words and broader 0.8, most 0.5, any
// 0.3) is highest (ties: the earlier tier). Each tier's hits stay in their order.
std::vector<SearchHit> interleave_tiers(std::vector<SearchHit> hits, std::size_t keep);

// The `keep` of every query: no hit (0). Its first place goes, like the others, to the tier head
// that weighs most times its tier's factor. A page whose first tier is relaxed (a sentence split
// into words) can have a much stronger answer in the next tier (举报间谍的赏金多久发: the `most`
// tier's payment-time articles at 23 against a `words` hit of 14). Chosen on chinese-2 (MRR 0.951
// -> 0.972); for English queries the tuning sets do not move, and one rule serves both languages
// (bench/README.md, round nine).
constexpr std::size_t kHitsKeptFirst = 0;

}  // namespace lawref::searching
