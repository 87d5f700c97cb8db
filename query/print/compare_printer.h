// lawref compare's three views: two laws as an alignment table, two provisions side by side,
// and one national law against every locality.
#pragma once
#include <ostream>
#include <vector>

#include "law_side.h"
#include "law_store.h"
#include "links.h"
#include "localities_view.h"
#include "output_format.h"
#include "provision_compare.h"

namespace lawref {

struct ComparePrintOptions {
  bool color = false;  // text: differences in red and green instead of [-…-]{+…+}
};

// compare LAW LAW: which article of `local` implements which provision of `national`; `stored`:
// the table is the index's own links. Text, Json (one link per line) or Html.
void print_alignment(std::ostream& out, const LawSide& local, const LawSide& national, const std::vector<links::Link>& table, bool stored,
                     OutputFormat format);

// compare CITATION CITATION: both texts and their differences. Text or Json.
void print_provision_comparison(std::ostream& out, const ProvisionId& left, const ProvisionId& right, const ProvisionComparison& comparison,
                                OutputFormat format, const ComparePrintOptions& options);

// compare LAW --locals: Text, Json, Csv or Html (the page names provisions from `store`).
void print_localities(std::ostream& out, const LocalitiesView& view, LawStore& store, OutputFormat format);

}  // namespace lawref
