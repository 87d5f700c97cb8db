#include "index_parts.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <thread>
#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

namespace lawref {

namespace fs = std::filesystem;

unsigned part_of(std::string_view law_id) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : law_id) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return static_cast<unsigned>(h % kIndexParts);
}

std::string part_name(unsigned part) {
  char name[8];
  std::snprintf(name, sizeof name, "p%02u", part);
  return name;
}

std::vector<std::string> parts_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (unsigned p = 0; p < kIndexParts; ++p)
    if (fs::exists(dir / part_name(p))) out.push_back(part_name(p));
  if (fs::exists(dir / kMetaPart)) out.push_back(kMetaPart);
  return out;
}

void compact_parts(const fs::path& dir, const fs::path& target, PartsCompacted which) {
  Xapian::Database all;
  for (const std::string& part : parts_in(dir))
    if (which == PartsCompacted::All || part != kMetaPart) all.add_database(Xapian::Database((dir / part).string()));
  all.compact(target.string());
  all.close();
}

void copy_metadata(const fs::path& part, const fs::path& index, bool term_lists) {
  const Xapian::Database source(part.string());
  Xapian::WritableDatabase target(index.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS | (term_lists ? 0 : Xapian::DB_NO_TERMLIST));
  for (auto k = source.metadata_keys_begin(); k != source.metadata_keys_end(); ++k) target.set_metadata(*k, source.get_metadata(*k));
  target.commit();
  target.close();
}

void compact_part(const fs::path& part) {
  const fs::path compacted = part.string() + ".compacted";
  Xapian::Database(part.string()).compact(compacted.string());
  fs::remove_all(part);
  fs::rename(compacted, part);
}

void link_part(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(from))
    if (e.is_regular_file()) fs::create_hard_link(e.path(), to / e.path().filename());
}

void copy_part(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(from))
    if (e.is_regular_file()) fs::copy_file(e.path(), to / e.path().filename());
}

namespace {

void sync_one(const fs::path& path, bool directory) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw fs::filesystem_error("cannot open", path, std::error_code(errno, std::generic_category()));
  const int rc = directory ? ::fsync(fd) : ::fdatasync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) throw fs::filesystem_error("cannot sync", path, std::error_code(err, std::generic_category()));
}

}  // namespace

// Several syncs at once: one at a time, each waited ~3 ms for the disk even on a file with
// nothing left to write (the 330 files and folders of a full build's parts: 0.85 s); the kernel
// serves syncs that are waiting together with one flush of the disk (the same 330: ~0.01 s).
constexpr unsigned kSyncThreads = 8;

void sync_tree(const fs::path& dir) {
  std::vector<std::pair<fs::path, bool>> paths;  // path, is a folder
  for (const auto& e : fs::recursive_directory_iterator(dir)) paths.emplace_back(e.path(), e.is_directory());
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(std::min<std::size_t>(kSyncThreads, paths.size()));
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < errors.size(); ++t)
    pool.emplace_back([&, t] {
      try {
        for (std::size_t i = next++; i < paths.size(); i = next++) sync_one(paths[i].first, paths[i].second);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  for (std::thread& th : pool) th.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  sync_one(dir, true);
}

}  // namespace lawref
