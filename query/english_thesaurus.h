// The English lay-word thesaurus (data/english_thesaurus.tsv, embedded at build time): everyday
// English words and British spellings that the English translations never use ("tv", "licence",
// "near") -> the words they use for the same thing ("television", "license", "surrounding"). The
// compiler (search_compiler.h) puts the statute words in the everyday words' place before the
// glossary reads the query, so they search the English text and, through the glossary, the Chinese.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lawref::searching {

class EnglishThesaurus {
 public:
  static const EnglishThesaurus& builtin();
  // Throws std::runtime_error naming the line of a malformed entry (STATUTE WORDS<TAB>everyday|words).
  static EnglishThesaurus parse(std::string_view tsv);

  // One reading of everyday words: `everyday` (as typed, lower case) stands for `statute`.
  struct Reading {
    std::string everyday;
    std::string statute;
  };
  // `words` (lower case, as english_words gives them) with each everyday phrase, the longest at a
  // position first, replaced by its statute words; the readings made, in order.
  std::vector<Reading> rewrite(std::vector<std::string>& words) const;

  // Every entry, for the tests: its statute words and its everyday phrases (each as its words).
  struct Entry {
    std::string statute;
    std::vector<std::vector<std::string>> everyday;
  };
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
  std::map<std::vector<std::string>, std::size_t> by_phrase_;  // everyday words -> entry
  std::size_t longest_ = 0;                                     // words in the longest everyday phrase
};

}  // namespace lawref::searching
