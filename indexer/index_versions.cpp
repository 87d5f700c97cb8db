#include "index_versions.h"

#include <atomic>
#include <chrono>
#include <unistd.h>
#include <xapian.h>

#include "index_builder.h"

namespace lawref {

namespace fs = std::filesystem;

std::string version_stamp() {
  static std::atomic<unsigned> builds{0};
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()) + "-" + std::to_string(::getpid()) + "-" +
         std::to_string(builds++);
}

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

void remove_stale_versions(const fs::path& versions, const fs::path& keep) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(versions, ec))
    if (e.path().filename() != keep.filename()) fs::remove_all(e.path(), ec);
}

void remove_leftovers(const fs::path& db, const fs::path& versions, const fs::path& building, const fs::path& version_dir) {
  std::error_code ec;
  fs::remove_all(building, ec);
  fs::remove_all(version_dir, ec);
  if (!fs::exists(fs::symlink_status(db, ec)) && fs::is_empty(versions, ec)) fs::remove(versions, ec);
}

void abandon_build(const fs::path& db, const fs::path& versions, const fs::path& building, const fs::path& version_dir, const std::string& what) {
  remove_leftovers(db, versions, building, version_dir);
  try {
    throw;
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot " + what + " the index: " + e.get_description());
  } catch (const fs::filesystem_error& e) {
    throw IndexError("cannot write " + e.path1().string() + ": " + e.code().message());
  }
}

}  // namespace lawref
