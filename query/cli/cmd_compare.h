// lawref compare A B (or A --locals): its options, and the command run in process.
#pragma once
#include <string>

#include "common_options.h"

namespace lawref::cli {

struct CompareCommandOptions {
  CorpusOptions corpus;
  std::string left, right, as_of;  // right is empty with --locals
  bool json = false, csv = false, locals = false, html = false;
};

// Compares and prints the alignment, the two provisions or the localities view on standard
// output; returns the exit code.
int run_compare(const CompareCommandOptions& options);

}  // namespace lawref::cli
