// lawref import PATH…: its options, and the command run in process.
#pragma once
#include <string>
#include <vector>

namespace lawref::cli {

struct ImportCommandOptions {
  std::vector<std::string> paths;
  std::string law;
  std::string lang;
  std::string output;  // a file, or "-" for standard output; empty: the imported folder
  bool dry_run = false;
  bool lenient = false;
  bool quiet = false;
  std::string translation_source;  // who made an imported translation (official, a publisher)
};

// Imports the statute files; returns the exit code.
int run_import(const ImportCommandOptions& options);

}  // namespace lawref::cli
