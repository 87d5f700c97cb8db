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

// The articles of the other versions that `node` continues (backward: cel-2014/art19 for
// cel-2023/art12) or that continue it (forward: cel-2023/art12 for cel-2014/art19), through every
// version on the way; bounded by the versions' links, each article once.
enum class Along { Backward, Forward };
std::vector<ProvisionId> other_versions(LinkGraph& graph, const ProvisionId& node, Along along) {
  std::vector<ProvisionId> out;
  std::set<std::string> seen{node.str()};
  std::deque<ProvisionId> todo{node};
  const bool back = along == Along::Backward;
  while (!todo.empty()) {
    const ProvisionId at = todo.front();
    todo.pop_front();
    for (const links::Link& l : back ? graph.incoming(at.law) : graph.outgoing(at.law)) {
      if (l.kind != links::LinkKind::Version || !(back ? points_at(l, at) : within(l.from, at))) continue;
      const ProvisionId& end = back ? l.from : l.to;
      const ProvisionId other{end.law, article_path(end.path)};
      if (!seen.insert(other.str()).second) continue;
      out.push_back(other);
      todo.push_back(other);
    }
  }
  return out;
}

}  // namespace

std::vector<XrefHit> find_xrefs(LinkGraph& graph, const ProvisionId& at, const XrefOptions& options) {
  std::vector<XrefHit> out;
  std::set<std::string> reported, expanded;
  std::deque<links::Link> derived;  // links made here (`via`), kept at stable addresses
  std::deque<std::pair<ProvisionId, int>> queue{{at, 1}};
  expanded.insert(at.str());
  const auto wanted_kind = [&](links::LinkKind kind) { return options.kinds.empty() || options.kinds.count(kind) > 0; };
  const auto wanted = [&](const links::Link& l) { return wanted_kind(l.kind); };
  const bool implements_wanted = wanted_kind(links::LinkKind::Implements);
  while (!queue.empty()) {
    const auto [node, depth] = queue.front();
    queue.pop_front();
    std::vector<std::tuple<const links::Link*, bool, ProvisionId>> found;
    if (options.direction != XrefDirection::In) {
      for (const links::Link& l : graph.outgoing(node.law))
        if (within(l.from, node) && wanted(l)) found.emplace_back(&l, false, ProvisionId{});
      // What an article made under an earlier version implements, it implements as that article
      // stands today (Sichuan 2019 art 12 -> cel-2014 art 16 -> cel-2023 art 22): a link derived
      // from the stored one, marked by `via`; after every stored link, so that one stored too is
      // reported as stored.
      if (implements_wanted)
        for (const links::Link& l : graph.outgoing(node.law)) {
          if (l.kind != links::LinkKind::Implements || !within(l.from, node) || l.to.law.empty()) continue;
          const ProvisionId earlier{l.to.law, article_path(l.to.path)};
          for (const ProvisionId& later : other_versions(graph, earlier, Along::Forward)) {
            links::Link today = l;
            today.to = later;
            derived.push_back(std::move(today));
            found.emplace_back(&derived.back(), false, earlier);
          }
        }
    }
    if (options.direction != XrefDirection::Out) {
      for (const links::Link& l : graph.incoming(node.law))
        if (points_at(l, node) && wanted(l)) found.emplace_back(&l, true, ProvisionId{});
      for (const links::Link& l : graph.outgoing(node.law))  // the law's own internal links
        if (l.to.law == node.law && points_at(l, node) && wanted(l)) found.emplace_back(&l, true, ProvisionId{});
      if (node.path.article != 0 && implements_wanted)
        for (const ProvisionId& older : other_versions(graph, node, Along::Backward))
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
