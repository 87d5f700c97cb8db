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

unsigned shard_of(unsigned part) { return part / (kIndexParts / kServedShards); }

std::string shard_name(unsigned shard) { return "s" + std::to_string(shard); }

bool compact_shard(const fs::path& parts_dir, unsigned shard, const fs::path& target) {
  Xapian::Database shard_parts;
  bool any = false;
  for (unsigned p = shard * (kIndexParts / kServedShards); p < (shard + 1) * (kIndexParts / kServedShards); ++p)
    if (fs::exists(parts_dir / part_name(p))) {
      shard_parts.add_database(Xapian::Database((parts_dir / part_name(p)).string()));
      any = true;
    }
  if (any) shard_parts.compact(target.string());
  return any;
}

void write_served_stub(const fs::path& version_dir) {
  std::string stub = std::string("glass ") + kServedMeta + "\n";
  for (unsigned s = 0; s < kServedShards; ++s)
    if (fs::exists(version_dir / shard_name(s))) stub += "glass " + shard_name(s) + "\n";
  const fs::path path = version_dir / kStubFile;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw fs::filesystem_error("cannot write", path, std::error_code(errno, std::generic_category()));
  const bool written = ::write(fd, stub.data(), stub.size()) == static_cast<ssize_t>(stub.size()) && ::fdatasync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!written) throw fs::filesystem_error("cannot write", path, std::error_code(err, std::generic_category()));
}

std::uintmax_t served_size(const fs::path& version_dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  auto add_files = [&](const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file(ec)) total += e.file_size(ec);
  };
  add_files(version_dir);  // the stub
  add_files(version_dir / kServedMeta);
  for (unsigned s = 0; s < kServedShards; ++s)
    if (fs::exists(version_dir / shard_name(s), ec)) add_files(version_dir / shard_name(s));
  return total;
}

void compact_part(const fs::path& part) {
  const fs::path compacted = part.string() + ".compacted";
  Xapian::Database(part.string()).compact(compacted.string());
  fs::remove_all(part);
  fs::rename(compacted, part);
}

void close_and_compact_meta_parts(Xapian::WritableDatabase& meta, Xapian::WritableDatabase& records, const fs::path& building) {
  meta.commit();
  meta.close();
  records.commit();
  records.close();
  compact_part(building / kMetaPart);
  compact_part(building / kBuildPart);
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
