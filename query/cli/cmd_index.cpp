// lawref index: build the search index from the sources (and imported texts), atomically.
#include <cstdio>
#include <iostream>
#include <string>
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
    if (!opt->quiet)
      options.waiting = [db = options.db](long pid) {
        std::fprintf(stderr, "lawref: note: another lawref index%s is building %s; waiting for it to finish\n",
                     pid ? (" (pid " + std::to_string(pid) + ")").c_str() : "", db.string().c_str());
      };
    try {
      const IndexSummary s = build_index(Registry::builtin(), options);
      if (terminal)
        std::fprintf(stderr, "\rindexed %zu laws (%zu texts), %zu articles in %.1f s; %.1f MB at %s\n", s.laws, s.texts, s.articles, s.seconds,
                     static_cast<double>(s.bytes) / 1e6, options.db.string().c_str());
      // What was left out is said however the output goes (and with -q): a skip is never silent.
      if (!s.problems.empty()) std::fprintf(stderr, "lawref: warning: %s\n", summarize_problems(s.problems).c_str());
      if (s.skipped) {
        std::string examples;
        for (std::size_t i = 0; i < s.skipped_examples.size() && i < 3; ++i) examples += (i ? "; " : "") + s.skipped_examples[i];
        if (s.skipped > 3) examples += "; and " + std::to_string(s.skipped - 3) + " more (lawref check lists those that do not import)";
        std::fprintf(stderr, "lawref: warning: skipped %zu text%s that the index cannot take: %s\n", s.skipped, s.skipped == 1 ? "" : "s",
                     examples.c_str());
      }
      exit_code = exit_code::kOk;
    } catch (const IndexError& e) {
      if (terminal) std::fputc('\n', stderr);
      exit_code = fail(exit_code::kCorpusProblem, e.what());
    }
  });
}

}  // namespace lawref::cli
