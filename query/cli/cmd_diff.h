// lawref diff OLD NEW: its options, and the command run in process.
#pragma once
#include <string>

#include "common_options.h"

namespace lawref::cli {

struct DiffCommandOptions {
  CorpusOptions corpus;
  std::string before, after;  // the two laws, as typed
  bool summary = false, json = false, changed_only = false, html = false;
};

// Diffs the two versions and prints the revision on standard output; returns the exit code.
int run_diff(const DiffCommandOptions& options);

}  // namespace lawref::cli
