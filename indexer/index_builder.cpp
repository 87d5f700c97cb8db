#include "index_builder.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <xapian.h>

#include "amendment_dates.h"
#include "file_io.h"
#include "index_lock.h"
#include "index_metadata.h"
#include "index_parts.h"
#include "index_schema.h"
#include "index_update.h"
#include "index_versions.h"
#include "law_documents.h"
#include "link_builder.h"
#include "part_queue.h"
#include "paths.h"

namespace lawref {
namespace {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

// Progress of the build, phase by phase: passes it on at most every 100 ms (and at each phase's
// end), one caller at a time, and keeps how long each phase took.
class Progress {
 public:
  Progress(const IndexOptions& options, clock_type::time_point start) : callback_(options.progress), start_(start), phase_start_(start) {}

  void begin(IndexPhase phase) {
    const std::lock_guard<std::mutex> lock(mutex_);
    end_current();
    phase_ = phase;
    phase_start_ = clock_type::now();
    last_ = {};
    send(0, 0, true);
  }
  void update(std::size_t done, std::size_t total, bool force = false) {
    const std::lock_guard<std::mutex> lock(mutex_);
    send(done, total, force || done == total);
  }
  void add_articles(std::size_t n) { articles_ += n; }
  std::map<IndexPhase, double> finish() {
    const std::lock_guard<std::mutex> lock(mutex_);
    end_current();
    return seconds_;
  }

 private:
  void end_current() {
    if (started_) seconds_[phase_] = std::chrono::duration<double>(clock_type::now() - phase_start_).count();
    started_ = true;
  }
  void send(std::size_t done, std::size_t total, bool force) {
    if (!callback_) return;
    const auto now = clock_type::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    callback_({phase_, done, total, articles_.load(), std::chrono::duration<double>(now - start_).count(),
               std::chrono::duration<double>(now - phase_start_).count()});
  }

  const std::function<void(const IndexProgress&)>& callback_;
  const clock_type::time_point start_;
  std::mutex mutex_;
  IndexPhase phase_ = IndexPhase::Texts;
  bool started_ = false;
  clock_type::time_point phase_start_, last_{};
  std::atomic<std::size_t> articles_{0};
  std::map<IndexPhase, double> seconds_;
};

// The cross-link graph, computed once here and read by xref, compare, diff and export: the
// citations and the alignments, in parts as made.
std::vector<std::vector<links::Link>> make_links(const std::vector<IndexedLaw>& results, const IndexOptions& options, Progress& progress,
                                                 std::map<std::string, links::LawLinkInputs>& inputs) {
  Registry registry;
  registry.reserve(results.size());
  std::map<std::string, const LawText*> texts;
  for (const IndexedLaw& r : results) {
    registry.add(r.info);
    if (r.zh) texts.emplace(r.info.id, r.zh.get());
  }
  links::LinkOptions link_options;
  link_options.threads = options.threads;
  progress.begin(IndexPhase::Citations);
  int stage = 0;
  link_options.progress = [&](int s, std::size_t done, std::size_t total) {
    if (s != stage) {  // called one at a time: no race on stage
      stage = s;
      progress.begin(IndexPhase::Alignment);
    }
    progress.update(done, total);
  };
  return links::build_link_parts(registry, texts, link_options, &inputs);
}

// Each link under its citing law (xref-out) and, when it points into another law, under that law
// too (xref-in). Encoded on this thread: the other core is compacting the text parts meanwhile
// (encoding on two more threads took a new malloc arena and raised the peak of memory by ~15 MB).
std::map<std::string, std::size_t> store_links(Xapian::WritableDatabase& meta, const std::vector<std::vector<links::Link>>& parts) {
  std::map<std::string, std::vector<const links::Link*>> out, in;
  std::map<std::string, std::size_t> counts;
  for (const std::vector<links::Link>& part : parts)
    for (const links::Link& l : part) {
      ++counts[links::to_string(l.kind)];
      out[l.from.law].push_back(&l);
      if (!l.to.law.empty() && l.to.law != l.from.law) in[l.to.law].push_back(&l);
    }
  for (const auto& [law, v] : out) meta.set_metadata(schema::kMetaLinksOut + law, encode_link_list(v));
  for (const auto& [law, v] : in) meta.set_metadata(schema::kMetaLinksIn + law, encode_link_list(v));
  meta.set_metadata(schema::kMetaLinkCounts, encode_link_counts(counts));
  return counts;
}

// Indexes every law of the catalog into the parts under `building`, several parts at a time.
void index_parts(const Catalog& catalog, const AmendmentDates& amendments, const IndexOptions& options, const fs::path& building,
                 std::vector<IndexedLaw>& results, Progress& progress) {
  const auto& entries = catalog.entries();
  std::vector<std::vector<std::size_t>> parts(kIndexParts);
  std::size_t with_text = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    results[i].info = entries[i].info;
    if (entries[i].texts.empty()) continue;
    parts[part_of(entries[i].info.id)].push_back(i);
    ++with_text;
  }
  // One worker per core (a few texts do not need more than one), each taking the next part.
  unsigned workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(std::min<std::size_t>(workers, std::max<std::size_t>(1, with_text / 20)));
  std::atomic<unsigned> next{0};
  std::atomic<std::size_t> texts_done{0};
  std::vector<std::exception_ptr> errors(workers + 1);  // the last: the compaction's
  std::atomic<bool> failed{false};
  PartQueue written(workers);
  std::vector<std::thread> pool;
  progress.begin(IndexPhase::Texts);
  for (unsigned w = 0; w < workers; ++w)
    pool.emplace_back([&, w] {
      try {
        for (unsigned p = next++; p < kIndexParts && !failed; p = next++) {
          if (parts[p].empty()) continue;
          Xapian::WritableDatabase db((building / part_name(p)).string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC |
                                                                            (options.term_lists ? 0 : Xapian::DB_NO_TERMLIST));
          std::size_t added = 0;
          for (const std::size_t i : parts[p]) {
            results[i] = index_law(catalog, entries[i], amendments, options.dictionary_words, &db, added);
            progress.add_articles(results[i].articles);
            ++texts_done;
          }
          db.commit();
          db.close();
          written.push(p);
        }
      } catch (...) {
        errors[w] = std::current_exception();
        failed = true;
      }
      written.worker_done();
    });
  // Each part is compacted as soon as it is written, by this thread, which otherwise only reports
  // progress: a compaction waits for the disk several times (Xapian syncs each table it writes),
  // and a worker that did it left its core idle meanwhile. Not a thread of its own: one more
  // thread's malloc arena raised the build's peak of memory from ~245 to 258 MB.
  try {
    while (true) {
      progress.update(texts_done.load(), with_text);
      if (failed) break;
      const std::optional<unsigned> p = written.pop(std::chrono::milliseconds(100));
      if (p) compact_part(building / part_name(*p));
      else if (written.closed()) break;
    }
  } catch (...) {
    errors[workers] = std::current_exception();
    failed = true;
  }
  for (std::thread& t : pool) t.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  progress.update(texts_done.load(), with_text, true);
}

IndexSummary build_everything(const Catalog& catalog, const AmendmentDates& amendments, const IndexOptions& options, const fs::path& db,
                              clock_type::time_point start) {
  const fs::path versions = db.string() + ".versions";
  std::error_code ec;
  fs::create_directories(versions, ec);
  if (ec) throw IndexError("cannot create " + versions.string() + ": " + ec.message());
  const fs::path building = versions / ("building-" + version_stamp());
  const fs::path version_dir = versions / ("v" + version_stamp());
  std::vector<IndexedLaw> results(catalog.entries().size());
  Progress progress(options, start);
  IndexSummary summary;
  summary.kind = IndexBuildKind::Full;
  summary.problems = catalog.problems();
  try {
    fs::create_directories(building);
    index_parts(catalog, amendments, options, building, results, progress);

    // What spans the laws goes into one more (document-less) part, meta; the index queries open
    // is a stub naming meta and the text parts compacted in shards (index_parts.h).
    {
      Xapian::WritableDatabase meta((building / kMetaPart).string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC |
                                                                       (options.term_lists ? 0 : Xapian::DB_NO_TERMLIST));
      Xapian::WritableDatabase records((building / kBuildPart).string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
      BuildState state;
      state.lawref = lawref_binary_stamp();
      state.options = options_key(options);
      state.amendments = amendments;
      std::vector<LawInfo> infos;
      IndexTotals totals;
      for (std::size_t i = 0; i < results.size(); ++i) {
        IndexedLaw& r = results[i];
        state.catalog.push_back(catalog.entries()[i].info);
        infos.push_back(r.info);
        for (const auto& [key, value] : r.headers) meta.set_metadata(key, value);
        totals.articles += r.articles;
        totals.laws += r.texts ? 1 : 0;
        totals.skipped += r.skipped.size();
        summary.texts += r.texts;
        for (std::string& s : r.skipped)
          if (summary.skipped_examples.size() < 5) summary.skipped_examples.push_back(std::move(s));
      }
      std::map<std::string, links::LawLinkInputs> inputs;
      const std::vector<std::vector<links::Link>> link_parts = make_links(results, options, progress, inputs);
      progress.begin(IndexPhase::Writing);
      // The texts are not needed any more: their memory goes first.
      for (IndexedLaw& r : results) r.zh.reset();
      // The text parts are compacted into the index while this thread writes meta: one core did
      // the one and then the other while the second idled (bench/README.md, "Build time, round
      // eight"). A jthread: joined on the way out too, when something below throws.
      std::exception_ptr compaction_error;
      fs::create_directories(version_dir);
      std::jthread compaction([&] {
        try {
          for (unsigned s = 0; s < kServedShards; ++s) compact_shard(building, s, version_dir / shard_name(s));
        } catch (...) {
          compaction_error = std::current_exception();
        }
      });
      summary.links = store_links(meta, link_parts);
      for (std::size_t i = 0; i < results.size(); ++i) {
        if (catalog.entries()[i].texts.empty()) continue;
        const auto in = inputs.find(results[i].info.id);
        const LawBuildRecord record = law_record(results[i], in == inputs.end() ? nullptr : &in->second);
        state.english += record.english ? 1 : 0;
        state.texts += record.texts;
        records.set_metadata(kMetaLawBuild + results[i].info.id, encode_record(record));
      }
      // Each name key with its laws: a lookup by name reads one key, not the whole registry.
      for (const auto& [key, ids] : name_index(infos)) meta.set_metadata(schema::kMetaName + key, ids);
      write_index_metadata(meta, records, options, infos, totals, state, catalog.memo());
      close_and_compact_meta_parts(meta, records, building);
      compaction.join();
      if (compaction_error) std::rethrow_exception(compaction_error);
      summary.laws = totals.laws;
      summary.articles = totals.articles;
      summary.skipped = totals.skipped;
      summary.rebuilt_laws = totals.laws;
      for (const IndexedLaw& r : results) summary.rebuilt_documents += r.documents;
      for (const auto& [kind, n] : summary.links) summary.rebuilt_links += n;
    }
    // Served as it is: meta's files linked, not copied (index_parts.h).
    link_part(building / kMetaPart, version_dir / kServedMeta);
    write_served_stub(version_dir);
    // The parts stay beside the index for the next update, on disk before the index is used.
    sync_tree(building);
    fs::rename(building, version_dir / kPartsDir);
    swap_in(db, version_dir);
  } catch (...) {
    abandon_build(db, versions, building, version_dir, "build");
  }
  remove_stale_versions(versions, version_dir);
  summary.phase_seconds = progress.finish();
  summary.version_dir = version_dir;
  summary.bytes = served_size(version_dir);
  summary.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
  return summary;
}

}  // namespace

const char* to_string(IndexPhase phase) {
  switch (phase) {
    case IndexPhase::Texts: return "texts";
    case IndexPhase::Citations: return "citations";
    case IndexPhase::Alignment: return "alignment";
    case IndexPhase::Writing: return "writing";
  }
  return "?";
}

const char* to_string(IndexBuildKind kind) {
  switch (kind) {
    case IndexBuildKind::Full: return "full";
    case IndexBuildKind::Incremental: return "incremental";
    case IndexBuildKind::Unchanged: return "unchanged";
  }
  return "?";
}

const char* to_string(FullBuildReason reason) {
  switch (reason) {
    case FullBuildReason::Requested: return "--full";
    case FullBuildReason::NoIndex: return "no index yet";
    case FullBuildReason::NoBuildRecords: return "the index predates incremental updates or lacks its parts";
    case FullBuildReason::SchemaChanged: return "the index schema changed";
    case FullBuildReason::LawrefChanged: return "lawref itself changed";
    case FullBuildReason::OptionsChanged: return "--words or --for-remote changed";
    case FullBuildReason::SourcesChanged: return "the source folders or the import folder changed";
    case FullBuildReason::NamesChanged: return "a law name texts are read for changed, with no Chinese characters to look up";
    case FullBuildReason::AmendmentsChanged: return "an amendment's commencement date changed";
    case FullBuildReason::ManyChanges: return "the changes reach more than half of the index's parts";
  }
  return "?";
}

fs::path default_db_path() {
  if (const char* v = std::getenv("LAWREF_DB"); v && *v) return v;
  return paths::home() / "index";
}

IndexSummary build_index(const Registry& registry, const IndexOptions& options) {
  const auto start = clock_type::now();
  const fs::path db = fs::absolute(options.db).lexically_normal();
  check_db_path(db);
  // A source as given that is not there or cannot be read fails the build before anything is
  // written; what cannot be read inside a source folder is skipped and reported (summary.problems).
  // --full reads every file again; otherwise the live index's memo spares unchanged files' headers
  // and known titles' transliteration.
  const CatalogMemo memo = options.full ? CatalogMemo{} : remembered_catalog_memo(db);
  const Catalog catalog = Catalog::scan(registry, options.catalog, &memo);
  for (const CatalogProblem& p : catalog.problems())
    if (p.named) throw IndexError(p.message());
  if (!options.catalog.imported_dir.empty()) remove_stale_temporaries(options.catalog.imported_dir);
  const AmendmentDates amendments = amendment_commencements(catalog);

  const IndexLock lock(db, options.lock_wait, options.waiting);
  FullBuildReason reason = FullBuildReason::Requested;
  if (!options.full) {
    UpdateResult update = update_index(catalog, amendments, options, db);
    if (update.summary) {
      update.summary->seconds = std::chrono::duration<double>(clock_type::now() - start).count();
      return std::move(*update.summary);
    }
    reason = update.reason;
  }
  IndexSummary summary = build_everything(catalog, amendments, options, db, start);
  summary.full_reason = reason;
  return summary;
}

}  // namespace lawref
