// Relevance feedback from the page itself (Rocchio, RM3 in the IR literature): the terms the first
// hits of a search share, weighted by how much likelier they are there than in the index (Xapian's
// expand weight), and how much of that weight each candidate of a later tier holds. A relaxed
// tier's hits lack part of the query; those written in the words of the best hits (NSL art 77's
// organizations and support, for `must companies help Chinese intelligence agencies`) are likelier
// answers than those that are not.
#pragma once
#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>
#include <xapian.h>

namespace lawref::searching {

struct FeedbackTerm {
  std::string term;  // an index term: a CJK bigram or an English stem (Z…)
  double weight;     // its expand weight, > 0
};

struct Feedback {
  std::vector<FeedbackTerm> terms;  // best first
  std::vector<std::string> from;    // the article ids the terms were read from, for --explain
  bool empty() const { return terms.empty(); }
};

// The texts the feedback is read from: the first hits' documents (of the query's filter: a filter
// holds for feedback too), each in its language.
struct FeedbackText {
  bool english;
  std::string text;  // the article's paragraphs and items
};

// The `count` terms of `texts` with the highest weight, none of `exclude` (the query's own terms,
// which rank the tiers already): the share of the texts of its language that hold it × its idf in
// the index (Rocchio's centroid over binary term vectors). A term held by fewer than `least` texts
// of its language (when it has that many) is left out: one text's rare words are its own topic,
// not the query's. Only content terms: CJK bigrams and English stems (not the unstemmed words
// beside them, nor law, level or run-end terms). The index keeps no term lists, so the texts are
// analysed again here, as the indexer does (analyzer.h).
Feedback feedback_from(const Xapian::Database& db, const std::vector<FeedbackText>& texts, std::size_t count, std::size_t least,
                       const std::unordered_set<std::string>& exclude);

// For each of `docids`, the share (0 to 1) of the feedback's weight it holds, in its language:
// the feedback's Chinese and English terms are weighed apart (a document is in one language), and
// the larger share counts. One posting list per term, walked in docid order.
std::vector<double> feedback_shares(const Feedback& feedback, const Xapian::Database& db, const std::vector<Xapian::docid>& docids);

// The term as --explain shows it (an English stem without its Z).
std::string feedback_term_text(const std::string& term);

}  // namespace lawref::searching
