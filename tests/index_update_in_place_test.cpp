// Parts rebuilt with the same documents are recognised as the same files (index_update_in_place.h),
// so that the update links them and compacts no shard holding them again.
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
