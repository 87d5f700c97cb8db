#include "english_thesaurus.h"

#include <stdexcept>

#include "glossary.h"
#include "lines.h"

namespace lawref::embedded {
std::string_view english_thesaurus_tsv();
}

namespace lawref::searching {

EnglishThesaurus EnglishThesaurus::parse(std::string_view tsv) {
  EnglishThesaurus out;
  std::size_t line_number = 0;
  const auto fail = [&](const std::string& what) {
    throw std::runtime_error("English thesaurus, line " + std::to_string(line_number) + ": " + what);
  };
  for (const std::string_view line : split_lines(tsv)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string_view::npos || tab + 1 == line.size() || line.find('\t', tab + 1) != std::string_view::npos)
      fail("expected STATUTE WORDS<TAB>everyday|words");
    Entry entry{std::string(line.substr(0, tab)), {}};
    if (english_words(entry.statute).empty()) fail("no statute word");
    const std::string_view everyday = line.substr(tab + 1);
    for (std::size_t from = 0; from <= everyday.size();) {
      std::size_t bar = everyday.find('|', from);
      if (bar == std::string_view::npos) bar = everyday.size();
      const std::string_view phrase = everyday.substr(from, bar - from);
      from = bar + 1;
      for (const char c : phrase)
        if (c >= 'A' && c <= 'Z') fail("'" + std::string(phrase) + "' is not lower case");
      std::vector<std::string> words = english_words(phrase);
      if (words.empty()) fail("an empty everyday word");
      if (!out.by_phrase_.emplace(words, out.entries_.size()).second) fail("'" + std::string(phrase) + "' is listed twice");
      out.longest_ = std::max(out.longest_, words.size());
      entry.everyday.push_back(std::move(words));
    }
    out.entries_.push_back(std::move(entry));
  }
  return out;
}

std::vector<EnglishThesaurus::Reading> EnglishThesaurus::rewrite(std::vector<std::string>& words) const {
  std::vector<Reading> readings;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t n = std::min(longest_, words.size() - i);
    for (; n > 0; --n) {
      const std::vector<std::string> phrase(words.begin() + static_cast<std::ptrdiff_t>(i), words.begin() + static_cast<std::ptrdiff_t>(i + n));
      const auto found = by_phrase_.find(phrase);
      if (found == by_phrase_.end()) continue;
      const Entry& e = entries_[found->second];
      std::string typed;
      for (const std::string& w : phrase) typed += (typed.empty() ? "" : " ") + w;
      readings.push_back({typed, e.statute});
      for (std::string& w : english_words(e.statute)) out.push_back(std::move(w));
      break;
    }
    if (n == 0) {
      out.push_back(words[i]);
      n = 1;
    }
    i += n;
  }
  words = std::move(out);
  return readings;
}

const EnglishThesaurus& EnglishThesaurus::builtin() {
  static const EnglishThesaurus thesaurus = parse(embedded::english_thesaurus_tsv());
  return thesaurus;
}

}  // namespace lawref::searching
