// lawref index: build the search index from the sources (and imported texts), atomically.
#include "cmd_index.h"

#include <cstdio>
#include <iostream>
#include <malloc.h>
#include <string>
#include <unistd.h>

#include "commands.h"
#include "common_options.h"
#include "exit_codes.h"
#include "index_builder.h"

namespace lawref::cli {
namespace {

// "[3/4] aligning texts: 800/1659 pairs, 12.4 s, about 5 s left"
std::string describe_progress(const IndexProgress& p) {
  static const char* const what[] = {"reading and indexing texts", "finding citations", "aligning texts", "writing the index"};
  static const char* const units[] = {"texts", "laws", "pairs", ""};
  const auto phase = static_cast<std::size_t>(p.phase);
  std::string out = "[" + std::to_string(phase + 1) + "/" + std::to_string(std::size(kAllPhases)) + "] " + what[phase];
  if (p.total) out += ": " + std::to_string(p.done) + "/" + std::to_string(p.total) + " " + units[phase];
  if (p.phase == IndexPhase::Texts) out += ", " + std::to_string(p.articles) + " articles";
  char clock[64];
  std::snprintf(clock, sizeof clock, ", %.1f s", p.seconds);
  out += clock;
  // Time left in this phase, at the pace so far (once there is a pace to go by).
  if (p.total && p.done && p.done < p.total && p.phase_seconds > 1) {
    std::snprintf(clock, sizeof clock, ", about %.0f s left", p.phase_seconds * static_cast<double>(p.total - p.done) / static_cast<double>(p.done));
    out += clock;
  }
  return out;
}

// "texts 60.7 s, citations 2.2 s, …": where the time went.
std::string describe_phases(const IndexSummary& s) {
  std::string phases;
  for (const auto& [phase, seconds] : s.phase_seconds) {
    char part[64];
    std::snprintf(part, sizeof part, "%s%s %.2f s", phases.empty() ? "" : ", ", to_string(phase), seconds);
    phases += part;
  }
  return phases;
}

// One line: which kind of build it was, what it rebuilt, how long it took.
std::string describe_summary(const IndexSummary& s, const std::filesystem::path& db) {
  char line[1024];
  if (s.kind == IndexBuildKind::Unchanged) {
    std::snprintf(line, sizeof line, "index up to date: nothing changed since it was built (%zu laws, %zu articles); checked in %.2f s", s.laws,
                  s.articles, s.seconds);
  } else if (s.kind == IndexBuildKind::Incremental) {
    std::snprintf(line, sizeof line,
                  "updated the index in %.2f s (%s): %zu law%s changed; re-indexed %zu laws (%zu documents), remade %zu links; "
                  "now %zu laws, %zu articles; %.1f MB at %s",
                  s.seconds, describe_phases(s).c_str(), s.changed_laws, s.changed_laws == 1 ? "" : "s", s.rebuilt_laws, s.rebuilt_documents,
                  s.rebuilt_links, s.laws, s.articles, static_cast<double>(s.bytes) / 1e6, db.string().c_str());
  } else {
    std::snprintf(line, sizeof line, "indexed %zu laws (%zu texts), %zu articles, %zu documents, %zu links in %.1f s (full build: %s; %s); %.1f MB at %s",
                  s.laws, s.texts, s.articles, s.rebuilt_documents, s.rebuilt_links, s.seconds, to_string(s.full_reason),
                  describe_phases(s).c_str(), static_cast<double>(s.bytes) / 1e6, db.string().c_str());
  }
  return line;
}

// Buffers of 1 MB and more (an alignment's similarity matrices, Xapian's flush buffers) get pages
// of their own, handed back when freed, and free space above 4 MB at the top of the heap goes back
// too. By default glibc raises both thresholds to the largest buffer freed so far (up to 32 MB and
// 64 MB), and later large buffers grow the heap instead, beside the texts held for the link graph:
// measured, the build's peak of memory 251 -> 238 MB for +0.4 s of system time (bench/README.md,
// round five).
constexpr int kOwnPagesFrom = 1 << 20;
constexpr int kTrimAbove = 4 << 20;

}  // namespace

int run_index(const IndexCommandOptions& opt) {
  mallopt(M_MMAP_THRESHOLD, kOwnPagesFrom);
  mallopt(M_TRIM_THRESHOLD, kTrimAbove);
  IndexOptions options;
  options.catalog = opt.corpus.catalog_options();
  options.db = opt.corpus.db.empty() ? default_db_path() : std::filesystem::path(opt.corpus.db);
  options.dictionary_words = opt.words;
  options.term_lists = opt.for_remote;
  options.full = opt.full;
  const bool terminal = ::isatty(STDERR_FILENO) && !opt.quiet;
  if (terminal)
    options.progress = [](const IndexProgress& p) { std::fprintf(stderr, "\r%s\033[K", describe_progress(p).c_str()); };
  if (!opt.quiet)
    options.waiting = [db = options.db](long pid) {
      std::fprintf(stderr, "lawref: note: another lawref index%s is building %s; waiting for it to finish\n",
                   pid ? (" (pid " + std::to_string(pid) + ")").c_str() : "", db.string().c_str());
    };
  try {
    const IndexSummary s = build_index(Registry::builtin(), options);
    if (terminal) std::fprintf(stderr, "\r\033[K%s\n", describe_summary(s, options.db).c_str());
    // What was left out is said however the output goes (and with -q): a skip is never silent.
    if (!s.problems.empty()) std::fprintf(stderr, "lawref: warning: %s\n", summarize_problems(s.problems).c_str());
    if (s.skipped) {
      std::string examples;
      std::size_t shown = 0;
      for (; shown < s.skipped_examples.size() && shown < 3; ++shown) examples += (shown ? "; " : "") + s.skipped_examples[shown];
      // An update re-reads only some texts: the others skipped are counted, not named again.
      if (s.skipped > shown)
        examples += (shown ? "; and " : "") + std::to_string(s.skipped - shown) + (shown ? " more" : "") + " (lawref check lists those that do not import)";
      std::fprintf(stderr, "lawref: warning: skipped %zu text%s that the index cannot take: %s\n", s.skipped, s.skipped == 1 ? "" : "s",
                   examples.c_str());
    }
  } catch (const IndexError& e) {
    if (terminal) std::fputc('\n', stderr);
    return fail(exit_code::kCorpusProblem, e.what());
  }
  return exit_code::kOk;
}

void setup_index(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<IndexCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "index", "Build the search index of every provision, or update it where texts changed (built aside, then swapped in atomically)");
  opt->corpus.add_to(*cmd);
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress and no summary, even on a terminal");
  cmd->add_flag("--for-remote", opt->for_remote,
                "Keep the term lists Xapian's remote protocol needs, to serve the index with xapian-tcpsrv (larger, slower to build)");
  cmd->add_flag("--full", opt->full, "Rebuild every law, even when only some texts changed since the last build");
  cmd->add_flag("--words", opt->words, "Also index ICU dictionary words (slower; no better on the labelled queries, see bench/README.md)");
  cmd->callback([opt, &exit_code] { exit_code = run_index(*opt); });
}

}  // namespace lawref::cli
