#include "index_update_in_place.h"

#include <fstream>
#include <system_error>
#include <string>

#include "index_parts.h"
#include "index_versions.h"

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

std::size_t write_metadata_changes(const Xapian::Database& before, const Xapian::Database& after, Xapian::WritableDatabase& target) {
  std::size_t changed = 0;
  auto set = [&](const std::string& key, const std::string& value) {
    target.set_metadata(key, value);
    ++changed;
  };
  // Both key lists are sorted: one merge.
  auto b = before.metadata_keys_begin(), a = after.metadata_keys_begin();
  const auto b_end = before.metadata_keys_end(), a_end = after.metadata_keys_end();
  while (b != b_end || a != a_end) {
    if (a == a_end || (b != b_end && *b < *a)) {
      set(*b, "");  // gone
      ++b;
    } else if (b == b_end || *a < *b) {
      set(*a, after.get_metadata(*a));  // new
      ++a;
    } else {
      const std::string key = *a;
      std::string value = after.get_metadata(key);
      if (value != before.get_metadata(key)) set(key, value);
      ++a, ++b;
    }
  }
  return changed;
}

bool copy_served_index_with_metadata(const fs::path& served, const fs::path& meta_before, const fs::path& meta_after, const fs::path& target,
                                     std::uintmax_t bound) {
  if (fs::exists(target)) throw fs::filesystem_error("cannot write the index", target, std::make_error_code(std::errc::file_exists));
  try {
    fs::create_directories(target);
    for (const auto& e : fs::directory_iterator(served))
      if (e.is_regular_file() && e.path().filename() != "flintlock") fs::copy_file(e.path(), target / e.path().filename());
    {
      // An index without term lists (the default) is opened as one, or Xapian looks for them.
      const int term_lists = fs::exists(target / "termlist.glass") ? 0 : Xapian::DB_NO_TERMLIST;
      Xapian::WritableDatabase index(target.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC | term_lists);
      write_metadata_changes(Xapian::Database(meta_before.string()), Xapian::Database(meta_after.string()), index);
      index.commit();
      index.close();
    }
    if (directory_size(target) > bound) {
      fs::remove_all(target);
      return false;
    }
    // Xapian's own sync would leave out the tables it did not write, copied all the same.
    sync_tree(target);
    return true;
  } catch (...) {
    std::error_code ec;
    fs::remove_all(target, ec);  // no half-written copy, whatever failed
    throw;
  }
}

std::uintmax_t in_place_bound(const fs::path& parts_dir) {
  std::uintmax_t parts = 0;
  for (const std::string& part : parts_in(parts_dir)) parts += directory_size(parts_dir / part);
  return parts + parts / 64;
}

}  // namespace lawref
