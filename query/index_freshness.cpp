#include "index_freshness.h"

#include <algorithm>
#include <set>

#include "index_schema.h"
#include "paths.h"

namespace lawref {
namespace fs = std::filesystem;

std::string StaleText::message() const {
  switch (kind) {
    case Staleness::SourceModified: return law + ": " + path.string() + " changed since the index was built";
    case Staleness::SourceRemoved: return law + ": " + path.string() + " is gone since the index was built";
    case Staleness::ImportedSince: return law + ": " + path.string() + " was imported after the index was built";
    case Staleness::FolderChanged: {
      std::string names;
      for (std::size_t i = 0; i < changes.size() && i < 3; ++i) names += (i ? ", " : "") + changes[i].name + (changes[i].added ? " added" : " removed");
      if (changes.size() > 3) names += " and " + std::to_string(changes.size() - 3) + " more";
      return path.string() + ": " + names + " since the index was built";
    }
  }
  return {};
}

std::vector<StaleText> stale_texts(const IndexStore& store, const std::vector<std::string>& laws) {
  std::vector<StaleText> out;
  if (!store.is_local_folder()) return out;  // the server's paths, not this machine's
  const Xapian::Database& db = store.database();
  const std::string imported = db.get_metadata(schema::kMetaImportedDir);
  std::set<std::string> seen;
  for (const std::string& law : laws) {
    if (!seen.insert(law).second) continue;
    const std::vector<SourceStamp> stamps = decode_stamps(db.get_metadata(schema::kMetaSources + law));
    for (const SourceStamp& s : stamps) {
      const SourceChange change = change_since(s);
      if (change == SourceChange::Modified) out.push_back({law, s.path, Staleness::SourceModified, {}});
      if (change == SourceChange::Removed) out.push_back({law, s.path, Staleness::SourceRemoved, {}});
    }
    if (imported.empty()) continue;
    for (const char* lang : {"zh", "en"}) {
      const fs::path file = paths::imported_file(imported, law, lang);
      const bool read = std::any_of(stamps.begin(), stamps.end(), [&](const SourceStamp& s) { return s.path == file; });
      std::error_code ec;
      if (!read && fs::is_regular_file(file, ec)) out.push_back({law, file, Staleness::ImportedSince, {}});
    }
  }
  return out;
}

std::vector<StaleText> changed_folders(const IndexStore& store) {
  std::vector<StaleText> out;
  if (!store.is_local_folder()) return out;
  for (FolderChanges& folder : folder_changes_since(store.database().get_metadata(schema::kMetaFolders)))
    out.push_back({"", std::move(folder.path), Staleness::FolderChanged, std::move(folder.changes)});
  return out;
}

}  // namespace lawref
