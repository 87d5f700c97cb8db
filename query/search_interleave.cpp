#include "search_interleave.h"

#include <map>
#include <utility>

namespace lawref::searching {
namespace {

// What a hit of `tier` weighs against an exact hit of the same weight. Chosen on the tuning sets
// (bench/README.md, round eight): english.tsv recall is on a plateau for any 0.3-0.35 with most
// 0.4-0.5 and falls at most 0.6 or any 0.25; words and broader at 0.7-0.8 raise chinese-2's MRR,
// at 0.9-1.0 they do not.
double tier_factor(SearchMode tier) {
  switch (tier) {
    case SearchMode::None:
    case SearchMode::Exact: return 1.0;
    case SearchMode::Words:
    case SearchMode::Broader: return 0.8;
    case SearchMode::Most: return 0.5;
    case SearchMode::Any:
    case SearchMode::Linked: return 0.3;  // never interleaved: placed after (search_linked.h)
  }
  return 1.0;
}

}  // namespace

std::vector<SearchHit> interleave_tiers(std::vector<SearchHit> hits, std::size_t keep) {
  if (keep >= hits.size()) return hits;
  // Each tier's hits (by position), in tier order: SearchMode orders the tiers.
  std::map<SearchMode, std::vector<std::size_t>> queues;
  for (std::size_t i = keep; i < hits.size(); ++i) queues[hits[i].tier].push_back(i);
  std::map<SearchMode, std::size_t> next;  // each queue's head
  std::vector<SearchHit> out;
  out.reserve(hits.size());
  for (std::size_t i = 0; i < keep; ++i) out.push_back(std::move(hits[i]));
  while (out.size() < hits.size()) {
    const std::vector<std::size_t>* best = nullptr;
    SearchMode best_tier = SearchMode::None;
    double best_weight = 0;
    for (const auto& [tier, queue] : queues) {
      const std::size_t at = next[tier];
      if (at == queue.size()) continue;
      const double weight = hits[queue[at]].score * tier_factor(tier);
      if (!best || weight > best_weight) {
        best = &queue;
        best_tier = tier;
        best_weight = weight;
      }
    }
    out.push_back(std::move(hits[(*best)[next[best_tier]++]]));
  }
  return out;
}

}  // namespace lawref::searching
