// Cross-link graphs on pages: links drawn by Graphviz (dot -Tsvg) with a CJK-capable font and
// citations as node labels (反间谍法第五十七条, not cel-2023/art57), ready to inline.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "links.h"
#include "registry.h"

namespace lawref::html {

// Where a node links to on the page (an "#anchor" or "other-law.html#anchor"), or empty.
using NodeHref = std::function<std::string(const ProvisionId&)>;

// The Graphviz source: lawref export's dot (provisions grouped by law), with each node
// labelled by its citation and linked through `href`, and each law's box by its name.
std::string links_dot(const std::vector<links::Link>& links, const Registry& registry, const NodeHref& href);

// The <svg> element Graphviz draws for `dot`, or empty with `error` set when Graphviz is not
// installed or fails.
std::string render_svg(const std::string& dot, std::string& error);

// A <figure> holding the graph of `links` (or a note saying why there is none) under `caption`.
std::string graph_figure(const std::vector<links::Link>& links, const Registry& registry, const NodeHref& href, const std::string& caption);

}  // namespace lawref::html
