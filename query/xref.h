// lawref xref: the links from and to a provision, optionally followed further (--depth).
#pragma once
#include <set>
#include <vector>

#include "link_graph.h"

namespace lawref {

enum class XrefDirection { Out, In, Both };

struct XrefOptions {
  XrefDirection direction = XrefDirection::Both;
  std::set<links::LinkKind> kinds;  // empty: every kind
  int depth = 1;                    // 1: direct links; 2: also the links of what they reach, …
};

struct XrefHit {
  links::Link link;
  bool incoming = false;  // the link points at the provision asked about (or at what depth 1 reached)
  int depth = 1;
  // Implementation through another version, the article of that version the link goes through:
  // incoming, what implements an earlier version of the provision (Shanghai 2021 art 5 implements
  // cel-2014/art19, which cel-2023/art12 continues; the stored link, to cel-2014/art19);
  // outgoing, the provision's implementation of an earlier version as it stands today (Shanghai
  // art 5 -> cel-2023/art12, a link derived from the stored one to cel-2014/art19). Empty for a
  // stored link of the provision itself.
  ProvisionId via;
};

// Links of `at` (a provision, or a whole law when its article is 0). Outgoing: links made by
// text inside `at`. Incoming: links pointing inside `at`, or at the article or law holding it.
// Each link is reported once, nearest depth first; a provision is expanded once. An
// implementation reaches across versions at the same depth (with `via`): incoming, what
// implements an earlier version that the provision continues; outgoing, what the provision
// implements as it stands in later versions. A regulation made under the 2014 law implements
// today's article too, as `lawref compare --locals` shows it.
std::vector<XrefHit> find_xrefs(LinkGraph& graph, const ProvisionId& at, const XrefOptions& options);

}  // namespace lawref
