#include "optional_words.h"

#include <stdexcept>

#include "lines.h"

namespace lawref::embedded {
std::string_view optional_words_tsv();
}

namespace lawref::searching {

HedgeWords HedgeWords::parse(std::string_view tsv) {
  HedgeWords out;
  std::size_t line_number = 0;
  for (const std::string_view line : split_lines(tsv)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string_view::npos || tab + 1 == line.size())
      throw std::runtime_error("hedge words, line " + std::to_string(line_number) + ": expected WORD<TAB>REASON");
    const std::string_view word = line.substr(0, tab);
    for (const char c : word)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
        throw std::runtime_error("hedge words, line " + std::to_string(line_number) + ": '" + std::string(word) + "' is not one lower-case word");
    out.words_.insert(std::string(word));
  }
  return out;
}

const HedgeWords& HedgeWords::builtin() {
  static const HedgeWords words = parse(embedded::optional_words_tsv());
  return words;
}

}  // namespace lawref::searching
