#include "search_folding.h"

#include <algorithm>
#include <map>

namespace lawref::searching {
namespace {

Restatement restatement_of(const SearchHit& h) { return {h.id, h.law, h.citation, h.citation_en}; }

}  // namespace

std::vector<SearchHit> fold_restatements(std::vector<SearchHit> hits, std::size_t groups_wanted, const RestatedArticles& restates) {
  std::vector<SearchHit> groups;
  std::map<std::string, std::size_t> group_of;  // an article placed as a group's head → its group
  std::vector<bool> used(hits.size(), false);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (used[i]) continue;
    used[i] = true;
    const std::vector<std::string> national = restates(hits[i]);
    const auto placed = std::find_if(national.begin(), national.end(), [&](const std::string& id) { return group_of.count(id) > 0; });
    if (placed != national.end()) {
      groups[group_of.at(*placed)].restated_by.push_back(restatement_of(hits[i]));
      continue;
    }
    if (groups.size() >= groups_wanted) continue;
    std::size_t below = hits.size();  // the restated article further down, if any
    for (std::size_t j = i + 1; j < hits.size() && below == hits.size(); ++j)
      if (!used[j] && std::find(national.begin(), national.end(), hits[j].id) != national.end()) below = j;
    if (below == hits.size()) {
      group_of.emplace(hits[i].id, groups.size());
      groups.push_back(std::move(hits[i]));
      continue;
    }
    used[below] = true;
    SearchHit head = std::move(hits[below]);
    head.tier = hits[i].tier;
    head.score = std::max(head.score, hits[i].score);
    head.restated_by.push_back(restatement_of(hits[i]));
    group_of.emplace(head.id, groups.size());
    groups.push_back(std::move(head));
  }
  return groups;
}

}  // namespace lawref::searching
