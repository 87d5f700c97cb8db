// Incremental `lawref index` (index_update.h): after a file is added to a source folder,
// removed, touched, replaced by another real text, or a translation is imported, the updated
// index equals a full build of the same sources — every document's data, terms (with their
// within-document frequencies) and values, and every metadata key — and it rebuilt only part.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sys/stat.h>
#include <xapian.h>

#include "compressed_blob.h"
#include "index_builder.h"
#include "index_parts.h"
#include "index_store.h"
#include "registry.h"
#include "test_support.h"

using namespace lawref;
namespace fs = std::filesystem;

namespace {

std::string difference(const Xapian::Database& a, const Xapian::Database& b);

// A difference between two indexes, said in one line, or empty when they are the same.
std::string first_difference(const fs::path& a_path, const fs::path& b_path) {
  try {
    return difference(Xapian::Database(a_path.string()), Xapian::Database(b_path.string()));
  } catch (const Xapian::Error& e) {
    return e.get_description();
  }
}

std::string difference(const Xapian::Database& a, const Xapian::Database& b) {
  if (a.get_doccount() != b.get_doccount())
    return "documents: " + std::to_string(a.get_doccount()) + " vs " + std::to_string(b.get_doccount());
  if (a.get_lastdocid() != b.get_lastdocid()) return "last docid differs";
  // Documents: data and length, by document id (both number the laws' parts alike; a stub's
  // databases interleave their ids, so not every id below the last is a document).
  for (auto da = a.postlist_begin(""), db = b.postlist_begin(""); da != a.postlist_end(""); ++da, ++db) {
    const Xapian::docid id = *da;
    if (db == b.postlist_end("") || *db != id) return "document ids differ at " + std::to_string(id);
    if (a.get_document(id).get_data() != b.get_document(id).get_data())
      return "data of document " + std::to_string(id) + ": " + a.get_document(id).get_data().substr(0, 80);
    if (a.get_doclength(id) != b.get_doclength(id)) return "length of document " + std::to_string(id);
  }
  // Values: each slot's stream (without term lists a document cannot list its own values).
  for (Xapian::valueno slot = 0; slot < 32; ++slot) {
    auto va = a.valuestream_begin(slot), vb = b.valuestream_begin(slot);
    for (; va != a.valuestream_end(slot) && vb != b.valuestream_end(slot); ++va, ++vb)
      if (va.get_docid() != vb.get_docid() || *va != *vb) return "value " + std::to_string(slot) + " of document " + std::to_string(va.get_docid());
    if ((va == a.valuestream_end(slot)) != (vb == b.valuestream_end(slot))) return "values in slot " + std::to_string(slot);
  }
  // Terms: without term lists, each term's posting list (document, wdf) holds what a
  // document's term list would.
  auto ta = a.allterms_begin(), tb = b.allterms_begin();
  for (; ta != a.allterms_end() && tb != b.allterms_end(); ++ta, ++tb) {
    if (*ta != *tb) return "term " + *ta + " vs " + *tb;
    auto pa = a.postlist_begin(*ta), pb = b.postlist_begin(*tb);
    for (; pa != a.postlist_end(*ta) && pb != b.postlist_end(*tb); ++pa, ++pb)
      if (*pa != *pb || pa.get_wdf() != pb.get_wdf()) return "postings of term " + *ta;
    if ((pa == a.postlist_end(*ta)) != (pb == b.postlist_end(*tb))) return "postings of term " + *ta;
  }
  if ((ta == a.allterms_end()) != (tb == b.allterms_end())) return "term lists differ in length";
  // Metadata: every key and value.
  auto ma = a.metadata_keys_begin(), mb = b.metadata_keys_begin();
  for (; ma != a.metadata_keys_end() && mb != b.metadata_keys_end(); ++ma, ++mb) {
    if (*ma != *mb) return "metadata key " + *ma + " vs " + *mb;
    if (a.get_metadata(*ma) != b.get_metadata(*mb)) return "metadata " + *ma;
  }
  if ((ma == a.metadata_keys_end()) != (mb == b.metadata_keys_end())) return "metadata keys differ in number";
  return "";
}

// Copies of real statute files, in a folder a test may change.
struct Sources {
  test::TempDir dir;
  fs::path folder = dir.path / "texts";
  explicit Sources(const std::vector<fs::path>& from, const std::string& except = "") {
    fs::create_directories(folder);
    for (const fs::path& d : from)
      for (const auto& e : fs::directory_iterator(d))
        if (e.path().extension() == ".md" && e.path().filename().string().rfind(except + ".", 0) != 0) fs::copy_file(e.path(), folder / e.path().filename());
  }
};

IndexOptions options_for(const fs::path& sources, const fs::path& db) {
  IndexOptions o;
  o.catalog.sources = {sources};
  o.db = db;
  return o;
}

// The part holding the build records of the index at `db` (index_parts.h).
fs::path build_part(const fs::path& db) { return fs::canonical(db) / kPartsDir / kBuildPart; }

// Builds `o` incrementally (it must be), then a full index of the same sources elsewhere, and
// compares them.
IndexSummary update_and_compare(const IndexOptions& o, const test::TempDir& scratch) {
  const IndexSummary update = build_index(Registry::builtin(), o);
  CHECK(update.kind == IndexBuildKind::Incremental);
  IndexOptions full = o;
  full.db = scratch.path / ("full-" + update.version_dir.filename().string());
  full.full = true;
  const IndexSummary whole = build_index(Registry::builtin(), full);
  CHECK(whole.kind == IndexBuildKind::Full);
  CHECK(first_difference(o.db, full.db) == "");
  // And the build records beside them, which the next update reads.
  CHECK(first_difference(build_part(o.db), build_part(full.db)) == "");
  CHECK(update.laws == whole.laws);
  CHECK(update.articles == whole.articles);
  CHECK(update.links == whole.links);
  // Only part was rebuilt.
  CHECK(update.rebuilt_documents < whole.rebuilt_documents);
  return update;
}

void set_mtime_later(const fs::path& file) {
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
}

}  // namespace

TEST_CASE("An index that nothing changed since is left as it is", "[incremental]") {
  test::TempDir dir;
  const IndexOptions o = options_for(test::core_dir(), dir.path / "db");
  const IndexSummary first = build_index(Registry::builtin(), o);
  CHECK(first.kind == IndexBuildKind::Full);
  CHECK(first.full_reason == FullBuildReason::NoIndex);
  const fs::path live = fs::read_symlink(o.db);
  const IndexSummary again = build_index(Registry::builtin(), o);
  CHECK(again.kind == IndexBuildKind::Unchanged);
  CHECK(again.rebuilt_laws == 0);
  CHECK(again.rebuilt_documents == 0);
  CHECK(again.rebuilt_links == 0);
  CHECK(fs::read_symlink(o.db) == live);
  CHECK(again.laws == first.laws);
  CHECK(again.articles == first.articles);
}

TEST_CASE("A statute file added to a source folder: the update equals a full build", "[incremental]") {
  Sources src({test::core_dir(), test::local_dir()}, "cel-2023");
  const IndexOptions o = options_for(src.folder, src.dir.path / "db");
  build_index(Registry::builtin(), o);
  fs::copy_file(test::core_file("cel-2023"), src.folder / "cel-2023.zh.md");
  const IndexSummary s = update_and_compare(o, src.dir);
  CHECK(s.changed_laws >= 1);
  CHECK(s.rebuilt_links > 0);  // its citations, and cel-2014's version links to it
}

TEST_CASE("A statute file removed: the update equals a full build", "[incremental]") {
  Sources src({test::core_dir(), test::local_dir()});
  const IndexOptions o = options_for(src.folder, src.dir.path / "db");
  build_index(Registry::builtin(), o);
  IndexOptions before = o;
  before.db = src.dir.path / "before";
  build_index(Registry::builtin(), before);
  fs::remove(src.folder / "nsl-2015.zh.md");  // cited by most of the others
  update_and_compare(o, src.dir);
  // The comparison sees a difference where there is one.
  CHECK_FALSE(first_difference(o.db, before.db).empty());
}

// The inode of each served shard's postlist table in the version `version` (index_parts.h):
// taken before an update, since the update removes the old version once the new one serves.
std::map<unsigned, ino_t> shard_files(const fs::path& version) {
  std::map<unsigned, ino_t> inodes;
  for (unsigned s = 0; s < kServedShards; ++s) {
    struct stat st {};
    if (::stat((version / shard_name(s) / "postlist.glass").c_str(), &st) == 0) inodes[s] = st.st_ino;
  }
  return inodes;
}

// The shards whose files differ between two snapshots of shard_files.
std::set<unsigned> shards_rewritten(const std::map<unsigned, ino_t>& before, const std::map<unsigned, ino_t>& after) {
  std::set<unsigned> rewritten;
  for (unsigned s = 0; s < kServedShards; ++s) {
    const auto a = before.find(s), b = after.find(s);
    if ((a == before.end()) != (b == after.end()) || (a != before.end() && a->second != b->second)) rewritten.insert(s);
  }
  return rewritten;
}

Xapian::docid first_document(const Xapian::Database& db) { return *db.postlist_begin(""); }

TEST_CASE("A statute file touched or replaced by another text: the update equals a full build, and compacts only the shards it changed", "[incremental]") {
  Sources src({test::core_dir(), test::local_dir()});
  const IndexOptions o = options_for(src.folder, src.dir.path / "db");
  build_index(Registry::builtin(), o);
  const fs::path built = fs::canonical(o.db);
  REQUIRE(fs::exists(built / kStubFile));
  REQUIRE(fs::is_directory(built / shard_name(0)));
  const std::map<unsigned, ino_t> built_shards = shard_files(built);
  REQUIRE(built_shards.size() >= 2);
  struct stat built_meta {};
  REQUIRE(::stat((built / kServedMeta / "postlist.glass").c_str(), &built_meta) == 0);
  set_mtime_later(src.folder / "nil-2018.zh.md");  // same text, newer time
  const Xapian::Database reader(o.db.string());     // the index in use, read while it is updated
  const std::string stamps = reader.get_metadata("sources:nil-2018");
  const IndexSummary touched = update_and_compare(o, src.dir);
  CHECK(touched.changed_laws == 1);
  CHECK(touched.rebuilt_laws == 0);  // the same bytes: only its new stamp is recorded
  CHECK(touched.rebuilt_links == 0);
  // The same documents: every shard is the live version's files, only meta is new; the old
  // version is as it was for its reader.
  CHECK(fs::canonical(o.db) != built);
  CHECK(shards_rewritten(built_shards, shard_files(fs::canonical(o.db))).empty());
  struct stat new_meta {};
  REQUIRE(::stat((fs::canonical(o.db) / kServedMeta / "postlist.glass").c_str(), &new_meta) == 0);
  CHECK(new_meta.st_ino != built_meta.st_ino);
  CHECK(Xapian::Database(o.db.string()).get_metadata("sources:nil-2018") != stamps);
  CHECK(reader.get_metadata("sources:nil-2018") == stamps);
  const Xapian::docid first = first_document(reader);
  CHECK(reader.get_document(first).get_data() == Xapian::Database(o.db.string()).get_document(first).get_data());
  // A line added at the end: the text is read again, its part re-indexed, and comes out the
  // same: still no shard compacted, still equal to a full build.
  { std::ofstream(src.folder / "nil-2018.zh.md", std::ios::app) << "\n"; }
  set_mtime_later(src.folder / "nil-2018.zh.md");
  const IndexSummary edited = update_and_compare(o, src.dir);
  CHECK(edited.rebuilt_laws >= 1);
  CHECK(shards_rewritten(built_shards, shard_files(fs::canonical(o.db))).empty());

  // Another real text under the same name: the Counter-Espionage rules where the Chongqing
  // regulation was (the registry still calls the file cq-cer-2023). Its shard alone is
  // compacted again; the others are the files the full build wrote.
  fs::copy_file(test::core_file("cel-rules-2017"), src.folder / "cq-cer-2023.zh.md", fs::copy_options::overwrite_existing);
  set_mtime_later(src.folder / "cq-cer-2023.zh.md");
  update_and_compare(o, src.dir);
  CHECK(shards_rewritten(built_shards, shard_files(fs::canonical(o.db))) == std::set<unsigned>{shard_of(part_of("cq-cer-2023"))});
  // The reader of the first version still reads it.
  CHECK(reader.get_metadata("sources:nil-2018") == stamps);
  CHECK_FALSE(reader.get_document(first).get_data().empty());
}

// Damages a text part of the index at `db` other than `keep`'s, in shard `shard`; returns its name.
std::string damage_part_in_shard(const fs::path& db, unsigned shard, unsigned keep) {
  const fs::path parts = fs::canonical(db) / kPartsDir;
  for (const std::string& part : parts_in(parts)) {
    if (part == kMetaPart || part == part_name(keep)) continue;
    const unsigned p = static_cast<unsigned>(std::stoul(part.substr(1)));
    if (shard_of(p) != shard) continue;
    fs::resize_file(parts / part / "postlist.glass", 0);
    return part;
  }
  return "";
}

// The error compacting the part `part` of the index at `db` meets.
std::string compaction_error(const fs::path& db, const std::string& part, const fs::path& scratch) {
  try {
    Xapian::Database((fs::canonical(db) / kPartsDir / part).string()).compact(scratch.string());
  } catch (const Xapian::Error& e) {
    return e.get_description();
  }
  return "";
}

// Builds `o` again, which must fail with the error `expected`; then only the version `live` is
// left, serving `documents` documents.
void check_failed_update(const IndexOptions& o, const std::string& expected, const fs::path& live, Xapian::doccount documents) {
  try {
    build_index(Registry::builtin(), o);
    FAIL("the update did not fail");
  } catch (const IndexError& e) {
    CHECK(std::string(e.what()) == "cannot update the index: " + expected);
  }
  CHECK(fs::read_symlink(o.db) == live);
  CHECK(std::distance(fs::directory_iterator(o.db.string() + ".versions"), fs::directory_iterator()) == 1);
  const Xapian::Database after(o.db.string());
  CHECK(after.get_doccount() == documents);
  CHECK_FALSE(after.get_document(first_document(after)).get_data().empty());
}

TEST_CASE("A part that cannot be read fails the update's compaction on its thread: nothing is left, the index in use stays", "[incremental]") {
  Sources src({test::core_dir(), test::local_dir()});
  const IndexOptions o = options_for(src.folder, src.dir.path / "db");
  build_index(Registry::builtin(), o);
  const fs::path live = fs::read_symlink(o.db);
  const Xapian::doccount documents = Xapian::Database(o.db.string()).get_doccount();
  // Other documents for one law (its part is re-indexed, so its shard is compacted again while
  // the links are made), and another part of that shard, only linked into the new version, damaged.
  fs::copy_file(test::core_file("cel-rules-2017"), src.folder / "cq-cer-2023.zh.md", fs::copy_options::overwrite_existing);
  set_mtime_later(src.folder / "cq-cer-2023.zh.md");
  const unsigned changed = part_of("cq-cer-2023");
  const std::string damaged = damage_part_in_shard(o.db, shard_of(changed), changed);
  REQUIRE_FALSE(damaged.empty());
  // The error the compaction meets (not a later one, of a version left half made).
  const std::string unreadable = compaction_error(o.db, damaged, src.dir.path / "compacted");
  REQUIRE_FALSE(unreadable.empty());
  check_failed_update(o, unreadable, live, documents);
}

TEST_CASE("An update failing midway through its shards leaves nothing half written, and the index in use stays", "[incremental]") {
  Sources src({test::core_dir(), test::local_dir()});
  const IndexOptions o = options_for(src.folder, src.dir.path / "db");
  build_index(Registry::builtin(), o);
  const fs::path live = fs::read_symlink(o.db);
  const Xapian::doccount documents = Xapian::Database(o.db.string()).get_doccount();
  // Two laws changed in two shards: the first shard is compacted, the second fails on a damaged
  // part beside its changed one.
  const std::vector<std::string> laws{"cq-cer-2023", "nil-2018", "cel-2014", "mss-precautions-2021", "nsl-2015", "cel-rules-2017"};
  std::string first, second;
  for (const std::string& a : laws)
    for (const std::string& b : laws)
      if (first.empty() && shard_of(part_of(a)) < shard_of(part_of(b))) first = a, second = b;
  REQUIRE_FALSE(first.empty());
  // Each given another real text (as above), one not of the two.
  std::string donor;
  for (const std::string& law : laws)
    if (donor.empty() && law != first && law != second) donor = law;
  for (const std::string& law : {first, second}) {
    fs::copy_file(test::core_file(donor), src.folder / (law + ".zh.md"), fs::copy_options::overwrite_existing);
    set_mtime_later(src.folder / (law + ".zh.md"));
  }
  const unsigned later = part_of(second);
  const std::string damaged = damage_part_in_shard(o.db, shard_of(later), later);
  REQUIRE_FALSE(damaged.empty());
  const std::string unreadable = compaction_error(o.db, damaged, src.dir.path / "compacted");
  REQUIRE_FALSE(unreadable.empty());
  check_failed_update(o, unreadable, live, documents);
}

TEST_CASE("The served index names its databases relative to its folder: a version folder moved, or copied without its parts, opens", "[incremental]") {
  test::TempDir dir;
  const IndexOptions o = options_for(test::core_dir(), dir.path / "db");
  build_index(Registry::builtin(), o);
  const fs::path version = fs::canonical(o.db);
  const Xapian::doccount documents = Xapian::Database(o.db.string()).get_doccount();
  const std::size_t laws = IndexStore(o.db).registry().laws().size();
  REQUIRE(documents > 0);
  // What a team hands over: the stub, meta and the shards; then the original moved away.
  const fs::path copy = dir.path / "copy";
  fs::create_directories(copy);
  for (const auto& e : fs::directory_iterator(version))
    if (e.path().filename() != kPartsDir) fs::copy(e.path(), copy / e.path().filename(), fs::copy_options::recursive);
  const fs::path moved = dir.path / "moved";
  fs::rename(version, moved);
  for (const fs::path& folder : {copy, moved}) {
    INFO(folder);
    IndexStore store(folder);
    std::size_t shards = 0;
    for (unsigned k = 0; k < kServedShards; ++k) shards += fs::is_directory(folder / shard_name(k)) ? 1 : 0;
    REQUIRE(shards >= 1);
    CHECK(store.database().size() == 1 + shards);  // meta and the shards
    CHECK(store.database().get_doccount() == documents);
    CHECK(store.registry().laws().size() == laws);
    CHECK(store.text("nsl-2015", "zh") != nullptr);
  }
}

TEST_CASE("An index without its build records is rebuilt whole, and says why", "[incremental]") {
  test::TempDir dir;
  const IndexOptions o = options_for(test::core_dir(), dir.path / "db");
  const IndexSummary first = build_index(Registry::builtin(), o);
  fs::remove_all(first.version_dir / kPartsDir);
  const IndexSummary again = build_index(Registry::builtin(), o);
  CHECK(again.kind == IndexBuildKind::Full);
  CHECK(again.full_reason == FullBuildReason::NoBuildRecords);

  IndexOptions words = o;
  words.dictionary_words = true;
  const IndexSummary third = build_index(Registry::builtin(), words);
  CHECK(third.kind == IndexBuildKind::Full);
  CHECK(third.full_reason == FullBuildReason::OptionsChanged);
}

TEST_CASE("lawref index after lawref import of a translation updates the index to what a full build makes", "[incremental][cli]") {
  test::TempDir home, dir;
  const test::Env env = {{"LAWREF_HOME", home.path.string()}, {"LAWREF_SOURCES", ""}};
  REQUIRE(test::run_lawref({"index", "-q", "--sources", test::core_dir().string()}, env).exit_code == 0);
  const fs::path live = fs::read_symlink(home.path / "index");
  const fs::path translation = fs::path(LAWREF_SOURCE_DIR) / "data" / "translations" / "cel-2014.en.md";
  REQUIRE(test::run_lawref({"import", translation.string(), "--law", "cel-2014"}, env).exit_code == 0);
  REQUIRE(fs::exists(home.path / "imported" / "cel-2014.en.xml"));

  // A part no changed law is in stays the very same file (a hard link), not a rebuilt copy.
  const fs::path parts = home.path / "index.versions" / live.filename() / kPartsDir;
  std::string untouched;
  for (const std::string& p : parts_in(parts))
    if (p != kMetaPart && p != part_name(part_of("cel-2014"))) untouched = p;
  REQUIRE(!untouched.empty());
  struct stat before {};
  REQUIRE(::stat((parts / untouched / "postlist.glass").c_str(), &before) == 0);

  REQUIRE(test::run_lawref({"index", "-q", "--sources", test::core_dir().string()}, env).exit_code == 0);
  const fs::path updated = fs::read_symlink(home.path / "index");
  CHECK(updated != live);
  struct stat after {};
  REQUIRE(::stat((home.path / "index.versions" / updated.filename() / kPartsDir / untouched / "postlist.glass").c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);

  REQUIRE(test::run_lawref({"index", "-q", "--full", "--sources", test::core_dir().string(), "--db", (dir.path / "full").string()}, env).exit_code == 0);
  CHECK(first_difference(home.path / "index", dir.path / "full") == "");

  // And once more with nothing changed: the index stays where it is.
  REQUIRE(test::run_lawref({"index", "-q", "--sources", test::core_dir().string()}, env).exit_code == 0);
  CHECK(fs::read_symlink(home.path / "index") == updated);
}

TEST_CASE("A translation added beside its Chinese text changes that law's documents, not the link graph", "[incremental]") {
  Sources src({test::core_dir(), test::local_dir()});
  const IndexOptions o = options_for(src.folder, src.dir.path / "db");
  build_index(Registry::builtin(), o);
  fs::copy_file(fs::path(LAWREF_SOURCE_DIR) / "data" / "translations" / "cel-2014.en.md", src.folder / "cel-2014.en.md");
  const IndexSummary s = update_and_compare(o, src.dir);
  CHECK(s.changed_laws == 1);
  CHECK(s.rebuilt_links == 0);
}

TEST_CASE("A new law's title, which texts may use unbracketed, is looked up, and the update equals a full build", "[incremental][lawrefbook]") {
  // Laws of the collection the registry does not know: each new title is a new known name.
  test::TempDir dir;
  const fs::path folder = dir.path / "texts", book = test::lawrefbook_dir() / "宪法相关法";
  fs::create_directories(folder);
  for (const char* name : {"国徽法(2020-10-17).md", "国歌法(2017-09-01).md", "香港特别行政区基本法(1990-04-04).md"})
    fs::copy_file(book / name, folder / name);
  const IndexOptions o = options_for(folder, dir.path / "db");
  build_index(Registry::builtin(), o);
  fs::copy_file(book / "国旗法(2020-10-17).md", folder / "国旗法(2020-10-17).md");
  const IndexSummary s = update_and_compare(o, dir);
  CHECK(s.changed_laws == 1);
}

TEST_CASE("Files moved, added and colliding: the update gives every law the id a full build gives", "[incremental][lawrefbook]") {
  // Laws the registry does not know get automatic ids, which the update reads from the live
  // index's memo of the catalog where the file or title is unchanged (catalog_memo.h).
  test::TempDir dir;
  const fs::path folder = dir.path / "texts", book = test::lawrefbook_dir() / "宪法相关法";
  fs::create_directories(folder / "copy");
  for (const char* name : {"国徽法(2020-10-17).md", "国歌法(2017-09-01).md"}) fs::copy_file(book / name, folder / name);
  fs::copy_file(book / "国歌法(2017-09-01).md", folder / "copy" / "国歌法(2017-09-01).md");  // one id for two files: told apart
  const IndexOptions o = options_for(folder, dir.path / "db");
  build_index(Registry::builtin(), o);
  REQUIRE(Xapian::Database(build_part(o.db).string()).get_metadata("lawref:catalog-memo") != "");
  CHECK(Xapian::Database(o.db.string()).get_metadata("lawref:catalog-memo") == "");  // queries do not carry it

  fs::create_directories(folder / "moved");
  fs::rename(folder / "国徽法(2020-10-17).md", folder / "moved" / "国徽法(2020-10-17).md");  // a header not remembered by path
  fs::copy_file(book / "国旗法(2020-10-17).md", folder / "国旗法(2020-10-17).md");            // a title not seen before
  fs::copy_file(book / "国徽法(2020-10-17).md", folder / "copy" / "国徽法(2020-10-17).md");  // now 国徽法's id collides
  update_and_compare(o, dir);
  const Xapian::Database updated(o.db.string());
  const std::string registry = decompress_blob(updated.get_metadata("lawref:registry"));
  CHECK(registry.find("guohuifa-2020\t") == std::string::npos);
  CHECK(registry.find("guoqifa-2020\t") != std::string::npos);
}
