// What a catalog scan could not use, by kind, so that commands decide by kind (a missing
// source fails `index`; an unreadable file is reported and skipped) and never by message text.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace lawref {

enum class CatalogProblemKind {
  MissingSource,  // a --sources path that does not exist
  SpecialFile,    // a source that is a device, FIFO or socket (/dev/null), or a .md that is one
  Unreadable,     // a file or folder the system would not let us read
  BadXml,         // an imported XML text that does not read back (broken, nested too deep, …)
};

struct CatalogProblem {
  CatalogProblemKind kind;
  std::filesystem::path path;
  std::string reason;     // the system's or the reader's words, without the path
  bool named = false;     // `path` is a source as given (--sources, import PATH), not found inside one
  std::string message() const;  // "PATH: reason", or "source PATH does not exist"
};

// One line for a command's warning: "skipped 12 paths: A (reason); B (reason); C (reason);
// and 9 more (lawref check lists them all)". Empty when there is nothing to say.
std::string summarize_problems(const std::vector<CatalogProblem>& problems, std::size_t shown = 3);

}  // namespace lawref
