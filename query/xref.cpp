#include "xref.h"

#include <algorithm>
#include <deque>
#include <tuple>

namespace lawref {
namespace {

// A link to the article (or paragraph) holding `at` concerns `at` too; a link to a whole
// law does not concern each of its provisions.
bool points_at(const links::Link& l, const ProvisionId& at) {
  if (l.to.law.empty()) return false;
  if (within(l.to, at)) return true;
  return l.to.path.article != 0 && within(at, l.to);
}

std::string key(const links::Link& l) {
  return std::string(links::to_string(l.kind)) + "|" + l.from.str() + "|" + (l.to.law.empty() ? "" : l.to.str()) + "|" + l.external + "|" +
         std::to_string(l.offset);
}

// The provisions of earlier versions that `node` continues (cel-2014/art19 for cel-2023/art12),
// through every version before it; bounded by the versions' links, each article once.
std::vector<ProvisionId> earlier_versions(LinkGraph& graph, const ProvisionId& node) {
  std::vector<ProvisionId> out;
  std::set<std::string> seen{node.str()};
  std::deque<ProvisionId> todo{node};
  while (!todo.empty()) {
    const ProvisionId newer = todo.front();
    todo.pop_front();
    for (const links::Link& l : graph.incoming(newer.law)) {
      if (l.kind != links::LinkKind::Version || !points_at(l, newer)) continue;
      const ProvisionId older{l.from.law, article_path(l.from.path)};
      if (!seen.insert(older.str()).second) continue;
      out.push_back(older);
      todo.push_back(older);
    }
  }
  return out;
}

}  // namespace

std::vector<XrefHit> find_xrefs(LinkGraph& graph, const ProvisionId& at, const XrefOptions& options) {
  std::vector<XrefHit> out;
  std::set<std::string> reported, expanded;
  std::deque<std::pair<ProvisionId, int>> queue{{at, 1}};
  expanded.insert(at.str());
  auto wanted = [&](const links::Link& l) { return options.kinds.empty() || options.kinds.count(l.kind); };
  while (!queue.empty()) {
    const auto [node, depth] = queue.front();
    queue.pop_front();
    std::vector<std::tuple<const links::Link*, bool, ProvisionId>> found;
    if (options.direction != XrefDirection::In)
      for (const links::Link& l : graph.outgoing(node.law))
        if (within(l.from, node) && wanted(l)) found.emplace_back(&l, false, ProvisionId{});
    if (options.direction != XrefDirection::Out) {
      for (const links::Link& l : graph.incoming(node.law))
        if (points_at(l, node) && wanted(l)) found.emplace_back(&l, true, ProvisionId{});
      for (const links::Link& l : graph.outgoing(node.law))  // the law's own internal links
        if (l.to.law == node.law && points_at(l, node) && wanted(l)) found.emplace_back(&l, true, ProvisionId{});
      if (node.path.article != 0 && (options.kinds.empty() || options.kinds.count(links::LinkKind::Implements)))
        for (const ProvisionId& older : earlier_versions(graph, node))
          for (const links::Link& l : graph.incoming(older.law))
            if (l.kind == links::LinkKind::Implements && points_at(l, older)) found.emplace_back(&l, true, older);
    }
    for (const auto& [link, incoming, via] : found) {
      if (!reported.insert(key(*link)).second) continue;
      out.push_back({*link, incoming, depth, via});
      if (depth >= options.depth) continue;
      const ProvisionId& other = incoming ? link->from : link->to;
      if (other.law.empty()) continue;
      const ProvisionId next{other.law, article_path(other.path)};
      if (expanded.insert(next.str()).second) queue.emplace_back(next, depth + 1);
    }
  }
  return out;
}

}  // namespace lawref
