// lawref check: its options, and the command run in process.
#pragma once
#include "common_options.h"

namespace lawref::cli {

struct CheckCommandOptions {
  CorpusOptions corpus;
  bool quiet = false;
};

// Checks the registry and every text and prints the report on standard output; returns 0, or
// 3 when anything is wrong.
int run_check(const CheckCommandOptions& options);

}  // namespace lawref::cli
