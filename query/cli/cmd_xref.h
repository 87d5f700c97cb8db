// lawref xref CITATION: its options, and the command run in process.
#pragma once
#include <string>
#include <vector>

#include "common_options.h"

namespace lawref::cli {

struct XrefCommandOptions {
  CorpusOptions corpus;
  std::string citation;
  bool in = false, out = false, both = false, json = false;
  std::vector<std::string> kinds;  // --kind names, as typed
  int depth = 1;
  std::string as_of;
};

// Finds the provision's links and prints them on standard output; returns the exit code.
int run_xref(const XrefCommandOptions& options);

}  // namespace lawref::cli
