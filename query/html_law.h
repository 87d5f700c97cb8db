// lawref show LAW --html: a whole law as a page — its chapters, every article, paragraph and
// item anchored (their Akoma Ntoso eIds: #art_14, #art_14__para_2), the Chinese beside the
// English once an English text exists, citations in the text as links (to anchors on the
// page, or to the cited law's page <id>.html), each article's cited-by list and the law's
// cross-link graph. lawref show PROVISION --html: one article and its neighbourhood.
#pragma once
#include <string>
#include <vector>

#include "lookup.h"
#include "xref.h"

namespace lawref::html {

struct LawPageLinks {
  std::vector<links::Link> outgoing;  // the law's own links (LinkGraph::outgoing)
  std::vector<links::Link> incoming;  // links of other laws into it (LinkGraph::incoming)
  bool graph = true;                  // draw the law's citations as a graph (needs Graphviz)
};

// `r`: a whole law (r.article null); r.en, when set, is shown beside the Chinese.
// `registry` names the other laws links reach; null `links`: no index, no links.
std::string law_page(const LookupResult& r, const Registry& registry, const LawPageLinks* links);

// One article (the cited part marked), both languages when r.en is set, and the links of
// `hits` (find_xrefs) listed and drawn as a graph.
std::string provision_page(const LookupResult& r, const Registry& registry, const std::vector<XrefHit>& hits);

}  // namespace lawref::html
