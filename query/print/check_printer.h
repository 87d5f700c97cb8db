// lawref check's report: one line per text (ok or FAIL, with its problems), then the totals.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "corpus_check.h"

namespace lawref {

struct CheckPrintOptions {
  bool quiet = false;  // only the problems and the final count
};

// `untranslated`: the laws with a Chinese text and no English one.
void print_check(std::ostream& out, const CheckReport& report, const std::vector<std::string>& untranslated, const CheckPrintOptions& options);

}  // namespace lawref
