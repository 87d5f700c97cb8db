// Alignment quality on the labelled national <-> local pairs (tests/data/alignment/*.tsv):
// builds the index of the default sources (core and local) with its link graph, then scores
// the stored implementation links of each labelled law. Usage:
//   alignment_eval GOLD.tsv… [--verbose]
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "alignment_eval.h"
#include "file_io.h"
#include "index_builder.h"
#include "link_graph.h"
#include "paths.h"

int main(int argc, char** argv) {
  std::vector<std::string> files;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) (std::string(argv[i]) == "--verbose" ? verbose = true : (files.emplace_back(argv[i]), false));
  if (files.empty()) {
    std::fprintf(stderr, "usage: alignment_eval GOLD.tsv… [--verbose]\n");
    return 2;
  }
  const auto tmp = std::filesystem::temp_directory_path() / ("lawref-align-" + std::to_string(::getpid()));
  lawref::IndexOptions options;
  options.catalog.sources = lawref::paths::default_sources();
  options.db = tmp / "index";
  lawref::build_index(lawref::Registry::builtin(), options);
  lawref::IndexStore store(options.db);
  lawref::LinkGraph graph(store);
  for (const std::string& file : files) {
    const lawref::GoldSet gold = lawref::parse_gold(lawref::read_file(file));
    const lawref::AlignmentScore s = lawref::score_alignment(gold, graph.outgoing(gold.local_law));
    std::printf("%-22s precision %.3f (%zu/%zu)  recall %.3f (%zu/%zu)  core recall %.3f (%zu/%zu)  additions kept %zu/%zu\n",
                gold.local_law.c_str(), s.precision(), s.predicted_right, s.predicted, s.recall(), s.gold_found, s.gold, s.core_recall(),
                s.core_found, s.core, s.additions_kept, s.additions);
    if (verbose) {
      for (const auto& [a, b] : s.wrong) std::printf("  wrong   %s -> %s\n", a.c_str(), b.c_str());
      for (const auto& [a, b] : s.missed) std::printf("  missed  %s -> %s\n", a.c_str(), b.c_str());
    }
  }
  std::filesystem::remove_all(tmp);
  return 0;
}
