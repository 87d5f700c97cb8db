#include "localities_view.h"

#include <algorithm>
#include <set>

#include "article_alignment.h"
#include "link_builder.h"

namespace lawref {
namespace {

// The national law and its earlier versions, newest first.
std::vector<const LawInfo*> versions_back(const Registry& registry, const LawInfo& national) {
  std::vector<const LawInfo*> out{&national};
  for (const LawInfo* l = &national; !l->supersedes.empty();) {
    l = registry.find(l->supersedes);
    if (!l || std::find(out.begin(), out.end(), l) != out.end()) break;
    out.push_back(l);
  }
  return out;
}

void continue_to(std::vector<ProvisionPath>& list, const ProvisionPath& p) {
  if (std::find(list.begin(), list.end(), p) == list.end()) list.push_back(p);
}

}  // namespace

LocalitiesView localities_view(IndexStore& store, LinkGraph& graph, const LawInfo& national) {
  LocalitiesView view;
  view.national = &national;
  view.text = store.text(national.id, "zh");
  if (!view.text) return view;
  for (const Article& a : view.text->articles) view.rows.push_back({&a, {}});
  auto row_of = [&](const ProvisionPath& p) -> NationalRow* {
    for (NationalRow& r : view.rows)
      if (r.article->number == p.article && r.article->insertion == p.insertion) return &r;
    return nullptr;
  };

  // Each earlier version's articles -> the articles of `national` that continue them.
  const std::vector<const LawInfo*> versions = versions_back(store.registry(), national);
  std::map<std::string, std::vector<ProvisionPath>> continued;  // earlier article id -> national paths
  for (std::size_t v = 1; v < versions.size(); ++v) {  // newest first: an older one may go through it
    for (const links::Link& l : graph.outgoing(versions[v]->id)) {
      if (l.kind != links::LinkKind::Version) continue;
      const std::string from = ProvisionId{l.from.law, article_path(l.from.path)}.str();
      if (l.to.law == national.id) continue_to(continued[from], article_path(l.to.path));
      else  // through an intermediate version: follow what that one continues as
        for (const ProvisionPath& p : continued[ProvisionId{l.to.law, article_path(l.to.path)}.str()]) continue_to(continued[from], p);
    }
  }

  std::map<std::string, std::size_t> local_index;
  for (const LawInfo* version : versions) {
    for (const links::Link& l : graph.incoming(version->id)) {
      if (l.kind != links::LinkKind::Implements) continue;
      const LawInfo* local = store.law(l.from.law);
      if (!local || local->is_national()) continue;
      auto [it, fresh] = local_index.emplace(local->id, view.locals.size());
      if (fresh) view.locals.push_back({local, {}, {}, 0, 0});
      LocalLaw& ll = view.locals[it->second];
      if (std::find(ll.implements.begin(), ll.implements.end(), version->id) == ll.implements.end()) ll.implements.push_back(version->id);
      LocalMatch m{article_path(l.from.path), l.to.path, l.score, l.basis, {}};
      if (version == &national) {
        if (NationalRow* row = row_of(l.to.path)) row->locals[local->id].push_back(m);
        continue;
      }
      m.via = ProvisionId{version->id, l.to.path}.str();
      const auto next = continued.find(ProvisionId{version->id, article_path(l.to.path)}.str());
      if (next == continued.end()) continue;
      for (const ProvisionPath& p : next->second) {
        LocalMatch through = m;
        through.national = p;
        if (NationalRow* row = row_of(p)) row->locals[local->id].push_back(through);
      }
    }
  }
  // A regulation made under an earlier version is also aligned with today's text directly:
  // what it added then may be national law now (陕西 2021 art 7, the key-unit list, is
  // 反间谍法 2023 art 17), and an addition is judged against the law as it stands.
  for (LocalLaw& ll : view.locals) {
    if (std::find(ll.implements.begin(), ll.implements.end(), national.id) != ll.implements.end()) continue;
    const LawText* text = store.text(ll.info->id, "zh");
    if (!text) continue;
    for (const links::Link& l : links::implementation_links(*text, {view.text}, graph.outgoing(ll.info->id))) {
      NationalRow* row = row_of(l.to.path);
      if (!row) continue;
      std::vector<LocalMatch>& list = row->locals[ll.info->id];
      const ProvisionPath local = article_path(l.from.path);
      if (std::none_of(list.begin(), list.end(), [&](const LocalMatch& m) { return m.local == local; }))
        list.push_back({local, l.to.path, l.score, l.basis, "aligned with " + national.id + " directly"});
    }
  }
  // Registry order, then each locality's additions and coverage.
  std::sort(view.locals.begin(), view.locals.end(), [&](const LocalLaw& a, const LocalLaw& b) {
    const auto& laws = store.registry().laws();
    auto pos = [&](const LawInfo* l) { return std::find_if(laws.begin(), laws.end(), [&](const LawInfo& x) { return x.id == l->id; }); };
    return pos(a.info) < pos(b.info);
  });
  for (LocalLaw& ll : view.locals) {
    const LawText* text = store.text(ll.info->id, "zh");
    if (!text) continue;
    // Linked to any national law it implements (nsl-2015 too), or to this one directly.
    std::set<std::pair<int, int>> linked, here;
    for (const links::Link& l : graph.outgoing(ll.info->id))
      if (l.kind == links::LinkKind::Implements) linked.emplace(l.from.path.article, l.from.path.insertion);
    for (const NationalRow& row : view.rows)
      if (const auto it = row.locals.find(ll.info->id); it != row.locals.end())
        for (const LocalMatch& m : it->second) here.emplace(m.local.article, m.local.insertion);
    linked.insert(here.begin(), here.end());
    ll.articles = text->articles.size();
    ll.aligned = here.size();
    for (const Article& a : text->articles)
      if (!linked.count({a.number, a.insertion}) && !links::is_commencement_clause(a)) ll.additions.push_back(&a);
  }
  for (NationalRow& row : view.rows)
    for (auto& [law, matches] : row.locals)
      std::sort(matches.begin(), matches.end(), [](const LocalMatch& a, const LocalMatch& b) {
        return std::tie(a.local.article, a.local.insertion) < std::tie(b.local.article, b.local.insertion);
      });
  return view;
}

}  // namespace lawref
