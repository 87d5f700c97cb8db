#include "search_linked.h"

#include <algorithm>
#include <set>

namespace lawref::searching {
namespace {

std::string article_id(const std::string& law, const ProvisionPath& p) { return ProvisionId{law, ProvisionPath{p.article, p.insertion}}.str(); }

bool is_article(const ProvisionPath& p, int article, int insertion) { return p.article == article && p.insertion == insertion; }

}  // namespace

LinksByArticle internal_links_by_target(const std::vector<links::Link>& outgoing) {
  LinksByArticle out;
  for (const links::Link& l : outgoing)
    if (l.kind == links::LinkKind::Internal && l.to.law == l.from.law && l.to.path.article != 0) out[{l.to.path.article, l.to.path.insertion}].push_back(&l);
  return out;
}

LinksByArticle implements_links_by_target(const std::vector<links::Link>& incoming) {
  LinksByArticle out;
  for (const links::Link& l : incoming)
    if (l.kind == links::LinkKind::Implements && l.to.path.article != 0) out[{l.to.path.article, l.to.path.insertion}].push_back(&l);
  return out;
}

std::vector<LinkedProvision> linked_provisions(const std::vector<SearchHit>& page, std::size_t penalized, std::size_t implemented, const LinkReader& reader) {
  std::vector<LinkedProvision> out;
  std::set<std::string> on_page;
  for (const SearchHit& h : page) {
    on_page.insert(h.id);
    for (const Restatement& r : h.restated_by) on_page.insert(r.id);
  }
  // The local articles implementing the national article `to` (law, article, insertion).
  const auto implementers = [&](const std::string& to, const std::string& law, int article, int insertion) {
    if (!reader.is_national(law)) return;
    for (const links::Link* link : reader.implementing(law, article, insertion)) {
      const links::Link& l = *link;
      if (l.kind != links::LinkKind::Implements || !is_article(l.to.path, article, insertion) || l.from.path.article == 0) continue;
      if (reader.is_national(l.from.law) || !reader.admitted(l.from.law)) continue;
      std::string id = article_id(l.from.law, l.from.path);
      if (on_page.insert(id).second) out.push_back({std::move(id), to, LinkedBy::Implements});
    }
  };
  for (std::size_t i = 0; i < std::min(implemented, page.size()); ++i) {
    const SearchHit& h = page[i];
    if (h.law.empty() || h.article == 0) continue;
    for (const links::Link* link : i < penalized ? reader.citing(h.law, h.article, h.insertion) : LinksInto{}) {
      const links::Link& l = *link;
      if (l.kind != links::LinkKind::Internal || l.to.law != h.law || !is_article(l.to.path, h.article, h.insertion)) continue;
      if (is_article(l.from.path, h.article, h.insertion) || l.from.path.article == 0) continue;  // 前款: within the article
      std::string id = article_id(h.law, l.from.path);
      if (on_page.count(id) || !reader.is_liability(id)) continue;
      on_page.insert(id);
      out.push_back({id, h.id, LinkedBy::Penalty});
      implementers(id, h.law, l.from.path.article, l.from.path.insertion);
    }
    implementers(h.id, h.law, h.article, h.insertion);
  }
  return out;
}

std::vector<SearchHit> place_linked(std::vector<SearchHit> page, const std::vector<LinkedProvision>& linked, const MakeHit& make_hit, std::size_t slot) {
  const auto find = [&](const std::string& id) {
    return std::find_if(page.begin(), page.end(), [&](const SearchHit& h) { return h.id == id; });
  };
  for (const LinkedProvision& l : linked) {
    auto to = find(l.to);
    if (to == page.end()) continue;
    SearchHit hit = make_hit(l.id);
    if (l.by == LinkedBy::Implements) {
      to->restated_by.push_back({hit.id, hit.law, hit.citation, hit.citation_en, true});
      continue;
    }
    hit.tier = SearchMode::Linked;
    hit.score = to->score;
    hit.linked_to = {to->id, to->law, to->citation, to->citation_en, true};
    auto at = to + 1;  // below the hit and the penalties placed below it before
    while (at != page.end() && at->tier == SearchMode::Linked && at->linked_to.id == l.to) ++at;
    if (slot && static_cast<std::size_t>(at - page.begin()) < slot) at = page.begin() + static_cast<std::ptrdiff_t>(std::min(slot, page.size()));
    page.insert(at, std::move(hit));
  }
  return page;
}

}  // namespace lawref::searching
