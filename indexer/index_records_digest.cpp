#include "index_records_digest.h"

#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <system_error>

namespace lawref {

namespace fs = std::filesystem;

std::optional<std::uint64_t> file_digest(const fs::path& file) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file, ec);
  std::ifstream in(file, std::ios::binary);
  if (ec || !in) return std::nullopt;
  std::string bytes(size, '\0');  // one read: a byte-by-byte stream iterator was slower
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.bad() || static_cast<std::uintmax_t>(in.gcount()) != size) return std::nullopt;
  // libstdc++'s string hash (64-bit MurmurHash2): fast, and a record is only ever read by the
  // binary that wrote it (BuildState::lawref), so its stability across builds of lawref is moot.
  return static_cast<std::uint64_t>(std::hash<std::string_view>{}(bytes));
}

std::vector<std::uint64_t> source_digests(const std::vector<SourceStamp>& stamps) {
  std::vector<std::uint64_t> out;
  out.reserve(stamps.size());
  for (const SourceStamp& s : stamps) {
    const auto d = file_digest(s.path);
    if (!d) return {};
    out.push_back(*d);
  }
  return out;
}

bool only_touched(const std::vector<SourceStamp>& now, const std::vector<SourceStamp>& then, const std::vector<std::uint64_t>& digests) {
  if (now.size() != then.size() || digests.size() != then.size() || now.empty()) return false;
  for (std::size_t i = 0; i < now.size(); ++i)
    if (now[i].path != then[i].path || now[i].size != then[i].size) return false;
  for (std::size_t i = 0; i < now.size(); ++i)
    if (now[i].mtime_ns != then[i].mtime_ns && file_digest(now[i].path) != digests[i]) return false;
  return true;
}

}  // namespace lawref
