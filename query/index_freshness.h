// Does the index still match what it was built from? A source file changed or removed since, or
// a text imported after the build, means the index answers with what is no longer there (or
// lacks what is): the command says so and what to run, instead of serving it as current.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "index_store.h"
#include "source_stamps.h"

namespace lawref {

enum class Staleness { SourceModified, SourceRemoved, ImportedSince, FolderChanged };

struct StaleText {
  std::string law;
  std::filesystem::path path;
  Staleness kind = Staleness::SourceModified;
  std::vector<FolderEntryChange> changes;  // FolderChanged: what was added or removed
  std::string message() const;  // "cel-2023: …/cel-2023.zh.md changed since the index was built"
};

// What is stale about `laws` (ids): their recorded source files, and texts for them in the
// import folder that the index has not read. A few stat calls per law: cheap enough for every
// answer. An index built before sources were recorded reports nothing, and so does an index
// read through a stub file: the paths it recorded are the server's.
std::vector<StaleText> stale_texts(const IndexStore& store, const std::vector<std::string>& laws);

// Statute files added to or removed from the source folders since the build (a new law the
// index does not hold): one stat call per folder, a listing only of a folder whose time changed.
std::vector<StaleText> changed_folders(const IndexStore& store);

// The advice that goes with any of them.
inline constexpr const char* kRebuildAdvice = "rebuild the index with: lawref index";

}  // namespace lawref
