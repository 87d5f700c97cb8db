// The laws available to a command: every registry law (with or without text) plus every
// statute file found in the source folders and the imported-XML folder. Files of the
// registry are recognised by file name, or by title and version date; other files get an
// automatic id and metadata (auto_describe.h).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "akn_xml.h"
#include "catalog_memo.h"
#include "catalog_problems.h"
#include "registry.h"
#include "statute_parser.h"

namespace lawref {

struct TextSource {
  std::filesystem::path path;  // for a translation shipped with lawref: data/translations/<law>.en.md
  std::string lang = "zh";
  bool xml = false;       // Akoma Ntoso written by `lawref import`
  bool embedded = false;  // lawref's own translation, compiled into the binary
  // A code kept one file per part (code_parts.h): every part, in article order; `path` is the first.
  std::vector<std::filesystem::path> parts;
};

struct CatalogEntry {
  LawInfo info;
  // At most one per language. Imported XML wins over a source file, and both over lawref's own
  // translation, which is attached only to a law whose Chinese text is present.
  std::vector<TextSource> texts;
  const TextSource* text(std::string_view lang) const;
};

struct CatalogOptions {
  std::vector<std::filesystem::path> sources;  // folders (searched recursively) or files
  std::filesystem::path imported_dir;          // may not exist
  bool lawref_translations = true;             // attach lawref's own English texts (not when importing files)
};

class Catalog {
 public:
  // `memo`: what an earlier scan by this binary learned (catalog_memo.h); the result is the same
  // with or without it.
  static Catalog scan(const Registry& registry, const CatalogOptions& options, const CatalogMemo* memo = nullptr);

  const std::vector<CatalogEntry>& entries() const { return entries_; }
  const CatalogEntry* find(std::string_view id) const;
  const Registry& registry() const { return registry_; }
  // Sources that do not exist, unreadable files and folders, special files, imported XML
  // that does not read back: each was left out, and the catalog is still usable.
  const std::vector<CatalogProblem>& problems() const { return problems_; }
  bool has_problem(CatalogProblemKind kind) const;
  // What this scan learned from its files, for the next scan.
  const CatalogMemo& memo() const { return memo_; }

 private:
  Registry registry_;
  std::vector<CatalogEntry> entries_;
  std::vector<CatalogProblem> problems_;
  CatalogMemo memo_;
};

// Reads one language version: imports a text file or reads imported XML. The result's
// law_id is the entry's id. `strict_numbering` as in ParseOptions.
ParseResult load_text(const CatalogEntry& entry, std::string_view lang = "zh", bool strict_numbering = true);

// The registry law a statute file holds: by file name (cel-2023.zh.md), else by Chinese title
// and, between versions of one title, by the latest date of its history lines.
const LawInfo* match_registry(const Registry& registry, const std::filesystem::path& file, const std::string& title,
                              const std::vector<std::string>& history_dates);

// FRBR facts for the XML of a law: country (cn, cn-cq), version date, issuing body.
AknWorkInfo akn_work_info(const LawInfo& info);

// A file the catalog reads in a source folder: statute text (.md, .txt) or imported XML.
bool is_source_file(const std::filesystem::path& p);

// zh unless the file name says otherwise (cel-2023.en.md, x.en.xml).
std::string language_of_file(const std::filesystem::path& path);

}  // namespace lawref
