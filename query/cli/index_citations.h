// Citations on the command line of the graph commands (xref, diff, compare), resolved
// against the index.
#pragma once
#include <string>

#include "index_store.h"
#include "lookup.h"

namespace lawref::cli {

// Looks `citation` up in the index as of `as_of` (empty: today). On failure prints one line
// and sets `code` (1 not found, 2 unparsable); the result's status tells.
// A whole law without text in the index is found when the command needs no text (xref: others
// may cite it).
enum class TextNeed { Required, Optional };
LookupResult resolve_citation(Lookup& lookup, const std::string& citation, const std::string& as_of, int& code,
                              TextNeed need = TextNeed::Required);

}  // namespace lawref::cli
