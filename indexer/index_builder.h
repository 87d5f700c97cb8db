// lawref index: every article of every law text in the catalog -> one Xapian document.
// The database is built in a fresh directory and swapped in atomically: <db> is a symlink
// to <db>.versions/<version>, replaced by rename(2) only after the new index is committed.
// A crash or Ctrl-C mid-build leaves the previous index untouched and usable. Builds of one
// index take turns (index_lock.h); a text the index cannot hold (index_limits.h) is skipped.
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "catalog.h"

namespace lawref {

// A build's phases, in order: texts read and indexed (in parallel shards), every citation
// found and resolved, versions and implementing regulations aligned, the index written.
enum class IndexPhase { Texts, Citations, Alignment, Writing };
inline constexpr IndexPhase kAllPhases[] = {IndexPhase::Texts, IndexPhase::Citations, IndexPhase::Alignment, IndexPhase::Writing};
const char* to_string(IndexPhase phase);

struct IndexProgress {
  IndexPhase phase = IndexPhase::Texts;
  std::size_t done = 0, total = 0;  // this phase's units: texts, citing laws, pairs of texts aligned (none for writing)
  std::size_t articles = 0;         // indexed so far
  double seconds = 0;               // since the build began
  double phase_seconds = 0;         // since this phase began
};

struct IndexOptions {
  CatalogOptions catalog;
  std::filesystem::path db;
  bool dictionary_words = false;  // index ICU dictionary words too (see bench/README.md)
  unsigned threads = 0;           // 0: one per core
  // Keep each document's term list: Xapian's remote protocol (xapian-tcpsrv) needs it to hand
  // out documents. Without it the index is 40% smaller and builds 20% faster (bench/README.md).
  bool term_lists = false;
  // Called now and then, from any thread but never from two at once; may be empty.
  std::function<void(const IndexProgress&)> progress;
  // One build per index at a time (index_lock.h): how long to wait for another one, and what
  // to tell the user before waiting (the other build's pid, 0 when unknown); may be empty.
  std::chrono::milliseconds lock_wait = std::chrono::minutes(10);
  std::function<void(long pid)> waiting;
};

struct IndexSummary {
  std::size_t laws = 0, texts = 0, articles = 0, skipped = 0;
  std::vector<std::string> skipped_examples;  // "file: reason", the first few: texts that do not import or that the index cannot hold
  std::vector<CatalogProblem> problems;       // files and folders the catalog could not use (unreadable, broken XML, …)
  double seconds = 0;
  std::map<IndexPhase, double> phase_seconds;  // where the time went
  std::uintmax_t bytes = 0;  // size of the new index on disk
  std::map<std::string, std::size_t> links;  // cross-links of each kind
  std::filesystem::path version_dir;
};

// Exit 3 in the CLI: a missing source, an index that cannot be written, another build running.
struct IndexError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

IndexSummary build_index(const Registry& registry, const IndexOptions& options);

// The default index location: $LAWREF_DB, else <lawref home>/index.
std::filesystem::path default_db_path();

}  // namespace lawref
