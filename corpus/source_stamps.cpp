#include "source_stamps.h"

#include <charconv>
#include <chrono>
#include <system_error>

namespace lawref {
namespace fs = std::filesystem;

std::optional<SourceStamp> stamp_file(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return std::nullopt;
  const std::uintmax_t size = fs::file_size(absolute, ec);
  if (ec) return std::nullopt;
  const fs::file_time_type time = fs::last_write_time(absolute, ec);
  if (ec) return std::nullopt;
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
  return SourceStamp{absolute, size, static_cast<std::int64_t>(ns)};
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
  while (!encoded.empty()) {
    const std::size_t nl = encoded.find('\n');
    const std::string_view line = encoded.substr(0, nl);
    encoded = nl == std::string_view::npos ? std::string_view{} : encoded.substr(nl + 1);
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

}  // namespace lawref
