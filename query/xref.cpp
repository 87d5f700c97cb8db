#include "xref.h"

#include <algorithm>
#include <deque>

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
    std::vector<std::pair<const links::Link*, bool>> found;
    if (options.direction != XrefDirection::In)
      for (const links::Link& l : graph.outgoing(node.law))
        if (within(l.from, node) && wanted(l)) found.emplace_back(&l, false);
    if (options.direction != XrefDirection::Out) {
      for (const links::Link& l : graph.incoming(node.law))
        if (points_at(l, node) && wanted(l)) found.emplace_back(&l, true);
      for (const links::Link& l : graph.outgoing(node.law))  // the law's own internal links
        if (l.to.law == node.law && points_at(l, node) && wanted(l)) found.emplace_back(&l, true);
    }
    for (const auto& [link, incoming] : found) {
      if (!reported.insert(key(*link)).second) continue;
      out.push_back({*link, incoming, depth});
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
