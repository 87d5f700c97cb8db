// lawref search QUERY: its options, and the command run in process.
#pragma once
#include <string>
#include <vector>

#include "common_options.h"
#include "search.h"

namespace lawref::cli {

struct SearchCommandOptions {
  CorpusOptions corpus;
  std::vector<std::string> words;  // the query, as the shell split it
  SearchOptions search;            // filters and paging (its query is made of `words`)
  bool json = false;
  bool explain = false;
  bool no_fold = false;  // restatements as hits of their own (SearchOptions::fold_restatements off)
};

// Searches and prints the hits on standard output; returns the exit code.
int run_search(const SearchCommandOptions& options);

}  // namespace lawref::cli
