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

// A source folder as it was: its statute files and subfolders by name. A file added to it
// later (a new statute the index does not hold) changes the folder's time, and then its list.
struct FolderStamp {
  std::filesystem::path path;  // absolute
  std::int64_t mtime_ns = 0;
  std::vector<std::string> entries;  // sorted: statute files (.md, .txt, .xml) and subfolders/
  bool operator==(const FolderStamp&) const = default;
};

// Every folder under the folders among `roots` (symlinked folders are not followed, as the
// catalog does not follow them).
std::vector<FolderStamp> stamp_folders(const std::vector<std::filesystem::path>& roots);

// A name added to a folder or removed from it (a subfolder's name ends in /).
struct FolderEntryChange {
  std::string name;
  bool added = false;
  bool operator==(const FolderEntryChange&) const = default;
};
// What changed in the folder since `then`: nothing when its time is the same (one stat call),
// else its listing compared; the folder itself, removed, when it is gone.
std::vector<FolderEntryChange> changes_since(const FolderStamp& then);

std::string encode_folder_stamps(const std::vector<FolderStamp>& stamps);
std::vector<FolderStamp> decode_folder_stamps(std::string_view encoded);

// The folders of `encoded` (encode_folder_stamps) that changed since, each with its changes
// (changes_since). A folder's names are decoded only when its time differs: every command
// that answers from an index checks its folders, and on a large corpus the stored names
// (thousands) are otherwise decoded for nothing.
struct FolderChanges {
  std::filesystem::path path;
  std::vector<FolderEntryChange> changes;
};
std::vector<FolderChanges> folder_changes_since(std::string_view encoded);

// Stored as one line per file: size, modification time, path (tab-separated).
std::string encode_stamps(const std::vector<SourceStamp>& stamps);
std::vector<SourceStamp> decode_stamps(std::string_view encoded);

}  // namespace lawref
