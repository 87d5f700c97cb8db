#include "source_stamps.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <iterator>
#include <optional>
#include <sys/stat.h>
#include <system_error>

#include "lines.h"

namespace lawref {
namespace fs = std::filesystem;

namespace {

// A file's or folder's modification time, in the units stored.
std::int64_t mtime_ns(const fs::path& path, std::error_code& ec) {
  const fs::file_time_type time = fs::last_write_time(path, ec);
  return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count());
}

}  // namespace

std::optional<SourceStamp> stamp_file(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return std::nullopt;
  // One stat(2) for both, where file_size and last_write_time made one each (an update stamps
  // every file of the corpus); the time in last_write_time's units, as stamps always were.
  struct stat st {};
  if (::stat(absolute.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const auto since_unix = std::chrono::seconds(st.st_mtim.tv_sec) + std::chrono::nanoseconds(st.st_mtim.tv_nsec);
  const auto time = std::chrono::file_clock::from_sys(std::chrono::system_clock::time_point(since_unix));
  return SourceStamp{absolute, static_cast<std::uintmax_t>(st.st_size),
                     static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count())};
}

std::vector<SourceStamp> stamp_sources(const CatalogEntry& entry) {
  std::vector<SourceStamp> stamps;
  for (const TextSource& text : entry.texts) {
    if (text.embedded) continue;
    for (const fs::path& file : text.parts.empty() ? std::vector<fs::path>{text.path} : text.parts)
      if (auto stamp = stamp_file(file)) stamps.push_back(std::move(*stamp));
  }
  return stamps;
}

SourceChange change_since(const SourceStamp& stamp) {
  const auto now = stamp_file(stamp.path);
  if (!now) return SourceChange::Removed;
  return now->size == stamp.size && now->mtime_ns == stamp.mtime_ns ? SourceChange::Unchanged : SourceChange::Modified;
}

std::string encode_stamps(const std::vector<SourceStamp>& stamps) {
  std::string out;
  for (const SourceStamp& s : stamps) out += std::to_string(s.size) + "\t" + std::to_string(s.mtime_ns) + "\t" + s.path.string() + "\n";
  return out;
}

std::vector<SourceStamp> decode_stamps(std::string_view encoded) {
  std::vector<SourceStamp> stamps;
  for (const std::string_view line : split_lines(encoded)) {
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) continue;  // not ours: ignored, never a crash
    SourceStamp s;
    const auto a = std::from_chars(line.data(), line.data() + t1, s.size);
    const auto b = std::from_chars(line.data() + t1 + 1, line.data() + t2, s.mtime_ns);
    if (a.ec != std::errc{} || b.ec != std::errc{}) continue;
    s.path = std::string(line.substr(t2 + 1));
    stamps.push_back(std::move(s));
  }
  return stamps;
}

namespace {

std::optional<FolderStamp> stamp_folder(const fs::path& folder) {
  std::error_code ec;
  FolderStamp stamp{fs::absolute(folder, ec), 0, {}};
  if (ec) return std::nullopt;
  stamp.mtime_ns = mtime_ns(stamp.path, ec);
  if (ec) return std::nullopt;
  fs::directory_iterator it(stamp.path, ec);
  for (fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    const std::string name = it->path().filename().string();
    if (it->symlink_status(entry_ec).type() == fs::file_type::directory) stamp.entries.push_back(name + "/");
    else if (is_source_file(it->path())) stamp.entries.push_back(name);
  }
  if (ec) return std::nullopt;
  std::sort(stamp.entries.begin(), stamp.entries.end());
  return stamp;
}

}  // namespace

std::vector<FolderStamp> stamp_folders(const std::vector<fs::path>& roots) {
  std::vector<FolderStamp> out;
  for (const fs::path& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    std::vector<fs::path> folders{root};
    while (!folders.empty()) {
      const fs::path folder = std::move(folders.back());
      folders.pop_back();
      auto stamp = stamp_folder(folder);
      if (!stamp) continue;
      for (const std::string& e : stamp->entries)
        if (e.back() == '/') folders.push_back(stamp->path / e.substr(0, e.size() - 1));
      out.push_back(std::move(*stamp));
    }
  }
  return out;
}

namespace {

// What was added to and removed from a folder since `then`, whatever its time says.
std::vector<FolderEntryChange> entry_changes(const FolderStamp& then) {
  const std::optional<FolderStamp> now = stamp_folder(then.path);
  if (!now) return {{then.path.filename().string() + "/", false}};
  std::vector<std::string> added, removed;
  std::set_difference(now->entries.begin(), now->entries.end(), then.entries.begin(), then.entries.end(), std::back_inserter(added));
  std::set_difference(then.entries.begin(), then.entries.end(), now->entries.begin(), now->entries.end(), std::back_inserter(removed));
  std::vector<FolderEntryChange> out;
  for (std::string& a : added) out.push_back({std::move(a), true});
  for (std::string& r : removed) out.push_back({std::move(r), false});
  return out;
}

bool unchanged_since(const fs::path& folder, std::int64_t then_ns) {
  std::error_code ec;
  return mtime_ns(folder, ec) == then_ns && !ec;
}

}  // namespace

std::vector<FolderEntryChange> changes_since(const FolderStamp& then) {
  if (unchanged_since(then.path, then.mtime_ns)) return {};
  return entry_changes(then);
}

// One folder per line: time, path, then its entries, each after a tab (no name holds a tab
// or a newline that the catalog would read).
std::string encode_folder_stamps(const std::vector<FolderStamp>& stamps) {
  std::string out;
  for (const FolderStamp& f : stamps) {
    out += std::to_string(f.mtime_ns) + "\t" + f.path.string();
    for (const std::string& e : f.entries) out += "\t" + e;
    out += "\n";
  }
  return out;
}

namespace {

// One line of encode_folder_stamps: the folder's time and path, and its entries still encoded,
// so that a reader can look at the time before it decodes the names.
struct FolderLine {
  std::int64_t mtime_ns = 0;
  std::string_view path;
  std::optional<std::string_view> entries;  // tab-separated; none when the path ends the line
};

std::optional<FolderLine> read_folder_line(std::string_view line) {
  const std::size_t t1 = line.find('\t');
  if (t1 == std::string_view::npos) return std::nullopt;  // not a folder's line: ignored, never a crash
  FolderLine f;
  if (std::from_chars(line.data(), line.data() + t1, f.mtime_ns).ec != std::errc{}) return std::nullopt;
  line.remove_prefix(t1 + 1);
  const std::size_t t2 = line.find('\t');
  f.path = line.substr(0, t2);
  if (t2 != std::string_view::npos) f.entries = line.substr(t2 + 1);
  return f;
}

FolderStamp folder_stamp(const FolderLine& line) {
  FolderStamp f;
  f.mtime_ns = line.mtime_ns;
  f.path = std::string(line.path);
  if (!line.entries) return f;
  std::string_view rest = *line.entries;
  for (std::size_t tab; (tab = rest.find('\t')) != std::string_view::npos; rest.remove_prefix(tab + 1)) f.entries.emplace_back(rest.substr(0, tab));
  f.entries.emplace_back(rest);
  return f;
}

}  // namespace

std::vector<FolderStamp> decode_folder_stamps(std::string_view encoded) {
  std::vector<FolderStamp> out;
  for (std::string_view line : split_lines(encoded))
    if (const std::optional<FolderLine> f = read_folder_line(line)) out.push_back(folder_stamp(*f));
  return out;
}

std::vector<FolderChanges> folder_changes_since(std::string_view encoded) {
  std::vector<FolderChanges> out;
  for (std::string_view line : split_lines(encoded)) {
    const std::optional<FolderLine> f = read_folder_line(line);
    if (!f || unchanged_since(fs::path(std::string(f->path)), f->mtime_ns)) continue;
    const FolderStamp then = folder_stamp(*f);
    if (std::vector<FolderEntryChange> changes = entry_changes(then); !changes.empty()) out.push_back({then.path, std::move(changes)});
  }
  return out;
}

}  // namespace lawref
