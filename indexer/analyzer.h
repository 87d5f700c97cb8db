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

// A run without a copy of its characters: folded.substr(begin, end - begin).
struct RunSpan {
  RunKind kind;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};
// The same runs as runs(), into `out` (replaced).
void run_spans(std::u32string_view folded, std::vector<RunSpan>& out);

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

// Receives a text's terms, repeats included, in the order the analyzer finds them. The bigrams
// and run ends (nine postings in ten) come as code points, so that an indexer can count them
// before it spells any of them out (bigram_term, run_end_term).
class TermSink {
 public:
  virtual ~TermSink() = default;
  virtual void bigram(char32_t a, char32_t b) = 0;
  virtual void run_end(char32_t c) = 0;
  virtual void term(std::string term) = 0;  // a word, number, stem or dictionary word, spelt out
};

void analyze(std::string_view text, const AnalyzerOptions& options, TermSink& sink);

// Appends the terms of `text` to `terms` (repeats included: they make the wdf).
void analyze(std::string_view text, const AnalyzerOptions& options, std::vector<std::string>& terms);

}  // namespace lawref::analysis
