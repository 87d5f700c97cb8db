#include "index_parts.h"

#include <algorithm>
#include <cstdio>
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

void compact_parts(const fs::path& dir, const fs::path& target) {
  Xapian::Database all;
  for (const std::string& part : parts_in(dir)) all.add_database(Xapian::Database((dir / part).string()));
  all.compact(target.string());
  all.close();
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

void sync_tree(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) sync_one(e.path(), e.is_directory());
  sync_one(dir, true);
}

}  // namespace lawref
