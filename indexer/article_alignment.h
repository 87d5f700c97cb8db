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

#include "links.h"
#include "model.h"

namespace lawref::links {

// The text alignment compares: every paragraph, item and sub-item, folded, keeping only
// letters, digits and CJK ideographs.
std::u32string comparable_text(const Article& article);

// Which character n-grams a similarity counts: bigrams alone (versions, whose thresholds were
// set on them), or bigrams and trigrams (implementation, where phrases such as 安全防范 or
// 反间谍 must weigh more than their characters).
enum class Grams { Bigrams, BigramsAndTrigrams };

// Cosine similarities between every article of `a` and every article of `b`; idf over both.
class SimilarityMatrix {
 public:
  SimilarityMatrix(const LawText& a, const LawText& b);
  // The same over any texts (already reduced as comparable_text does). `counted`: which texts (a's,
  // then b's) are documents for the idf, when some are parts of others; all when null.
  SimilarityMatrix(const std::vector<std::u32string>& a, const std::vector<std::u32string>& b, Grams grams = Grams::Bigrams,
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

// Thresholds chosen on the labelled pairs of tests/data/alignment (tuned on cq-cer-2023,
// mss-precautions-2021, shanghai-ceprec-2021 and sichuan-ceprec-2019; jiangxi-cer-2024,
// shaanxi-ceprec-2021 and heilongjiang-ceprec-2019 held out): see bench/README.md.
struct ImplementationOptions {
  double min_score = 0.20;        // below this, two provisions merely share vocabulary
  double relative = 0.50;         // a further candidate needs at least this share of the best
  std::size_t per_article = 3;    // at most this many national provisions per local article as a whole
  std::size_t min_part_chars = 10;  // shorter paragraphs, items and segments are compared only as part of their article
  // Each segment of a local article (a sentence, an item, one written inline) also links to its
  // own best national provisions: at most this many, each at least this alike and this share of
  // the segment's best. A segment is short, so it needs a higher score than a whole article.
  double segment_min_score = 0.30;
  double segment_relative = 0.80;
  std::size_t per_segment = 2;
  // The parents the local text mainly implements are those its title names (重庆市反间谍工作条例:
  // the 反间谍法 and its rules, not the NSL). The others' scores count this much in the ranking;
  // and an article or segment whose best is another law's article (from companion_trigger on)
  // also links to its best in a main law when that reaches companion_share of it and
  // companion_min_score. Nothing changes when the title names none or all of the parents.
  double other_law_weight = 0.80;
  double companion_trigger = 0.20;
  double companion_share = 0.40;
  double companion_min_score = 0.10;
};

// One local article and the national provision it restates or details: the national article,
// or one of its paragraphs or items when that part alone is what the local article matches.
struct ImplementationMatch {
  std::size_t from = 0;    // local article index
  std::size_t parent = 0;  // index into the parents
  std::size_t to = 0;      // article index in that parent
  int paragraph = 0;       // 1-based paragraph of that article, 0: the whole article
  int item = 0;            // item number in that paragraph, 0: the whole paragraph
  double score = 0;
};

// Local article -> national provisions by similarity, every parent law's candidates ranked
// together, the laws the local title names first (ImplementationOptions::other_law_weight). Each national article is compared whole and part by part (paragraphs, items): a
// local article often restates one paragraph of a long national one. Each local article is
// compared whole (its best few national provisions), then sentence by sentence and item by item
// (each segment's own best, when clearly alike): a list of duties restates several national
// articles, one per item. Boilerplate implements nothing and is left out: commencement clauses
// (本条例自…施行), legal-basis clauses (根据《…》…制定本条例, cut from the purpose sentence), scope
// clauses (…适用本条例) and references to other laws' penalties (…从其规定).
std::vector<ImplementationMatch> align_implementation(const LawText& local, const std::vector<const LawText*>& parents,
                                                      const ImplementationOptions& options = {});

// What align_implementation chooses from: one local article whole, or one of its segments, and
// its score against every national article (that article's best unit), in the parents' order.
// Public so that a choice can be explained (bench/alignment_explain).
struct ImplementationRow {
  std::size_t from = 0;  // local article index
  bool whole = true;     // the whole article (first of its rows), else one sentence or item
  std::u32string text;   // as compared
  std::vector<ImplementationMatch> scores;
};
std::vector<ImplementationRow> implementation_scores(const LawText& local, const std::vector<const LawText*>& parents,
                                                    const ImplementationOptions& options = {});

// Per parent: whether the local text mainly implements it (its title names the parent's).
std::vector<bool> mainly_implemented(const LawText& local, const std::vector<const LawText*>& parents);

bool is_commencement_clause(const Article& article);

}  // namespace lawref::links
