// A search's terms weighed with document lengths the Searcher remembers.
//
// BM25 needs each weighed document's length. Xapian reads it from the database's document-length
// list, whose chunks hold no skip data: a match that weighs a frequent term walks that list entry by
// entry up to the last document it weighs, every match again (about half of a one-term search over
// core + lawrefbook: bench/README.md, "In-process search time, round nine"). A document's length
// cannot change while the database is open, so a length read once is remembered here, and a term
// (or a synonym of terms: a concept's forms) whose weights would need lengths becomes a posting
// source that computes Xapian's BM25 (default parameters) with them: the same documents, the same
// weights to the last bit, the same bounds and frequencies, so a match ranks and estimates exactly
// as before (tests/remembered_lengths_test.cpp compares them with Xapian's own).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

namespace lawref::searching {

// What Xapian's match knows of an OP_SYNONYM of terms before it weighs a document: the bounds
// and estimate of how many documents it matches, the term frequency its BM25 weight assumes
// (Xapian estimates it from its own tree of the terms) and the bound of that weight.
struct SynonymStats {
  Xapian::doccount min = 0, est = 0, max = 0;
  double termweight = 0, maxweight = 0;
};

// The lengths of one database's documents, read on first use (Database::get_doclength) and
// remembered; and its synonyms' statistics, likewise. Shared by the terms of one Searcher's matches.
class LengthMemo {
 public:
  Xapian::termcount length(const Xapian::Database& db, Xapian::docid did);
  // `synonym`'s statistics: its bounds and weight bound from a zero-size match of it, its
  // estimate as Xapian's OR tree computes it (a zero-size match prints it rounded), the term
  // frequency its weights assume as the one whose BM25 bound is exactly Xapian's. None when no
  // frequency gives that bound (its terms are then left to Xapian).
  const std::optional<SynonymStats>& synonym_stats(const Xapian::Database& db, const Xapian::Query& synonym);

 private:
  std::map<std::string, std::optional<SynonymStats>> synonyms_;  // by the synonym's description
  // Two bytes a document (a whole-process search fills it once: fewer fresh pages); 0 is
  // "not read yet" and kLong "read it again" (a length that does not fit, or 0 itself).
  static constexpr std::uint16_t kUnknown = 0, kLong = 0xFFFF;
  std::vector<std::uint16_t> lengths_;  // by docid
};

// Xapian::Query(term) as Xapian::BM25Weight() weighs it, lengths from `memo`.
class RememberedLengthTerm : public Xapian::PostingSource {
 public:
  RememberedLengthTerm(std::string term, std::shared_ptr<LengthMemo> memo);

  Xapian::doccount get_termfreq_min() const override { return freq_; }
  Xapian::doccount get_termfreq_est() const override { return freq_; }
  Xapian::doccount get_termfreq_max() const override { return freq_; }
  double get_weight() const override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return postings_ == ends_; }
  Xapian::docid get_docid() const override { return *postings_; }
  RememberedLengthTerm* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

 private:
  std::string term_;
  std::shared_ptr<LengthMemo> memo_;
  Xapian::Database db_;
  Xapian::doccount freq_ = 0;
  double termweight_ = 0, len_factor_ = 0;  // BM25Weight's, for this term and database
  bool started_ = false;                    // the first next() stays on the first posting
  Xapian::PostingIterator postings_, ends_;
};

// Xapian::Query(OP_SYNONYM, terms…) of distinct terms as Xapian::BM25Weight() weighs it, lengths
// from `memo`: a document's wdf is the sum of its terms' (at most its length), weighed with the
// synonym's statistics (SynonymStats).
class RememberedLengthSynonym : public Xapian::PostingSource {
 public:
  RememberedLengthSynonym(std::vector<std::string> terms, SynonymStats stats, std::shared_ptr<LengthMemo> memo);

  Xapian::doccount get_termfreq_min() const override { return stats_.min; }
  Xapian::doccount get_termfreq_est() const override { return stats_.est; }
  Xapian::doccount get_termfreq_max() const override { return stats_.max; }
  double get_weight() const override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return started_ && current_ == 0; }
  Xapian::docid get_docid() const override { return current_; }
  RememberedLengthSynonym* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

 private:
  // Stands on the first document of any term's list (0: every list ended).
  void settle();

  std::vector<std::string> terms_;
  SynonymStats stats_;
  std::shared_ptr<LengthMemo> memo_;
  Xapian::Database db_;
  double len_factor_ = 0;
  bool started_ = false;
  std::vector<Xapian::PostingIterator> postings_, ends_;  // a term's each
  Xapian::docid current_ = 0;
};

// `q` with each term that BM25 weighs by document length (a term of frequency > 0, outside
// OP_SCALE_WEIGHT and the operators that are not plain AND, OR, AND_NOT, AND_MAYBE and FILTER) as
// a RememberedLengthTerm, and each synonym of such distinct terms as a RememberedLengthSynonym
// (when its statistics are known exactly); everything else as it was. Unchanged for a database of
// several shards, where a posting source would see one shard's statistics and BM25 the whole
// database's.
Xapian::Query with_remembered_lengths(const Xapian::Query& q, const Xapian::Database& db, const std::shared_ptr<LengthMemo>& memo);

}  // namespace lawref::searching
