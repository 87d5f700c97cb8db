// A law's files only touched (same paths, sizes and bytes, another time) are told from files
// whose bytes changed, by the digests its build record keeps (index_records_digest.h).
#include <catch2/catch.hpp>

#include <fstream>

#include "index_records_digest.h"
#include "test_support.h"

using namespace lawref;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

SourceStamp stamp(const fs::path& file) { return *stamp_file(file); }

}  // namespace

TEST_CASE("Touched files are told from changed ones by their digests", "[incremental][digest]") {
  test::TempDir dir;
  const fs::path a = dir.path / "a.md", b = dir.path / "b.md";
  write(a, "第一条 甲。\n");
  write(b, "第一条 乙。\n");
  const std::vector<SourceStamp> then{stamp(a), stamp(b)};
  const std::vector<std::uint64_t> digests = source_digests(then);
  REQUIRE(digests.size() == 2);
  CHECK(digests[0] != digests[1]);

  fs::last_write_time(a, fs::last_write_time(a) + std::chrono::seconds(5));
  std::vector<SourceStamp> now{stamp(a), stamp(b)};
  CHECK(now != then);
  CHECK(only_touched(now, then, digests));

  write(b, "第一条 丙。\n");  // same size, other bytes
  fs::last_write_time(b, fs::last_write_time(b) + std::chrono::seconds(5));
  now = {stamp(a), stamp(b)};
  CHECK(now[1].size == then[1].size);
  CHECK_FALSE(only_touched(now, then, digests));

  // Another file, fewer files, no digests (an unreadable file when built): read again.
  CHECK_FALSE(only_touched({stamp(b), stamp(a)}, then, digests));
  CHECK_FALSE(only_touched({stamp(a)}, then, digests));
  CHECK_FALSE(only_touched({stamp(a), stamp(b)}, then, {}));
  CHECK(source_digests({SourceStamp{dir.path / "missing.md", 1, 1}}).empty());
  CHECK_FALSE(file_digest(dir.path / "missing.md"));
}
