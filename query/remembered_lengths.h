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
#include <string>
#include <vector>
#include <xapian.h>

#include "remembered_sources_by_shard.h"

namespace lawref::searching {

// How a term is weighed: BM25's term weight, 1 / the average document length and the shortest
// document's length (its bound also takes its posting list's wdf bound in each sub-database).
// From the whole searched database's statistics, as Xapian's BM25 takes them (its match weighs
// every sub-database's documents with the whole database's), so every sub-database's clone
// weighs alike.
struct Bm25Weighing {
  double termweight = 0, len_factor = 0;
  Xapian::termcount doclength_lower_bound = 0;
};

// What the weights of an OP_SYNONYM of terms start from: the whole database's size, 1 / its
// average length, its shortest and longest document's lengths (the weight's bound: Xapian bounds
// a synonym's wdf by the longest) and its frequency of each term (Xapian estimates the synonym's
// frequency from them in each sub-database's tree of the terms).
struct SynonymWeighing {
  Xapian::doccount size = 0;
  double len_factor = 0;
  Xapian::termcount doclength_lower_bound = 0, doclength_upper_bound = 0;
  std::vector<Xapian::doccount> termfreqs;  // a term's each, in the synonym's order
};

// What Xapian's match of an OP_SYNONYM of terms knows in one sub-database before it weighs a
// document: its bounds and estimate of the matches (Xapian adds up the sub-databases'), and the
// term frequency its BM25 weight assumes there.
struct SynonymCounts {
  Xapian::doccount min = 0, est = 0, max = 0;
  Xapian::doccount termfreq = 0;
};

// One sub-database's: its documents' lengths, read on first use (Database::get_doclength) and
// remembered, and its synonyms' counts, likewise.
class ShardLengths {
 public:
  // `shard`: the database of this one sub-database; `did` its own document id.
  Xapian::termcount length(const Xapian::Database& shard, Xapian::docid did);
  // The counts of OP_SYNONYM of `terms` in `shard`: its bounds from a zero-size match of it; its
  // estimate and the frequency its weight assumes as Xapian's OR tree of the terms there computes
  // them (the two rarest there combined first), from the shard's frequencies and from `whole`'s.
  const SynonymCounts& synonym_counts(const Xapian::Database& shard, const std::vector<std::string>& terms, const SynonymWeighing& whole);

 private:
  std::map<std::vector<std::string>, SynonymCounts> synonyms_;
  // Two bytes a document (a whole-process search fills it once: fewer fresh pages); 0 is
  // "not read yet" and kLong "read it again" (a length that does not fit, or 0 itself).
  static constexpr std::uint16_t kUnknown = 0, kLong = 0xFFFF;
  std::vector<std::uint16_t> lengths_;  // by docid
};

// What one Searcher's matches have learnt: a ShardLengths per sub-database, never shared across
// them (their document ids are their own).
using LengthMemo = MemoByShard<ShardLengths>;

// Xapian::Query(term) as Xapian::BM25Weight() weighs it (`weighing`, the whole database's),
// lengths from `memo`: each clone reads its own sub-database's postings and lengths.
class RememberedLengthTerm : public Xapian::PostingSource {
 public:
  RememberedLengthTerm(std::string term, Bm25Weighing weighing, std::shared_ptr<LengthMemo> memo);

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
  Bm25Weighing weighing_;
  std::shared_ptr<LengthMemo> memo_;
  ShardLengths* lengths_ = nullptr;  // the memo of the sub-database init() gave
  Xapian::Database db_;
  Xapian::doccount freq_ = 0;  // in this sub-database
  bool started_ = false;       // the first next() stays on the first posting
  Xapian::PostingIterator postings_, ends_;
};

// Xapian::Query(OP_SYNONYM, terms…) of distinct terms as Xapian::BM25Weight() weighs it
// (from `weighing`, the whole database's, and its tree in each sub-database), lengths from
// `memo`: a document's wdf is the sum of its terms' (at most its length); each clone counts and
// weighs as its own sub-database's tree of the terms (SynonymCounts).
class RememberedLengthSynonym : public Xapian::PostingSource {
 public:
  RememberedLengthSynonym(std::vector<std::string> terms, SynonymWeighing weighing, std::shared_ptr<LengthMemo> memo);

  Xapian::doccount get_termfreq_min() const override { return counts_.min; }
  Xapian::doccount get_termfreq_est() const override { return counts_.est; }
  Xapian::doccount get_termfreq_max() const override { return counts_.max; }
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
  SynonymWeighing weighing_;
  std::shared_ptr<LengthMemo> memo_;
  ShardLengths* lengths_ = nullptr;  // the memo of the sub-database init() gave
  SynonymCounts counts_;             // in this sub-database
  double termweight_ = 0;            // BM25's, in this sub-database
  Xapian::Database db_;
  bool started_ = false;
  std::vector<Xapian::PostingIterator> postings_, ends_;  // a term's each
  Xapian::docid current_ = 0;
};

// `q` with each term that BM25 weighs by document length (a term of frequency > 0, outside
// OP_SCALE_WEIGHT and the operators that are not plain AND, OR, AND_NOT, AND_MAYBE and FILTER) as
// a RememberedLengthTerm, and each synonym of such distinct terms as a RememberedLengthSynonym
// everything else as it was. `db` is the whole searched
// database (its statistics weigh); one of several sub-databases that cannot be told apart
// (shards_told_apart) is left unchanged, as the memos are per sub-database.
Xapian::Query with_remembered_lengths(const Xapian::Query& q, const Xapian::Database& db, const std::shared_ptr<LengthMemo>& memo);

}  // namespace lawref::searching
