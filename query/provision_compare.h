// lawref compare: a local (or implementing) law against a national one, as an alignment
// table, or two provisions side by side.
#pragma once
#include <string>
#include <vector>

#include "links.h"
#include "model.h"
#include "text_diff.h"

namespace lawref {

// Implementation links from `local` to `national`: the stored ones when the index has them,
// else aligned on the spot from `local_links` (its resolved citations) and similarity.
std::vector<links::Link> alignment_table(const LawText& local, const LawText& national, const std::vector<links::Link>& local_links,
                                         bool* stored = nullptr);

struct ProvisionComparison {
  std::string left, right;  // texts as lawref show prints them
  std::vector<DiffSegment> diff;
  double similarity = 0;    // tf-idf cosine of character bigrams, as the alignments use
};

ProvisionComparison compare_provisions(const LawText& left_law, const ProvisionPath& left, const LawText& right_law,
                                       const ProvisionPath& right);

}  // namespace lawref
