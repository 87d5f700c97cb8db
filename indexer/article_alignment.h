// Which article of one text continues, restates or details an article of another, by content:
// cosine similarity of character-bigram vectors weighted by tf-idf over both texts' articles
// (folded, punctuation and spaces dropped), so that shared boilerplate (国家安全机关, 应当)
// counts for little and shared substance for much.
//
// Versions: old -> new is a one-to-one assignment, best pairs first, plus the splits and
// merges a revision makes (one old article continued by two new ones, and vice versa).
// Implementation alignment (regulation -> the national laws it implements) is in
// implementation_alignment.h.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "links.h"
#include "model.h"

namespace lawref::links {

// The text alignment compares: every paragraph, item and sub-item, folded, keeping only
// letters, digits and CJK ideographs.
std::u32string comparable_text(const Article& article);
// The same reduction of one text, or of one item and its sub-items, appended to `out`.
void append_comparable(std::u32string& out, const std::string& text);
void append_comparable(std::u32string& out, const Item& item);

// Which character n-grams a similarity counts: bigrams alone (versions, whose thresholds were
// set on them), or bigrams and trigrams (implementation, where phrases such as 安全防范 or
// 反间谍 must weigh more than their characters); or each character alone, for texts whose
// characters are word numbers (the English similarity, implementation_alignment.cpp).
enum class Grams { Bigrams, BigramsAndTrigrams, Words };

// Cosine similarities between every article of `a` and every article of `b`; idf over both.
class SimilarityMatrix {
 public:
  SimilarityMatrix(const LawText& a, const LawText& b);
  // The same over any texts (already reduced as comparable_text does). `counted`: which texts (a's,
  // then b's) are documents for the idf, when some are parts of others; all when null.
  SimilarityMatrix(const std::vector<std::u32string>& a, const std::vector<std::u32string>& b, Grams grams = Grams::Bigrams,
                   const std::vector<bool>* counted = nullptr);
  // The same over views of texts kept elsewhere (implementation alignment's, not copied).
  SimilarityMatrix(const std::vector<std::u32string_view>& a, const std::vector<std::u32string_view>& b, Grams grams,
                   const std::vector<bool>* counted = nullptr);
  double operator()(std::size_t i, std::size_t j) const { return scores_[i * cols_ + j]; }
  std::size_t rows() const { return rows_; }
  std::size_t cols() const { return cols_; }

 private:
  std::size_t rows_ = 0, cols_ = 0;
  std::vector<float> scores_;
};

struct ArticleMatch {
  std::size_t from = 0, to = 0;  // article indexes in the two texts
  double score = 0;
  LinkBasis basis = LinkBasis::None;  // version: same, changed, split, merged
};

struct VersionAlignment {
  std::vector<ArticleMatch> matches;
  std::vector<std::size_t> dropped;  // old articles nothing continues
  std::vector<std::size_t> added;    // new articles nothing leads to
};

struct AlignmentOptions {
  double pair_threshold = 0.30;   // a one-to-one pair needs at least this
  double split_threshold = 0.45;  // an extra (split or merged) pair needs at least this
  // A paragraph or item of an old article that went into another new article (a 款 moved,
  // an article folded into a list of 项) links to it when at least this alike and this long.
  double fragment_threshold = 0.50;
  std::size_t fragment_min_chars = 15;
  // An old article nothing continued so far is not yet called dropped: the best part of the new
  // text it resembles this much continues it (2014 art 30, obstructing officers, is item (三) of
  // 2023 art 60; its similarity to the whole of art 60 is too low for the passes above).
  double dropped_threshold = 0.25;
};

VersionAlignment align_versions(const LawText& old_law, const LawText& new_law, const AlignmentOptions& options = {});

// A commencement clause (本法自…施行), which continues the old one and implements nothing; the
// second on an article's comparable text.
bool is_commencement_clause(const Article& article);
bool is_commencement_text(const std::u32string& comparable);

}  // namespace lawref::links
