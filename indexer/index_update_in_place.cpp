#include "index_update_in_place.h"

#include <fstream>
#include <system_error>
#include <string>


namespace lawref {

namespace fs = std::filesystem;

namespace {

// The tables of a glass database (the version file holds a per-database UUID: left out).
constexpr const char* kTables[] = {"postlist.glass", "docdata.glass", "termlist.glass", "position.glass", "spelling.glass", "synonym.glass"};

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ea, eb;
  const bool has_a = fs::exists(a, ea), has_b = fs::exists(b, eb);
  if (ea || eb || has_a != has_b) return false;
  if (!has_a) return true;
  // A file gone or unreadable since: "different", so the update compacts rather than stopping.
  const auto size_a = fs::file_size(a, ea), size_b = fs::file_size(b, eb);
  if (ea || eb || size_a != size_b) return false;
  std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
  if (!fa || !fb) return false;
  constexpr std::size_t kChunk = 1 << 16;
  std::string ca(kChunk, '\0'), cb(kChunk, '\0');
  while (fa && fb) {
    fa.read(ca.data(), kChunk);
    fb.read(cb.data(), kChunk);
    if (fa.gcount() != fb.gcount() || ca.compare(0, fa.gcount(), cb, 0, fb.gcount()) != 0) return false;
  }
  return fa.eof() && fb.eof();
}

}  // namespace

bool same_part_files(const fs::path& a, const fs::path& b) {
  std::error_code ea, eb;
  const bool has_a = fs::is_directory(a, ea), has_b = fs::is_directory(b, eb);
  if (has_a != has_b) return false;
  if (!has_a) return true;
  for (const char* table : kTables)
    if (!same_file(a / table, b / table)) return false;
  return true;
}

}  // namespace lawref
