// lawref laws: its options, and the command run in process.
#pragma once
#include "common_options.h"

namespace lawref::cli {

struct LawsCommandOptions {
  CorpusOptions corpus;
  bool json = false;
  bool registered_only = false;
};

// Lists the laws on standard output; returns the exit code.
int run_laws(const LawsCommandOptions& options);

}  // namespace lawref::cli
