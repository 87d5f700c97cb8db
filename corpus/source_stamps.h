// What each text was read from, as it was when the index was built: size and modification time
// of every file, so that a later command can tell that the index no longer matches its sources.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.h"

namespace lawref {

struct SourceStamp {
  std::filesystem::path path;  // absolute
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const SourceStamp&) const = default;
};

// Every file of every text of the entry (each part of a code); lawref's own translations are
// compiled in and change only with lawref. A file that cannot be read now is left out.
std::vector<SourceStamp> stamp_sources(const CatalogEntry& entry);
std::optional<SourceStamp> stamp_file(const std::filesystem::path& path);

enum class SourceChange { Unchanged, Modified, Removed };
SourceChange change_since(const SourceStamp& stamp);

// Stored as one line per file: size, modification time, path (tab-separated).
std::string encode_stamps(const std::vector<SourceStamp>& stamps);
std::vector<SourceStamp> decode_stamps(std::string_view encoded);

}  // namespace lawref
