// Which article of one text continues, restates or details an article of another, by content:
// cosine similarity of character-bigram vectors weighted by tf-idf over both texts' articles
// (folded, punctuation and spaces dropped), so that shared boilerplate (国家安全机关, 应当)
// counts for little and shared substance for much.
//
// Versions: old -> new is a one-to-one assignment, best pairs first, plus the splits and
// merges a revision makes (one old article continued by two new ones, and vice versa).
// Implementation: each article of a regulation -> the few national articles most like it.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "model.h"

namespace lawref::links {

// The text alignment compares: every paragraph, item and sub-item, folded, keeping only
// letters, digits and CJK ideographs.
std::u32string comparable_text(const Article& article);

// Cosine similarities between every article of `a` and every article of `b`; idf over both.
class SimilarityMatrix {
 public:
  SimilarityMatrix(const LawText& a, const LawText& b);
  // The same over any texts (already reduced as comparable_text does).
  SimilarityMatrix(const std::vector<std::u32string>& a, const std::vector<std::u32string>& b);
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
  std::string basis;             // version: same, changed, split, merged; implementation: similarity
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
};

VersionAlignment align_versions(const LawText& old_law, const LawText& new_law, const AlignmentOptions& options = {});

struct ImplementationOptions {
  double min_score = 0.30;       // below this, two articles merely share vocabulary
  double relative = 0.75;        // keep candidates scoring at least this share of the best
  std::size_t per_article = 3;   // at most this many national articles per local article
};

// Local article -> national articles by similarity. Commencement clauses (本条例自…施行) are
// left out: they are alike in every law and implement nothing.
std::vector<ArticleMatch> align_implementation(const LawText& local, const LawText& national, const ImplementationOptions& options = {});

bool is_commencement_clause(const Article& article);

}  // namespace lawref::links
