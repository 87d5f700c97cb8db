// lawref index: its options, and the command run in process.
#pragma once
#include "common_options.h"

namespace lawref::cli {

struct IndexCommandOptions {
  CorpusOptions corpus;
  bool quiet = false;
  bool words = false;
  bool for_remote = false;
  bool full = false;
};

// Builds the index, with progress on a terminal; returns the exit code.
int run_index(const IndexCommandOptions& options);

}  // namespace lawref::cli
