// lawref show CITATION…: its options, and the command run in process.
#pragma once
#include <string>
#include <vector>

#include "common_options.h"

namespace lawref::cli {

struct ShowCommandOptions {
  CorpusOptions corpus;
  std::vector<std::string> citations;  // none, or "-": one per line on standard input
  std::string lang;                    // zh, en or both; unset: zh, but both for --html
  std::string as_of;                   // unset: today
  bool json = false;
  bool context = false;
  bool xref = false;
  bool html = false;
};

// Looks the citations up and prints the provisions on standard output; returns the worst
// exit code of them.
int run_show(const ShowCommandOptions& options);

}  // namespace lawref::cli
