// An update that changed no document writes the metadata changes into a copy of the served
// index (index_update_in_place.h): the copy holds the new metadata and the same documents, the
// index it was copied from is never written, and a failure or a copy grown past its bound
// leaves nothing behind.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>
#include <xapian.h>

#include "index_update_in_place.h"
#include "test_support.h"

using namespace lawref;
namespace fs = std::filesystem;

namespace {

// A small database without term lists (as lawref's parts are), compacted as a part is.
void write_part(const fs::path& path, const std::vector<std::string>& texts, const std::map<std::string, std::string>& metadata = {}) {
  const fs::path raw = path.string() + ".raw";
  {
    Xapian::WritableDatabase db(raw.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_TERMLIST);
    for (const std::string& text : texts) {
      Xapian::Document doc;
      doc.set_data(text);
      doc.add_term("X" + text, 2);
      doc.add_value(1, text);
      db.add_document(doc);
    }
    for (const auto& [key, value] : metadata) db.set_metadata(key, value);
    db.commit();
  }
  Xapian::Database(raw.string()).compact(path.string());
  fs::remove_all(raw);
}

std::map<std::string, std::string> metadata_of(const fs::path& path) {
  const Xapian::Database db(path.string());
  std::map<std::string, std::string> out;
  for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it) out[*it] = db.get_metadata(*it);
  return out;
}

std::vector<std::string> documents_of(const fs::path& path) {
  const Xapian::Database db(path.string());
  std::vector<std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    out.push_back(doc.get_data() + "|" + doc.get_value(1) + "|" + std::to_string(db.get_doclength(*it)));
  }
  return out;
}

}  // namespace

TEST_CASE("Parts written alike from the same documents are the same files; other documents are not", "[incremental][in-place]") {
  test::TempDir dir;
  write_part(dir.path / "a", {"甲", "乙"});
  write_part(dir.path / "b", {"甲", "乙"});
  write_part(dir.path / "c", {"甲", "丙"});
  write_part(dir.path / "d", {"甲"});
  CHECK(same_part_files(dir.path / "a", dir.path / "b"));
  CHECK_FALSE(same_part_files(dir.path / "a", dir.path / "c"));
  CHECK_FALSE(same_part_files(dir.path / "a", dir.path / "d"));
  CHECK_FALSE(same_part_files(dir.path / "a", dir.path / "absent"));
  CHECK(same_part_files(dir.path / "absent", dir.path / "also-absent"));
}

TEST_CASE("Metadata changes: changed, new and removed keys are written, the others are not", "[incremental][in-place]") {
  test::TempDir dir;
  write_part(dir.path / "before", {}, {{"same", "1"}, {"changed", "old"}, {"gone", "x"}});
  write_part(dir.path / "after", {}, {{"same", "1"}, {"changed", "new"}, {"added", "y"}});
  write_part(dir.path / "target", {}, {{"same", "1"}, {"changed", "old"}, {"gone", "x"}, {"other", "kept"}});
  {
    Xapian::WritableDatabase target((dir.path / "target").string(), Xapian::DB_OPEN | Xapian::DB_NO_TERMLIST);
    CHECK(write_metadata_changes(Xapian::Database((dir.path / "before").string()), Xapian::Database((dir.path / "after").string()), target) == 3);
    target.commit();
  }
  CHECK(metadata_of(dir.path / "target") ==
        std::map<std::string, std::string>{{"same", "1"}, {"changed", "new"}, {"added", "y"}, {"other", "kept"}});
}

TEST_CASE("The served index copied with new metadata: same documents, new metadata, the original never written", "[incremental][in-place]") {
  test::TempDir dir;
  const std::map<std::string, std::string> before{{"sources:a", "1"}, {"xref-out:a", "links"}, {"law:b", "gone"}};
  const std::map<std::string, std::string> after{{"sources:a", "2"}, {"xref-out:a", "links"}, {"law:c", "new"}};
  write_part(dir.path / "meta-before", {}, before);
  write_part(dir.path / "meta-after", {}, after);
  write_part(dir.path / "served", {"甲", "乙", "丙"}, before);
  const std::vector<std::string> documents = documents_of(dir.path / "served");
  const auto served_revision = Xapian::Database((dir.path / "served").string()).get_revision();
  // A reader of the served index, open while the copy is written.
  const Xapian::Database reader((dir.path / "served").string());

  REQUIRE(copy_served_index_with_metadata(dir.path / "served", dir.path / "meta-before", dir.path / "meta-after", dir.path / "copy",
                                          std::uintmax_t(1) << 30));
  CHECK(metadata_of(dir.path / "copy") == after);
  CHECK(documents_of(dir.path / "copy") == documents);
  CHECK(Xapian::Database((dir.path / "copy").string()).get_revision() == served_revision + 1);  // one commit
  // The original: as it was, for its reader and for a new one.
  CHECK(reader.get_metadata("sources:a") == "1");
  CHECK(reader.get_document(2).get_data() == "乙");
  CHECK(metadata_of(dir.path / "served") == before);
  CHECK(Xapian::Database((dir.path / "served").string()).get_revision() == served_revision);
}

TEST_CASE("A copy grown past its bound, or one whose writing fails, leaves nothing behind", "[incremental][in-place]") {
  test::TempDir dir;
  write_part(dir.path / "meta-before", {}, {{"k", "1"}});
  write_part(dir.path / "meta-after", {}, {{"k", "2"}});
  write_part(dir.path / "served", {"甲"}, {{"k", "1"}});
  CHECK_FALSE(copy_served_index_with_metadata(dir.path / "served", dir.path / "meta-before", dir.path / "meta-after", dir.path / "copy", 0));
  CHECK_FALSE(fs::exists(dir.path / "copy"));
  // The new metadata cannot be read: the copy, half made, is removed.
  CHECK_THROWS_AS(
      copy_served_index_with_metadata(dir.path / "served", dir.path / "meta-before", dir.path / "no-such-meta", dir.path / "copy", std::uintmax_t(1) << 30),
      Xapian::DatabaseOpeningError);
  CHECK_FALSE(fs::exists(dir.path / "copy"));
  CHECK(metadata_of(dir.path / "served") == std::map<std::string, std::string>{{"k", "1"}});
}
