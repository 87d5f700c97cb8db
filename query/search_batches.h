// A tier's candidates in growing batches (search.cpp reads them until it has checked enough to
// estimate the tier's total), the first batches served from one Xapian match.
//
// Xapian's get_mset(first, n) ranks the top first + n documents and cuts the first off, and
// each call reads the query's posting lists from the start: three batches of 32, 64 and 128
// (most searches) cost three matches of 32, 96 and 224 documents, about three times one of 224,
// which is what the three together need (bench/README.md, "In-process search time, round eight").
#pragma once
#include <cstddef>
#include <xapian.h>

namespace lawref::searching {

class TierBatches {
 public:
  // Batches end at `base` × (2^k − 1): 32, 96, 224, 480… for a base of 32, each twice the one
  // before, the first `in_first_match` (three: 7 × base documents) read in one match. A caller that
  // reads only the first batch says 1, and the match ranks no more than that batch (1 to 8).
  // `least_first`: the first batch holds at least that many (it is where an article's two
  // languages are added up, search.cpp); the batches after it end where they would have.
  TierBatches(Xapian::Enquire& enquire, std::size_t base, std::size_t in_first_match = 3, std::size_t least_first = 0);

  struct Batch {
    Xapian::MSetIterator begin, end;  // the candidates, best first
    std::size_t size = 0;
    Xapian::doccount estimated = 0;  // how many documents the match it came from estimates
    bool last = false;               // no matching document follows it
  };
  // The next batch (the first on the first call); `matches` counts the Xapian matches run.
  Batch next(std::size_t& matches);
  // Where the batch next() returns would start, and its size.
  std::size_t first() const { return first_; }
  std::size_t batch() const { return batch_; }

 private:
  Xapian::Enquire& enquire_;
  std::size_t first_ = 0;
  std::size_t base_;
  std::size_t batch_;
  std::size_t served_by_first_match_;  // the documents of the first match (7 × base for three)
  Xapian::MSet match_;                 // the match of the batch last returned
  std::size_t match_first_ = 0;        // the rank of its first document
  std::size_t match_asked_ = 0;        // how many documents it was asked for
};

}  // namespace lawref::searching
