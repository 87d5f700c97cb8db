#include "english_words.h"

#include <algorithm>
#include <array>

#include <xapian.h>

#include "analyzer.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::analysis {
namespace {

// English function words (articles, pronouns, auxiliaries, prepositions, conjunctions): a
// generic list, sorted for binary search; nothing in it is a statute term.
constexpr std::array<std::string_view, 95> kStopWords = {
    "a",     "about", "above", "after", "all",   "also",  "am",    "an",    "and",   "any",   "are",   "as",
    "at",    "be",    "been",  "before", "being", "between", "both", "but",   "by",    "can",   "could", "did",
    "do",    "does",  "each",  "either", "for",  "from",  "had",   "has",   "have",  "he",    "her",   "his",
    "how",   "i",     "if",    "in",    "into",  "is",    "it",    "its",   "may",   "might", "more",  "most",
    "must",  "neither", "no",  "nor",   "not",   "of",    "on",    "once",  "only",  "or",    "other", "our",
    "over",  "same",  "she",   "should", "so",   "such",  "than",  "that",  "the",   "their", "them",  "then",
    "there", "these", "they",  "this",  "those", "through", "to",  "under", "until", "up",    "upon",  "was",
    "we",    "were",  "what",  "when",  "where", "which", "while", "who",   "whom",  "will",  "with"};

bool is_stop_word(std::string_view w) { return std::binary_search(kStopWords.begin(), kStopWords.end(), w); }

}  // namespace

std::vector<std::string> english_stems(std::string_view text) {
  thread_local Xapian::Stem stemmer("english");
  std::u32string folded;
  text::fold_chars(utf8::decode(text), folded);
  std::vector<std::string> out;
  for (const Run& r : runs(folded)) {
    if (r.kind != RunKind::Word) continue;
    const std::string word = utf8::encode(r.text);
    if (is_stop_word(word)) continue;
    out.push_back(stemmer(word));
  }
  return out;
}

}  // namespace lawref::analysis
