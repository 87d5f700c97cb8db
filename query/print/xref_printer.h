// A provision's links for people (lawref xref, lawref show --xref) and for scripts (JSON lines).
#pragma once
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "law_store.h"
#include "output_format.h"
#include "xref.h"

namespace lawref {

// 反间谍法第五十七条 (cel-2023/art57): a link's end as people read it; the id alone when
// `names` does not know the law.
std::string describe(const LawStore& names, const ProvisionId& id);

// lawref xref: Text (the provision, then its links) or Json (one link per line, with its
// direction and depth).
void print_xrefs(std::ostream& out, const LawStore& names, const ProvisionId& at, const std::vector<XrefHit>& hits, OutputFormat format);

// The link lines alone, outgoing then incoming, indented by depth (below lawref show's text).
void print_xref_lines(std::ostream& out, const LawStore& names, const ProvisionId& at, const std::vector<XrefHit>& hits);

// [{link…, "direction": "in"|"out"}]: lawref show --json's "links".
nlohmann::ordered_json xref_links_json(const std::vector<XrefHit>& hits);

}  // namespace lawref
