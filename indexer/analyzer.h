// Text analysis shared by indexing and querying, so both always agree: fold (width, case,
// Traditional), then split into runs of CJK characters, ASCII words and numbers.
//   CJK run  -> its character bigrams, and its last character (XE): together every
//               character of the run starts a bigram or is a run end, so 1-character
//               queries are answerable; optionally ICU dictionary words (XW)
//   words    -> the folded word; for English text also its stem (Z)
// No positions: phrases are verified on the text (see query/search.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lawref::analysis {

enum class RunKind { Cjk, Word, Number };

struct Run {
  RunKind kind;
  std::u32string text;      // folded
  std::uint32_t begin = 0;  // offsets in the folded text
  std::uint32_t end = 0;
};

// Runs of a folded text; punctuation and spaces separate runs.
std::vector<Run> runs(std::u32string_view folded);

bool is_cjk(char32_t c);

std::string bigram_term(char32_t a, char32_t b);
std::string run_end_term(char32_t c);
std::string word_term(std::u32string_view word);  // XW + word

// ICU dictionary segmentation of a CJK run: the words of 2+ characters.
std::vector<std::u32string> dictionary_words(std::u32string_view cjk_run);

// English stem of a folded ASCII word (Xapian's English stemmer), with the Z prefix.
std::string stem_term(const std::string& word);

struct AnalyzerOptions {
  bool english = false;           // add stems
  bool dictionary_words = false;  // add ICU words
};

// Appends the terms of `text` to `terms` (repeats included: they make the wdf).
void analyze(std::string_view text, const AnalyzerOptions& options, std::vector<std::string>& terms);

}  // namespace lawref::analysis
