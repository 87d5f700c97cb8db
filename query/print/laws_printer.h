// lawref laws: the listing as a table (text) or as {"count": N, "laws": [...]} (JSON).
#pragma once
#include <ostream>
#include <vector>

#include "law_listing.h"
#include "output_format.h"

namespace lawref {

// Text or Json.
void print_laws(std::ostream& out, const std::vector<LawRow>& rows, OutputFormat format);

}  // namespace lawref
