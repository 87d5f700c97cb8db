#include "index_builder.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <xapian.h>

#include "amendment_dates.h"
#include "analyzer.h"
#include "article_record.h"
#include "auto_describe.h"
#include "compressed_blob.h"
#include "file_io.h"
#include "index_limits.h"
#include "index_lock.h"
#include "index_schema.h"
#include "law_json.h"
#include "law_names.h"
#include "link_builder.h"
#include "paths.h"
#include "provision_id.h"
#include "source_stamps.h"

namespace lawref {
namespace {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

// Measured on core + lawrefbook (bench/README.md): 3,000 beat Xapian's default of 10,000
// by 15% in time and 40% in peak memory.
constexpr std::size_t kDocumentsPerFlush = 3000;

// Each distinct term once, with its count as wdf: one insertion into the document's term map
// per term instead of one per occurrence (a long article repeats its bigrams many times).
void add_counted(Xapian::Document& doc, std::vector<std::string>& terms) {
  std::sort(terms.begin(), terms.end());
  for (std::size_t i = 0; i < terms.size();) {
    std::size_t e = i + 1;
    while (e < terms.size() && terms[e] == terms[i]) ++e;
    if (terms[i].size() <= kMaxTermBytes) doc.add_term(terms[i], static_cast<Xapian::termcount>(e - i));  // Xapian's term length limit; no real term comes near it
    i = e;
  }
}

void add_terms(Xapian::Document& doc, const Article& a, const analysis::AnalyzerOptions& options, std::vector<std::string>& terms) {
  terms.clear();
  std::function<void(const Item&)> item = [&](const Item& it) {
    analysis::analyze(it.text, options, terms);
    for (const Item& c : it.children) item(c);
  };
  for (const Paragraph& p : a.paragraphs) {
    analysis::analyze(p.text, options, terms);
    for (const Item& it : p.items) item(it);
  }
  add_counted(doc, terms);
}

// One language version of one article.
// The headings of the divisions an article stands in (第六章 公民、组织的义务和权利): what the
// article is about, in the law's own words, for a query that names the topic, not the text.
std::string division_headings(const LawText& law, const Article& a) {
  std::string out;
  for (int d = a.division; d >= 0 && static_cast<std::size_t>(d) < law.divisions.size(); d = law.divisions[static_cast<std::size_t>(d)].parent)
    out += law.divisions[static_cast<std::size_t>(d)].heading + "\n";
  return out;
}

Xapian::Document article_document(const LawInfo& info, const std::string& until, const std::string& lang, const Article& a,
                                  const std::string& headings, bool words, std::vector<std::string>& scratch) {
  Xapian::Document doc;
  const std::string id = ProvisionId{info.id, article_path(a)}.str();
  doc.add_boolean_term(schema::kLang + lang);
  doc.add_boolean_term(schema::kLaw + info.id);
  doc.add_boolean_term(schema::kWork + info.work);
  doc.add_boolean_term(std::string(schema::kLevel) + to_string(info.level));
  doc.add_boolean_term(schema::kJurisdiction + info.jurisdiction);
  // Unknown start and open end are stored as extremes so that date ranges need no special case.
  doc.add_value(schema::kSlotFrom, info.effective.empty() ? schema::kUnknownStart : info.effective);
  doc.add_value(schema::kSlotUntil, until.empty() ? schema::kStillInForce : until);
  doc.add_value(schema::kSlotId, id);
  add_terms(doc, a, {lang == schema::kLangEnglish, words && lang == schema::kLangChinese}, scratch);
  if (!headings.empty()) {
    scratch.clear();
    analysis::analyze(headings, {lang == schema::kLangEnglish, false}, scratch);
    add_counted(doc, scratch);
  }
  doc.set_data(encode_article_record(info.id, lang, a));
  return doc;
}

std::uintmax_t directory_size(const fs::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  return total;
}

// Unique per build: time, pid, and a counter for builds of one process within a millisecond.
std::string stamp() {
  static std::atomic<unsigned> builds{0};
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()) + "-" + std::to_string(::getpid()) + "-" +
         std::to_string(builds++);
}

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

// <db> must be absent or a symlink we made; never clobber anything else.
void check_db_path(const fs::path& db) {
  std::error_code ec;
  const auto st = fs::symlink_status(db, ec);
  if (ec || st.type() == fs::file_type::not_found) return;
  if (st.type() != fs::file_type::symlink)
    throw IndexError(db.string() + " exists and is not a lawref index (a symlink into " + db.string() +
                     ".versions); remove it or choose another --db");
}

void swap_in(const fs::path& db, const fs::path& version_dir) {
  const fs::path link_tmp = db.string() + ".link-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove(link_tmp, ec);
  // Relative target: the index can be moved together with its .versions folder.
  fs::create_symlink(version_dir.parent_path().filename() / version_dir.filename(), link_tmp, ec);
  if (ec) throw IndexError("cannot create " + link_tmp.string() + ": " + ec.message());
  fs::rename(link_tmp, db, ec);  // atomic replacement of the old link
  if (ec) {
    fs::remove(link_tmp, ec);
    throw IndexError("cannot replace " + db.string() + ": " + ec.message());
  }
}

// Old versions and interrupted builds: everything in .versions but the live one. Called
// under the index lock, so no other build is writing there.
void remove_stale_versions(const fs::path& versions, const fs::path& keep) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(versions, ec))
    if (e.path().filename() != keep.filename()) fs::remove_all(e.path(), ec);
}

// What a worker learned about one catalog entry.
struct EntryResult {
  LawInfo info;
  std::vector<std::pair<std::string, std::string>> headers;  // metadata key -> JSON
  std::size_t articles = 0, texts = 0;
  std::vector<std::string> skipped;  // "file: reason"
  std::unique_ptr<LawText> zh;       // kept for the link graph
};

// Indexes the entries i with i % shards == shard into its own database.
void index_shard(const Catalog& catalog, const AmendmentDates& amendments, const IndexOptions& options, unsigned shard, unsigned shards, const fs::path& dir,
                 std::vector<EntryResult>& results, std::atomic<std::size_t>& texts_done, Progress& progress) {
  Xapian::WritableDatabase wdb(dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC |
                                                 (options.term_lists ? 0 : Xapian::DB_NO_TERMLIST));
  std::vector<std::string> scratch;
  std::size_t added = 0;
  const auto& entries = catalog.entries();
  for (std::size_t i = shard; i < entries.size(); i += shards) {
    const CatalogEntry& entry = entries[i];
    EntryResult& out = results[i];
    out.info = entry.info;
    if (entry.texts.empty()) continue;
    ParseResult zh, en;
    if (entry.text("zh")) zh = load_text(entry, "zh", false);
    if (entry.text("en")) en = load_text(entry, "en", false);
    // A text that does not import, or that the index cannot hold, is skipped and reported;
    // the others are indexed.
    bool zh_ok = false, en_ok = false;
    for (auto [lang, r, ok] : {std::tuple{"zh", &zh, &zh_ok}, std::tuple{"en", &en, &en_ok}}) {
      const TextSource* source = entry.text(lang);
      if (!source) continue;
      std::string reason;
      if (!r->ok()) {
        for (const Diagnostic& d : r->diagnostics.items)
          if (d.severity == Severity::Error && reason.empty()) reason = format_diagnostic(d);
      } else if (const auto too_big = exceeds_index_limits(r->law, false)) {
        reason = too_big->message();
      }
      if (reason.empty()) *ok = true;
      else out.skipped.push_back(source->path.string() + ": " + reason);
    }
    const LawText* main = zh_ok ? &zh.law : en_ok ? &en.law : nullptr;
    if (main) {
      complete_from_text(out.info, *main, &amendments);
      const std::string until = catalog.registry().in_force_until(out.info);
      for (const LawText* t : {zh_ok ? &zh.law : nullptr, en_ok ? &en.law : nullptr})
        if (t) out.headers.emplace_back(schema::law_header_key(out.info.id, t->lang), law_header_to_json(*t).dump());
      out.headers.emplace_back(schema::kMetaSources + out.info.id, encode_stamps(stamp_sources(entry)));
      // The translation's articles are indexed only where the original has them.
      const LawText* translation = zh_ok && en_ok ? &en.law : nullptr;
      for (const Article& a : main->articles) {
        wdb.add_document(article_document(out.info, until, main->lang, a, division_headings(*main, a), options.dictionary_words, scratch));
        if (translation)
          if (const Article* ea = translation->find_article(a.number, a.insertion))
            wdb.add_document(article_document(out.info, until, schema::kLangEnglish, *ea, division_headings(*translation, *ea), false, scratch));
        ++out.articles;
        // Flushing often keeps Xapian's in-memory posting changes small: each new posting is a
        // lookup in them, and a big buffer costs more time and memory than the extra flushes.
        if (++added % kDocumentsPerFlush == 0) wdb.commit();
      }
      progress.add_articles(out.articles);
      out.texts = (zh_ok ? 1 : 0) + (en_ok ? 1 : 0);
      if (zh_ok) out.zh = std::make_unique<LawText>(std::move(zh.law));
    }
    ++texts_done;
  }
  wdb.commit();
}

// The cross-link graph, computed once here and read by xref, compare, diff and export:
// each link under its citing law (xref-out) and, when it points into another law, under
// that law too (xref-in).
std::map<std::string, std::size_t> store_links(Xapian::WritableDatabase& meta, std::vector<EntryResult>& results,
                                               const IndexOptions& options, Progress& progress) {
  Registry registry;
  registry.reserve(results.size());
  std::map<std::string, const LawText*> texts;
  for (const EntryResult& r : results) {
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
  const std::vector<links::Link> all = links::build_links(registry, texts, link_options);
  progress.begin(IndexPhase::Writing);
  // The texts are not needed any more: their memory goes before the links are encoded.
  texts.clear();
  for (EntryResult& r : results) r.zh.reset();
  std::map<std::string, std::vector<const links::Link*>> out, in;
  std::map<std::string, std::size_t> counts;
  for (const links::Link& l : all) {
    ++counts[links::to_string(l.kind)];
    out[l.from.law].push_back(&l);
    if (!l.to.law.empty() && l.to.law != l.from.law) in[l.to.law].push_back(&l);
  }
  for (const auto& [law, v] : out) meta.set_metadata(schema::kMetaLinksOut + law, compress_blob(links::encode_links(v)));
  for (const auto& [law, v] : in) meta.set_metadata(schema::kMetaLinksIn + law, compress_blob(links::encode_links(v)));
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [kind, n] : counts) j[kind] = n;
  meta.set_metadata(schema::kMetaLinkCounts, j.dump());
  return counts;
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
  const Catalog catalog = Catalog::scan(registry, options.catalog);
  for (const CatalogProblem& p : catalog.problems())
    if (p.named) throw IndexError(p.message());
  if (!options.catalog.imported_dir.empty()) remove_stale_temporaries(options.catalog.imported_dir);
  const AmendmentDates amendments = amendment_commencements(catalog);

  const IndexLock lock(db, options.lock_wait, options.waiting);
  const fs::path versions = db.string() + ".versions";
  std::error_code ec;
  fs::create_directories(versions, ec);
  if (ec) throw IndexError("cannot create " + versions.string() + ": " + ec.message());
  // A build that fails leaves the previous index as it was, and no empty .versions behind it.
  auto remove_leftovers = [&](const fs::path& building, const fs::path& version_dir) {
    fs::remove_all(building, ec);
    fs::remove_all(version_dir, ec);
    if (!fs::exists(fs::symlink_status(db, ec)) && fs::is_empty(versions, ec)) fs::remove(versions, ec);
  };
  std::size_t with_text = 0;
  for (const CatalogEntry& e : catalog.entries()) with_text += e.texts.empty() ? 0 : 1;

  // Shards in parallel, one per core (a few texts do not need more than one).
  unsigned shards = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  shards = static_cast<unsigned>(std::min<std::size_t>(shards, std::max<std::size_t>(1, with_text / 20)));
  const fs::path building = versions / ("building-" + stamp());
  const fs::path version_dir = versions / ("v" + stamp());
  std::vector<EntryResult> results(catalog.entries().size());
  Progress progress(options, start);
  IndexSummary summary;
  summary.problems = catalog.problems();
  try {
    fs::create_directories(building);
    std::atomic<std::size_t> texts_done{0};
    progress.begin(IndexPhase::Texts);
    std::vector<std::thread> workers;
    std::vector<std::exception_ptr> errors(shards);
    for (unsigned s = 0; s < shards; ++s)
      workers.emplace_back([&, s] {
        try {
          index_shard(catalog, amendments, options, s, shards, building / ("shard" + std::to_string(s)), results, texts_done, progress);
        } catch (...) {
          errors[s] = std::current_exception();
        }
      });
    while (texts_done.load() < with_text && std::none_of(errors.begin(), errors.end(), [](auto& e) { return e != nullptr; })) {
      progress.update(texts_done.load(), with_text);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (std::thread& t : workers) t.join();
    for (const auto& e : errors)
      if (e) std::rethrow_exception(e);
    progress.update(texts_done.load(), with_text, true);

    // What spans the shards goes into one more (document-less) shard; the compaction merges
    // everything into one database.
    {
      Xapian::WritableDatabase meta((building / "meta").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC |
                                                                     (options.term_lists ? 0 : Xapian::DB_NO_TERMLIST));
      std::vector<LawInfo> infos;
      bool english = false;
      for (EntryResult& r : results) {
        infos.push_back(r.info);
        for (const auto& [key, value] : r.headers) english = english || key.compare(key.size() - 3, 3, ":en") == 0;
        for (const auto& [key, value] : r.headers) meta.set_metadata(key, value);
        summary.articles += r.articles;
        summary.texts += r.texts;
        summary.laws += r.texts ? 1 : 0;
        for (std::string& s : r.skipped) {
          ++summary.skipped;
          if (summary.skipped_examples.size() < 5) summary.skipped_examples.push_back(std::move(s));
        }
      }
      summary.links = store_links(meta, results, options, progress);
      nlohmann::json sources = nlohmann::json::array();
      for (const auto& s : options.catalog.sources) sources.push_back(fs::absolute(s).string());
      meta.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
      meta.set_metadata(schema::kMetaFolders, encode_folder_stamps(stamp_folders(options.catalog.sources)));
      if (!options.catalog.imported_dir.empty()) meta.set_metadata(schema::kMetaImportedDir, fs::absolute(options.catalog.imported_dir).string());
      meta.set_metadata(schema::kMetaAnalysis, options.dictionary_words ? schema::kAnalysisWords : schema::kAnalysisBigrams);
      meta.set_metadata(schema::kMetaEnglish, english ? schema::kEnglishPresent : "");
      meta.set_metadata(schema::kMetaRegistry, encode_law_infos(infos));
      for (const LawInfo& info : infos) meta.set_metadata(schema::kMetaLawInfo + info.id, encode_law_infos({info}));
      // Each name key with its laws: a lookup by name reads one key, not the whole registry.
      std::map<std::string, std::string> named;
      for (const LawInfo& info : infos)
        for (const std::string& key : name_keys(info)) named[key] += info.id + "\n";
      for (const auto& [key, ids] : named) meta.set_metadata(schema::kMetaName + key, ids);
      meta.set_metadata(schema::kMetaSummary, nlohmann::json{{"sources", sources}, {"laws", summary.laws}, {"articles", summary.articles},
                                                             {"skipped", summary.skipped}}.dump());
      meta.commit();
    }
    Xapian::Database all;
    for (unsigned s = 0; s < shards; ++s) all.add_database(Xapian::Database((building / ("shard" + std::to_string(s))).string()));
    all.add_database(Xapian::Database((building / "meta").string()));
    all.compact(version_dir.string());
    all.close();
    fs::remove_all(building, ec);
    swap_in(db, version_dir);
  } catch (const Xapian::Error& e) {
    remove_leftovers(building, version_dir);
    throw IndexError("cannot build the index: " + e.get_description());
  } catch (const fs::filesystem_error& e) {
    remove_leftovers(building, version_dir);
    throw IndexError("cannot write " + e.path1().string() + ": " + e.code().message());
  } catch (...) {
    remove_leftovers(building, version_dir);
    throw;
  }
  remove_stale_versions(versions, version_dir);
  summary.phase_seconds = progress.finish();
  summary.version_dir = version_dir;
  summary.bytes = directory_size(version_dir);
  summary.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
  return summary;
}

}  // namespace lawref
