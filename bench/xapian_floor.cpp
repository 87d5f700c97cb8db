// The floor of `lawref index` set by Xapian itself (issue 16): the documents a full build gives
// Xapian, made once by lawref's own library and held in memory, then only Xapian's share of the
// build, timed: the same 64 parts on the same worker threads, the same flags and flush points, each
// part compacted by the main thread as soon as it is written, then the served layout (the text
// parts compacted into two shards on a second thread while meta and build are written and
// compacted), and the final sync of the parts. Not run by the test suite.
//
//   xapian_floor dump FILE SOURCE... [--meta-from INDEX] [--words]
//       Reads the catalog of SOURCE as `lawref index --sources SOURCE…` does and writes every
//       document (terms with their wdf, values, data), where each part is flushed, and, from a
//       built INDEX, its meta and build parts' keys, to FILE. Untimed.
//   xapian_floor run FILE WORKDIR [--threads N] [--empty-data] [--construct-only] [--keep]
//       Loads FILE (untimed), then does the Xapian work in WORKDIR/run-<pid> and prints its wall
//       and CPU time, split by step. --empty-data stores no document data (zlib's share);
//       --construct-only builds the Xapian::Document objects and adds none.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <malloc.h>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>
#include <xapian.h>

#include "amendment_dates.h"
#include "catalog.h"
#include "guarded_main.h"
#include "index_parts.h"
#include "index_schema.h"
#include "law_documents.h"
#include "part_queue.h"
#include "registry.h"

namespace {

namespace fs = std::filesystem;
using namespace lawref;

// law_documents.cpp's kDocumentsPerFlush: the dump records the flush points themselves, this
// only finds them.
constexpr std::size_t kDocumentsPerFlush = 3000;

double thread_cpu() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double process_cpu() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// Serialisation: little-endian u32 lengths, raw bytes.
void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
void put_str(std::string& out, const std::string& s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out += s;
}
std::uint32_t get_u32(const char*& p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  p += 4;
  return v;
}
std::string_view get_str(const char*& p) {
  const std::uint32_t n = get_u32(p);
  const std::string_view s(p, n);
  p += n;
  return s;
}

// One part's documents, serialised one after another: flush-after flag, terms (wdf, term),
// values (slot, value), data.
struct Part {
  std::uint32_t documents = 0;
  std::string blob;
};

struct Dump {
  std::vector<Part> parts = std::vector<Part>(kIndexParts);
  std::uint32_t with_text = 0;  // laws with a text: the build runs min(threads, with_text / 20) workers
  std::vector<std::pair<std::string, std::string>> meta, build;  // the meta and build parts' keys
};

void append_document(std::string& blob, const Xapian::Document& d, bool flush_after) {
  put_u32(blob, flush_after ? 1 : 0);
  put_u32(blob, d.termlist_count());
  for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
    put_u32(blob, t.get_wdf());
    put_str(blob, *t);
  }
  put_u32(blob, d.values_count());
  for (auto v = d.values_begin(); v != d.values_end(); ++v) {
    put_u32(blob, v.get_valueno());
    put_str(blob, *v);
  }
  put_str(blob, d.get_data());
}

bool has_term(const Xapian::Document& d, const std::string& term) {
  auto t = d.termlist_begin();
  t.skip_to(term);
  return t != d.termlist_end() && *t == term;
}

// The documents index_law makes for one part, in the order it adds them, with its flush points.
void dump_part(const Catalog& catalog, const AmendmentDates& amendments, bool words, const std::vector<std::size_t>& laws, Part& part) {
  std::size_t added = 0;
  for (const std::size_t i : laws) {
    Xapian::WritableDatabase mem(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::size_t before = added;
    index_law(catalog, catalog.entries()[i], amendments, words, &mem, added);
    // The main text's documents count towards a flush, each with its translation after it: the
    // language of the main text is Chinese whenever the law has a Chinese document.
    std::vector<Xapian::Document> docs;
    for (Xapian::docid id = 1; id <= mem.get_lastdocid(); ++id) docs.push_back(mem.get_document(id));
    const std::string zh = std::string(schema::kLang) + schema::kLangChinese;
    const bool any_zh = std::any_of(docs.begin(), docs.end(), [&](const Xapian::Document& d) { return has_term(d, zh); });
    const std::string main_lang = std::string(schema::kLang) + (any_zh ? schema::kLangChinese : schema::kLangEnglish);
    auto is_main = [&](const Xapian::Document& d) { return has_term(d, main_lang); };
    std::size_t count = before;
    for (std::size_t k = 0; k < docs.size(); ++k) {
      if (is_main(docs[k])) ++count;
      const bool group_ends = k + 1 == docs.size() || is_main(docs[k + 1]);
      append_document(part.blob, docs[k], group_ends && count % kDocumentsPerFlush == 0 && count != before);
      ++part.documents;
    }
    if (count != added) throw std::runtime_error("main documents miscounted for " + catalog.entries()[i].info.id);
  }
}

std::vector<std::pair<std::string, std::string>> all_metadata(const fs::path& db) {
  std::vector<std::pair<std::string, std::string>> out;
  Xapian::Database d(db.string());
  for (auto k = d.metadata_keys_begin(); k != d.metadata_keys_end(); ++k) out.emplace_back(*k, d.get_metadata(*k));
  return out;
}

int dump(const std::vector<std::string>& args, const fs::path& meta_from, bool words) {
  CatalogOptions options;
  for (std::size_t a = 1; a < args.size(); ++a) options.sources.emplace_back(args[a]);
  const Catalog catalog = Catalog::scan(Registry::builtin(), options);
  const AmendmentDates amendments = amendment_commencements(catalog);
  Dump d;
  std::vector<std::vector<std::size_t>> laws(kIndexParts);
  for (std::size_t i = 0; i < catalog.entries().size(); ++i) {
    if (catalog.entries()[i].texts.empty()) continue;
    laws[part_of(catalog.entries()[i].info.id)].push_back(i);
    ++d.with_text;
  }
  std::atomic<unsigned> next{0};
  std::vector<std::exception_ptr> errors(2);
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < 2; ++w)
    pool.emplace_back([&, w] {
      try {
        for (unsigned p = next++; p < kIndexParts; p = next++) dump_part(catalog, amendments, words, laws[p], d.parts[p]);
      } catch (...) {
        errors[w] = std::current_exception();
      }
    });
  for (std::thread& t : pool) t.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  if (!meta_from.empty()) {
    const fs::path parts = fs::canonical(meta_from) / kPartsDir;
    d.meta = all_metadata(parts / kMetaPart);
    d.build = all_metadata(parts / kBuildPart);
  }
  std::string out = "XFLOOR1\n";
  put_u32(out, d.with_text);
  std::size_t documents = 0;
  for (const Part& p : d.parts) {
    put_u32(out, p.documents);
    put_u32(out, static_cast<std::uint32_t>(p.blob.size()));
    out += p.blob;
    documents += p.documents;
  }
  for (const auto* kv : {&d.meta, &d.build}) {
    put_u32(out, static_cast<std::uint32_t>(kv->size()));
    for (const auto& [k, v] : *kv) {
      put_str(out, k);
      put_str(out, v);
    }
  }
  std::ofstream(args[0], std::ios::binary).write(out.data(), static_cast<std::streamsize>(out.size()));
  std::printf("dumped %zu documents of %u laws with a text, %zu meta and %zu build keys: %.1f MB\n", documents, d.with_text, d.meta.size(),
              d.build.size(), static_cast<double>(out.size()) / 1e6);
  return 0;
}

Dump load(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (all.rfind("XFLOOR1\n", 0) != 0) throw std::runtime_error(file.string() + ": not a dump of xapian_floor");
  const char* p = all.data() + 8;
  Dump d;
  d.with_text = get_u32(p);
  for (Part& part : d.parts) {
    part.documents = get_u32(p);
    const std::uint32_t n = get_u32(p);
    part.blob.assign(p, n);
    p += n;
  }
  for (auto* kv : {&d.meta, &d.build}) {
    const std::uint32_t n = get_u32(p);
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::string_view k = get_str(p);
      kv->emplace_back(std::string(k), std::string(get_str(p)));
    }
  }
  return d;
}

struct WorkerTimes {
  double add = 0, flush = 0;  // thread CPU: making and adding documents; commits (the last one with close)
  std::size_t commits = 0;
  std::size_t postings = 0, data_bytes = 0;  // added
};

// One part's documents into `db` (none with `db` null: only the Document objects are made).
void add_part(const Part& part, Xapian::WritableDatabase* db, bool empty_data, WorkerTimes& t) {
  const char* p = part.blob.data();
  double mark = thread_cpu();
  for (std::uint32_t i = 0; i < part.documents; ++i) {
    const bool flush_after = get_u32(p) != 0;
    Xapian::Document doc;
    const std::uint32_t terms = get_u32(p);
    t.postings += terms;
    for (std::uint32_t n = terms; n > 0; --n) {
      const Xapian::termcount wdf = get_u32(p);
      doc.add_term(std::string(get_str(p)), wdf);
    }
    for (std::uint32_t n = get_u32(p); n > 0; --n) {
      const Xapian::valueno slot = get_u32(p);
      doc.add_value(slot, std::string(get_str(p)));
    }
    const std::string_view data = get_str(p);
    if (!empty_data) doc.set_data(std::string(data));
    t.data_bytes += empty_data ? 0 : data.size();
    if (!db) continue;
    db->add_document(doc);
    if (flush_after) {
      const double before = thread_cpu();
      t.add += before - mark;
      db->commit();
      ++t.commits;
      mark = thread_cpu();
      t.flush += mark - before;
    }
  }
  t.add += thread_cpu() - mark;
}

int run(const std::vector<std::string>& args, unsigned threads, bool empty_data, bool construct_only, bool keep) {
  const Dump d = load(args[0]);
  const fs::path work = fs::path(args[1]) / ("run-" + std::to_string(::getpid()));
  const fs::path building = work / "building";
  const fs::path version_dir = work / "version";
  fs::create_directories(building);
  unsigned workers = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min<unsigned>(workers, std::max<std::uint32_t>(1, d.with_text / 20));

  const double wall0 = now(), cpu0 = process_cpu();
  std::atomic<unsigned> next{0};
  std::vector<WorkerTimes> times(workers);
  std::vector<std::exception_ptr> errors(workers);
  PartQueue written(workers);
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w)
    pool.emplace_back([&, w] {
      try {
        for (unsigned p = next++; p < kIndexParts; p = next++) {
          if (d.parts[p].documents == 0) continue;
          if (construct_only) {
            add_part(d.parts[p], nullptr, empty_data, times[w]);
            continue;
          }
          Xapian::WritableDatabase db((building / part_name(p)).string(),
                                      Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST);
          add_part(d.parts[p], &db, empty_data, times[w]);
          const double before = thread_cpu();
          db.commit();
          db.close();
          times[w].flush += thread_cpu() - before;
          ++times[w].commits;
          written.push(p);
        }
      } catch (...) {
        errors[w] = std::current_exception();
      }
      written.worker_done();
    });
  // The main thread compacts each part as it is written (index_builder.cpp's index_parts).
  double compact_parts_cpu = 0;
  const double main0 = thread_cpu();
  while (true) {
    if (const std::optional<unsigned> p = written.pop(std::chrono::milliseconds(100))) compact_part(building / part_name(*p));
    else if (written.closed()) break;
  }
  compact_parts_cpu = thread_cpu() - main0;
  for (std::thread& t : pool) t.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  const double wall_texts = now(), cpu_texts = process_cpu();

  double meta_cpu = 0, shards_cpu = 0, wall_served = wall_texts, cpu_served = cpu_texts, wall_sync = wall_texts;
  if (!construct_only) {
    // The served layout: the text parts compacted into the shards on a second thread while this
    // one writes and compacts meta and build (index_builder.cpp's build_everything).
    fs::create_directories(version_dir);
    std::exception_ptr compaction_error;
    std::thread compaction([&] {
      try {
        const double c0 = thread_cpu();
        for (unsigned s = 0; s < kServedShards; ++s) compact_shard(building, s, version_dir / shard_name(s));
        shards_cpu = thread_cpu() - c0;
      } catch (...) {
        compaction_error = std::current_exception();
      }
    });
    const double m0 = thread_cpu();
    {
      Xapian::WritableDatabase meta((building / kMetaPart).string(),
                                    Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC | Xapian::DB_NO_TERMLIST);
      Xapian::WritableDatabase records((building / kBuildPart).string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
      for (const auto& [k, v] : d.meta) meta.set_metadata(k, v);
      for (const auto& [k, v] : d.build) records.set_metadata(k, v);
      close_and_compact_meta_parts(meta, records, building);
    }
    meta_cpu = thread_cpu() - m0;
    compaction.join();
    if (compaction_error) std::rethrow_exception(compaction_error);
    link_part(building / kMetaPart, version_dir / kServedMeta);
    write_served_stub(version_dir);
    wall_served = now();
    cpu_served = process_cpu();
    sync_tree(building);
    wall_sync = now();
  }
  const double cpu_end = process_cpu();

  WorkerTimes sum;
  for (const WorkerTimes& t : times) {
    sum.add += t.add;
    sum.flush += t.flush;
    sum.commits += t.commits;
  }
  std::size_t documents = 0, postings = 0, data_bytes = 0;
  for (const Part& p : d.parts) documents += p.documents;
  for (const WorkerTimes& t : times) {
    postings += t.postings;
    data_bytes += t.data_bytes;
  }
  std::printf("xapian_floor: %zu documents, %zu postings (terms with their wdf, boolean ones included), %.1f MB of data, %u worker%s%s%s\n",
              documents, postings, static_cast<double>(data_bytes) / 1e6, workers, workers == 1 ? "" : "s", empty_data ? ", empty data" : "",
              construct_only ? ", Document objects only" : "");
  std::printf("  total             wall %6.2f s  cpu %6.2f s (user+sys)\n", wall_sync - wall0, cpu_end - cpu0);
  std::printf("  texts (parts)     wall %6.2f s  cpu %6.2f s\n", wall_texts - wall0, cpu_texts - cpu0);
  std::printf("    workers: make + add_document %6.2f s cpu, flushes %6.2f s cpu (%zu commits)\n", sum.add, sum.flush, sum.commits);
  std::printf("    main: compacting the parts   %6.2f s cpu\n", compact_parts_cpu);
  std::printf("  served layout     wall %6.2f s  cpu %6.2f s (shards %.2f s cpu beside meta + build %.2f s cpu)\n", wall_served - wall_texts,
              cpu_served - cpu_texts, shards_cpu, meta_cpu);
  std::printf("  sync of the parts wall %6.2f s  cpu %6.2f s\n", wall_sync - wall_served, cpu_end - cpu_served);
  std::printf("  peak RSS %ld KB (the loaded dump included)\n", [] {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
  }());
  if (!keep) fs::remove_all(work);
  else std::printf("  kept in %s\n", work.c_str());
  return 0;
}

int main_body(int argc, char** argv) {
  // cmd_index.cpp's malloc settings: Xapian's flush buffers get pages of their own.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_TRIM_THRESHOLD, 4 << 20);
  std::vector<std::string> args;
  fs::path meta_from;
  unsigned threads = 0;
  bool words = false, empty_data = false, construct_only = false, keep = false;
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--meta-from" && a + 1 < argc) meta_from = argv[++a];
    else if (arg == "--threads" && a + 1 < argc) threads = static_cast<unsigned>(std::stoul(argv[++a]));
    else if (arg == "--words") words = true;
    else if (arg == "--empty-data") empty_data = true;
    else if (arg == "--construct-only") construct_only = true;
    else if (arg == "--keep") keep = true;
    else args.push_back(arg);
  }
  if (args.size() >= 3 && args[0] == "dump") return dump({args.begin() + 1, args.end()}, meta_from, words);
  if (args.size() == 3 && args[0] == "run") return run({args.begin() + 1, args.end()}, threads, empty_data, construct_only, keep);
  std::fprintf(stderr,
               "usage: xapian_floor dump FILE SOURCE... [--meta-from INDEX] [--words]\n"
               "       xapian_floor run FILE WORKDIR [--threads N] [--empty-data] [--construct-only] [--keep]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  return lawref::bench::guarded_main("xapian_floor", [&] { return main_body(argc, argv); });
}
