#include "thesaurus.h"

#include <algorithm>
#include <stdexcept>

#include "text_folding.h"
#include "utf8.h"

namespace lawref {

namespace embedded {
std::string_view thesaurus_tsv();
}

namespace {

std::vector<std::u32string> folded_terms(std::string_view column) {
  std::vector<std::u32string> out;
  std::size_t start = 0;
  while (start <= column.size()) {
    std::size_t end = column.find('|', start);
    if (end == std::string_view::npos) end = column.size();
    const std::string_view term = utf8::trim(column.substr(start, end - start));
    if (!term.empty()) {
      std::u32string folded;
      text::fold_chars(utf8::decode(term), folded);
      out.push_back(std::move(folded));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

const Thesaurus& Thesaurus::builtin() {
  static const Thesaurus t = parse(embedded::thesaurus_tsv());
  return t;
}

Thesaurus Thesaurus::parse(std::string_view tsv) {
  Thesaurus t;
  int line_no = 0;
  std::size_t start = 0;
  while (start < tsv.size()) {
    std::size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (utf8::trim(line).empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) throw std::runtime_error("thesaurus line " + std::to_string(line_no) + ": expected 'statute terms<TAB>everyday words'");
    const std::vector<std::u32string> terms = folded_terms(line.substr(0, tab)), words = folded_terms(line.substr(tab + 1));
    if (terms.empty() || words.empty()) throw std::runtime_error("thesaurus line " + std::to_string(line_no) + ": an empty column");
    // An everyday word stands for the line's statute terms, and so does each statute term for
    // the others (泄密 also finds 泄露国家秘密, the words the statutes spell it out in), except
    // those holding it, which it finds anyway (五万元以下罚款 of 罚款), and those it holds, which
    // are broader (拘留 of 行政拘留).
    const auto add = [&](const std::u32string& w, bool statute_term) {
      t.longest_ = std::max(t.longest_, w.size());
      std::vector<std::u32string>& list = t.by_word_[w];
      for (const std::u32string& s : terms) {
        if (s == w || std::find(list.begin(), list.end(), s) != list.end()) continue;
        if (statute_term && (s.find(w) != std::u32string::npos || w.find(s) != std::u32string::npos)) continue;
        list.push_back(s);
      }
    };
    for (const std::u32string& w : words) add(w, false);
    for (const std::u32string& w : terms) add(w, true);
  }
  return t;
}

std::size_t Thesaurus::word_at(std::u32string_view text, std::size_t pos) const {
  if (pos >= text.size()) return 0;
  for (std::size_t n = std::min(longest_, text.size() - pos); n >= 2; --n) {
    const auto it = by_word_.find(text.substr(pos, n));
    if (it != by_word_.end() && !it->second.empty()) return n;
  }
  return 0;
}

const std::vector<std::u32string>& Thesaurus::statute_terms(const std::u32string& folded_word) const {
  static const std::vector<std::u32string> none;
  const auto it = by_word_.find(folded_word);
  return it == by_word_.end() ? none : it->second;
}

}  // namespace lawref
