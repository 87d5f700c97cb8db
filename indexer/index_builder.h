// lawref index: every article of every law text in the catalog -> one Xapian document.
// When an index exists and only some texts changed, only what they touch is rebuilt
// (index_update.h); otherwise, or with `full`, the whole index is built again.
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
  bool full = false;  // rebuild everything even when an update would do
};

// What a run of build_index did.
enum class IndexBuildKind {
  Full,         // built every law (full_reason says why)
  Incremental,  // rebuilt only what changed
  Unchanged,    // nothing changed since the last build: the index was left as it was
};
const char* to_string(IndexBuildKind kind);

// Why a build was full rather than incremental.
enum class FullBuildReason {
  Requested,          // --full
  NoIndex,            // there was none to update
  NoBuildRecords,     // the index predates incremental updates, or its parts are gone
  SchemaChanged,      // built for another index schema
  LawrefChanged,      // built by another lawref binary: its parser and analyzer may differ
  OptionsChanged,     // --words or --for-remote differ from the index's
  SourcesChanged,     // other source folders, or another import folder
  NamesChanged,       // a name texts are read for changed that has no Chinese bigram to look up
  AmendmentsChanged,  // an amendment's commencement date changed: any amended law's dates may have
  ManyChanges,        // the changes reach more than half of the index parts: a full build is about as quick
};
const char* to_string(FullBuildReason reason);  // one phrase: "the index predates incremental updates"

struct IndexSummary {
  IndexBuildKind kind = IndexBuildKind::Full;
  FullBuildReason full_reason = FullBuildReason::Requested;
  // What this run (re)built: laws re-read, their documents (articles in each language), links made.
  std::size_t changed_laws = 0;  // incremental: laws whose text or record changed
  std::size_t rebuilt_laws = 0, rebuilt_documents = 0, rebuilt_links = 0;
  std::size_t laws = 0, texts = 0, articles = 0, skipped = 0;  // the whole index
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
