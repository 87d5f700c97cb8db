// lawref index: build the search index from the sources (and imported texts), atomically.
#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "commands.h"
#include "common_options.h"
#include "exit_codes.h"
#include "index_builder.h"

namespace lawref::cli {

void setup_index(CLI::App& app, int& exit_code) {
  struct Options {
    CorpusOptions corpus;
    bool quiet = false;
    bool words = false;
  };
  auto opt = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("index", "Build the search index of every provision (built aside, then swapped in atomically)");
  opt->corpus.add_to(*cmd);
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress and no summary, even on a terminal");
  cmd->add_flag("--words", opt->words, "Also index ICU dictionary words (slower; no better on the labelled queries, see bench/README.md)");
  cmd->callback([opt, &exit_code] {
    IndexOptions options;
    options.catalog = opt->corpus.catalog_options();
    options.db = opt->corpus.db.empty() ? default_db_path() : std::filesystem::path(opt->corpus.db);
    options.dictionary_words = opt->words;
    const bool terminal = ::isatty(STDERR_FILENO) && !opt->quiet;
    if (terminal)
      options.progress = [](const IndexProgress& p) {
        std::fprintf(stderr, "\rindexing: %zu/%zu texts, %zu articles, %.1f s", p.texts_done, p.texts_total, p.articles, p.seconds);
      };
    try {
      const IndexSummary s = build_index(Registry::builtin(), options);
      if (terminal) {
        std::fprintf(stderr, "\rindexed %zu laws (%zu texts), %zu articles in %.1f s; %.1f MB at %s\n", s.laws, s.texts, s.articles, s.seconds,
                     static_cast<double>(s.bytes) / 1e6, options.db.string().c_str());
        if (s.skipped)
          std::fprintf(stderr, "skipped %zu texts that do not import (first: %s); see lawref check\n", s.skipped, s.skipped_examples[0].c_str());
      }
      exit_code = exit_code::kOk;
    } catch (const IndexError& e) {
      if (terminal) std::fputc('\n', stderr);
      exit_code = fail(exit_code::kCorpusProblem, e.what());
    }
  });
}

}  // namespace lawref::cli
