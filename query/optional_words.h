// Hedge words (data/optional_words.tsv, embedded at build time): English words of a query that
// say how sure the user is of a fact ("suspected", "alleged"), not what the answer must contain.
// The compiler (search_compiler.h) lets them rank the hits, beside a word that stays required.
#pragma once
#include <set>
#include <string>
#include <string_view>

namespace lawref::searching {

class HedgeWords {
 public:
  static const HedgeWords& builtin();
  // Throws std::runtime_error naming the line of a malformed entry (WORD<TAB>REASON).
  static HedgeWords parse(std::string_view tsv);

  // Whether a lower-case word, as english_words gives it, is a hedge.
  bool contains(const std::string& word) const { return words_.count(word) > 0; }

 private:
  std::set<std::string> words_;
};

}  // namespace lawref::searching
