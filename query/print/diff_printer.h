// lawref diff's revision: the article mapping with each change marked (text), one JSON object,
// or an HTML page.
#pragma once
#include <ostream>

#include "law_side.h"
#include "output_format.h"
#include "revision_diff.h"

namespace lawref {

struct DiffPrintOptions {
  bool summary = false;       // the mapping alone, no texts (text, JSON)
  bool changed_only = false;  // text: leave out articles carried over unchanged
  bool color = false;         // text: changes in red and green instead of [-…-]{+…+}
};

// Text, Json or Html (the whole revision: summary and changed_only do not apply).
void print_diff(std::ostream& out, const LawSide& before, const LawSide& after, const RevisionDiff& diff, OutputFormat format,
                const DiffPrintOptions& options);

}  // namespace lawref
