// Citations on the command line of the graph commands (xref, diff, compare), resolved
// against the index.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "index_store.h"
#include "lookup.h"
#include "xref.h"

namespace lawref::cli {

// Looks `citation` up in the index as of `as_of` (empty: today). On failure prints one line
// and sets `code` (1 not found, 2 unparsable); the result's status tells.
// A whole law without text in the index is found when the command needs no text (xref: others
// may cite it).
enum class TextNeed { Required, Optional };
LookupResult resolve_citation(Lookup& lookup, const std::string& citation, const std::string& as_of, int& code,
                              TextNeed need = TextNeed::Required);

// 反间谍法第五十七条 (cel-2023/art57): how a link's end is shown to people.
std::string describe(IndexStore& store, const ProvisionId& id);

// A similarity score for people: two decimals.
std::string score_label(double score);

// The links of `at`, outgoing then incoming, one per line (indented by depth).
void print_xrefs(std::ostream& out, IndexStore& store, const ProvisionId& at, const std::vector<XrefHit>& hits);

}  // namespace lawref::cli
