// Tally of a bulk import: how many files imported cleanly, with warnings, or were refused,
// with the reasons grouped by diagnostic code.
#pragma once
#include <map>
#include <string>

#include "statute_parser.h"

namespace lawref {

struct ImportSummary {
  struct Group {
    int files = 0;
    std::string example;  // "file: message" of the first file in the group
  };
  int files = 0, clean = 0, with_warnings = 0, refused = 0;
  std::map<std::string, Group> refusals;  // by the code of the file's first error
  std::map<std::string, Group> warnings;  // by code; a file counts once per code

  void add(const std::string& file, const ParseResult& result);
  // Multi-line, human-readable; groups sorted by size.
  std::string render() const;
};

}  // namespace lawref
