// lawref export xrefs|akn: its options, and the command run in process.
#pragma once
#include <string>
#include <vector>

#include "common_options.h"

namespace lawref::cli {

struct ExportCommandOptions {
  CorpusOptions corpus;
  std::string what;             // xrefs or akn
  std::string law;              // an id or a name; empty: every law (xrefs)
  std::string format = "jsonl"; // xrefs: csv, jsonl, graphml or dot
  std::vector<std::string> kinds;
  std::string lang = "zh";      // akn
};

// Writes the export on standard output; returns the exit code.
int run_export(const ExportCommandOptions& options);

}  // namespace lawref::cli
