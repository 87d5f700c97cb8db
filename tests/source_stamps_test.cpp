// Folder stamps: what a command finds changed in its index's source folders.
#include <catch2/catch.hpp>

#include <chrono>

#include "source_stamps.h"
#include "test_support.h"

using namespace lawref;
namespace fs = std::filesystem;

namespace {

// The changes found by decoding every folder's names first, as the check did before
// folder_changes_since: what the lazy decoding must give.
std::vector<FolderChanges> decoded_then_compared(std::string_view encoded) {
  std::vector<FolderChanges> out;
  for (const FolderStamp& then : decode_folder_stamps(encoded))
    if (std::vector<FolderEntryChange> changes = changes_since(then); !changes.empty()) out.push_back({then.path, std::move(changes)});
  return out;
}

bool same(const std::vector<FolderChanges>& a, const std::vector<FolderChanges>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].path != b[i].path || a[i].changes != b[i].changes) return false;
  return true;
}

}  // namespace

TEST_CASE("Folder changes since the stamps: none, a name added, a folder gone; the names decoded only when needed give the same", "[stamps]") {
  lawref::test::TempDir dir;
  dir.write("a.md", "# 合成测试条例\n");
  dir.write("sub/b.md", "# 另一合成测试条例\n");
  const std::string encoded = encode_folder_stamps(stamp_folders({dir.path}));
  REQUIRE(decode_folder_stamps(encoded).size() == 2);

  CHECK(folder_changes_since(encoded).empty());

  dir.write("sub/c.md", "# 第三合成测试条例\n");
  dir.write("sub/notes.json", "{}");  // not a statute file
  std::vector<FolderChanges> changes = folder_changes_since(encoded);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].path == fs::absolute(dir.path / "sub"));
  CHECK(changes[0].changes == std::vector<FolderEntryChange>{{"c.md", true}});
  CHECK(same(changes, decoded_then_compared(encoded)));

  fs::remove_all(dir.path / "sub");
  changes = folder_changes_since(encoded);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].changes == std::vector<FolderEntryChange>{{"sub/", false}});  // the parent lost it
  CHECK(changes[1].changes == std::vector<FolderEntryChange>{{"sub/", false}});  // and it is gone itself
  CHECK(same(changes, decoded_then_compared(encoded)));
}

TEST_CASE("Folder stamps: lines that are not a folder's are passed over, as when decoding them all", "[stamps]") {
  lawref::test::TempDir dir;
  dir.write("a.md", "# 合成测试条例\n");
  const std::string good = encode_folder_stamps(stamp_folders({dir.path}));
  const std::string encoded = "no tab here\nnot-a-time\t" + dir.path.string() + "\n" + good + "17\t" + (dir.path / "gone").string() + "\tx.md\n";
  const std::vector<FolderChanges> changes = folder_changes_since(encoded);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].path == dir.path / "gone");
  CHECK(changes[0].changes == std::vector<FolderEntryChange>{{"gone/", false}});
  CHECK(same(changes, decoded_then_compared(encoded)));
}

TEST_CASE("A file's stamp is its size and last_write_time; a folder, a missing file or another kind of file has none", "[stamps]") {
  lawref::test::TempDir dir;
  const fs::path file = dir.write("a.md", "# 合成测试条例\n");
  fs::last_write_time(file, fs::last_write_time(file) - std::chrono::hours(24 * 400) + std::chrono::nanoseconds(123456789));
  const auto stamp = stamp_file(file);
  REQUIRE(stamp);
  CHECK(stamp->path == fs::absolute(file));
  CHECK(stamp->size == fs::file_size(file));
  CHECK(stamp->mtime_ns == std::chrono::duration_cast<std::chrono::nanoseconds>(fs::last_write_time(file).time_since_epoch()).count());
  CHECK(change_since(*stamp) == SourceChange::Unchanged);
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::nanoseconds(1));
  CHECK(change_since(*stamp) == SourceChange::Modified);
  CHECK_FALSE(stamp_file(dir.path));
  CHECK_FALSE(stamp_file(dir.path / "missing.md"));
  fs::remove(file);
  CHECK(change_since(*stamp) == SourceChange::Removed);
}
