// lawref search's results: ranked hits with the matches marked (text), or one JSON object.
#pragma once
#include <cstddef>
#include <ostream>

#include "output_format.h"
#include "search.h"

namespace lawref {

struct SearchPrintOptions {
  bool color = false;      // text: matches in bold red instead of «»
  bool explain = false;    // how the query was read: "# " lines first (text), "explanation" (JSON)
  std::size_t offset = 0;  // text: hits are numbered from offset + 1
};

// Text or Json.
void print_search(std::ostream& out, const SearchResult& result, OutputFormat format, const SearchPrintOptions& options);

}  // namespace lawref
