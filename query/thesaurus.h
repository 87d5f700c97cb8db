// The Chinese legal thesaurus (data/thesaurus.tsv, embedded at build time): the everyday words
// people type (手机, 出国, 国安) -> the terms the statutes use (电子通信工具, 出境, 国家安全机关).
// Search weighs a word and its statute terms as one concept (Xapian OP_SYNONYM).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lawref {

class Thesaurus {
 public:
  static const Thesaurus& builtin();
  // Throws std::runtime_error naming the line of a malformed entry.
  static Thesaurus parse(std::string_view tsv);

  // The statute terms an everyday word stands for (folded forms), or none; for a statute
  // term, the other statute terms of its concept, except those holding it or held by it.
  const std::vector<std::u32string>& statute_terms(const std::u32string& folded_word) const;
  std::size_t size() const { return by_word_.size(); }
  // The length of the longest word at `pos` of the folded `text` that statute_terms() knows
  // (two characters or more), or 0.
  std::size_t word_at(std::u32string_view text, std::size_t pos) const;

 private:
  std::map<std::u32string, std::vector<std::u32string>, std::less<>> by_word_;
  std::size_t longest_ = 0;  // characters of the longest word
};

}  // namespace lawref
