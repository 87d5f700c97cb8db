// A search's fixed boosts (search.cpp: versions in force, national provisions) as Xapian posting
// sources that remember what they read. Xapian's own read a value or a posting list for every
// document the match weighs (the in-force boost alone was 20% of an in-process search, measured),
// and a search runs its query up to three times per tier (growing batches) while a Searcher
// answers many queries; what a document holds cannot change while the database is open, so what
// one match read, the next need not read again.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

#include "remembered_sources_by_shard.h"

namespace lawref::searching {

// Per document of one sub-database: whether it is known to be weighted by a source (its value is the
// weighted one, or it has the term) or known not to be. Shared by the sources of one Searcher's
// matches (a MemoByShard: one per sub-database).
class DocumentMemo {
 public:
  enum class Known : std::uint8_t { Unknown, Other, Weighted };
  Known at(Xapian::docid did) const { return did < known_.size() ? known_[did] : Known::Unknown; }
  void set(Xapian::docid did, Known k);

 private:
  std::vector<Known> known_;  // by docid
};

// Like Xapian::ValueMapPostingSource(slot) with the one mapping `value` -> `weight` and a default
// weight of 0: the same documents (those with a value in the slot), weights, bounds and answers to
// next/skip_to/check, so a match ranks exactly as with it. A document `memo` knows is answered
// without the value stream; one it does not is read from the stream (as ValueMapPostingSource
// would, from wherever the stream stands: Xapian's value lists only move forward) and remembered.
// Each clone uses the memo of the sub-database it is init()ed with.
class RememberedValueSource : public Xapian::PostingSource {
 public:
  RememberedValueSource(Xapian::valueno slot, std::string value, double weight, std::shared_ptr<MemoByShard<DocumentMemo>> memos);

  Xapian::doccount get_termfreq_min() const override { return freq_; }
  Xapian::doccount get_termfreq_est() const override { return freq_; }
  Xapian::doccount get_termfreq_max() const override { return freq_; }
  double get_weight() const override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override;
  RememberedValueSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

 private:
  // Starts the stream on the first call, as ValuePostingSource does; true when it is empty.
  bool start();
  // Past the end when no document can reach `min_wt` (ValuePostingSource's rule).
  bool give_up(double min_wt);
  // Remembers what the stream stands on.
  void note_stream();
  bool remembered(Xapian::docid did) const { return memo_->at(did) != DocumentMemo::Known::Unknown; }

  Xapian::valueno slot_;
  std::string value_;
  double weight_;
  std::shared_ptr<MemoByShard<DocumentMemo>> memos_;
  DocumentMemo* memo_ = nullptr;  // the memo of the sub-database init() gave
  Xapian::Database db_;
  Xapian::doccount freq_ = 0;
  bool started_ = false;
  Xapian::ValueIterator stream_;
  // On a remembered document the stream is not moved: the position is `current_`.
  bool on_memo_ = false;
  Xapian::docid current_ = 0;
};

// Per document of one sub-database: the first document at or after it that has a term, where known.
// A posting list's move from one place to the next tells that for every document in between, so
// a range is learnt once and every later question in it is answered without the posting list
// (most documents a match asks about lack the term: it asked the posting list every time).
class PostingMemo {
 public:
  static constexpr Xapian::docid kUnknown = 0;
  static constexpr Xapian::docid kNone = static_cast<Xapian::docid>(-1);  // no document with the term from here on
  Xapian::docid next_at(Xapian::docid did) const;
  // The first document with the term at or after each of `from`..`to` is `next` (kNone: none).
  // Stops at the first document known already: a range learnt before runs from it to `to`.
  void learn(Xapian::docid from, Xapian::docid to, Xapian::docid next);

 private:
  // Two bits a document (a whole-process search touches the memo once: a docid each for the
  // 148,000 documents of core + lawrefbook would cost 0.6 MB of fresh pages): whether it is known,
  // and whether it has the term. A known document's next one with the term is the first that has
  // it from there on, as every document between them is known too.
  static bool bit(const std::vector<std::uint64_t>& bits, Xapian::docid d) { return d / 64 < bits.size() && (bits[d / 64] >> (d % 64) & 1); }
  static void set(std::vector<std::uint64_t>& bits, Xapian::docid d);
  std::vector<std::uint64_t> known_, has_;
};

// Like Xapian::Query(OP_FILTER, FixedWeightPostingSource(weight), Query(term)): the documents
// that have `term`, each of `weight`, with the same bounds and positions. Where `memo` knows the
// next document with the term it moves there without the posting list; elsewhere it moves the
// posting list (which only moves forward) and `memo` learns the range it crossed. Each clone uses
// the memo of the sub-database it is init()ed with.
class RememberedTermSource : public Xapian::PostingSource {
 public:
  RememberedTermSource(std::string term, double weight, std::shared_ptr<MemoByShard<PostingMemo>> memos);

  Xapian::doccount get_termfreq_min() const override { return freq_; }
  Xapian::doccount get_termfreq_est() const override { return freq_; }
  Xapian::doccount get_termfreq_max() const override { return freq_; }
  double get_weight() const override { return weight_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return ended_ || current_ == PostingMemo::kNone; }
  Xapian::docid get_docid() const override { return current_; }
  RememberedTermSource* clone() const override;
  void init(const Xapian::Database& db) override;
  std::string get_description() const override;

 private:
  // Stands on the first document at or after `did` with the term (did > 0).
  void move_to(Xapian::docid did);
  bool give_up(double min_wt);

  std::string term_;
  double weight_;
  std::shared_ptr<MemoByShard<PostingMemo>> memos_;
  PostingMemo* memo_ = nullptr;  // the memo of the sub-database init() gave
  Xapian::Database db_;
  Xapian::doccount freq_ = 0;
  Xapian::docid last_ = 0;  // the database's last docid
  bool ended_ = false;      // gave up: no document can reach the minimum weight
  bool started_ = false;    // the posting list is open
  Xapian::PostingIterator postings_;
  Xapian::docid current_ = 0;  // where the source stands: 0 before the first move
};

}  // namespace lawref::searching
