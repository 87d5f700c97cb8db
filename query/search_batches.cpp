#include "search_batches.h"

#include <algorithm>

namespace lawref::searching {

TierBatches::TierBatches(Xapian::Enquire& enquire, std::size_t base, std::size_t in_first_match, std::size_t least_first)
    : enquire_(enquire),
      base_(std::max<std::size_t>(base, 1)),  // a base of 0 would never end a batch
      batch_(std::max(base_, least_first)),
      served_by_first_match_(std::max(((std::size_t{1} << std::clamp<std::size_t>(in_first_match, 1, 8)) - 1) * base_, batch_)) {}

TierBatches::Batch TierBatches::next(std::size_t& matches) {
  const bool from_first_match = first_ + batch_ <= served_by_first_match_;
  if (first_ == 0 || !from_first_match) {
    const std::size_t n = first_ == 0 ? std::max(batch_, served_by_first_match_) : batch_;
    match_ = enquire_.get_mset(static_cast<Xapian::doccount>(first_), static_cast<Xapian::doccount>(n));
    match_first_ = first_;
    match_asked_ = n;
    ++matches;
  }
  const std::size_t at = first_ - match_first_;
  const std::size_t size = match_.size() > at ? std::min(batch_, match_.size() - at) : 0;
  Batch b;
  b.begin = size ? match_[static_cast<Xapian::doccount>(at)] : match_.end();
  b.end = size ? match_[static_cast<Xapian::doccount>(at + size)] : match_.end();
  b.size = size;
  b.estimated = match_.get_matches_estimated();
  // A match that returned fewer documents than asked for returned all there are: a batch that
  // reaches its end is the last, whether or not it was full.
  b.last = size < batch_ || (match_.size() < match_asked_ && at + size == match_.size());
  first_ += batch_;
  // The next batch ends at the first end of the sequence base × (2^k − 1) past this one.
  std::size_t end = base_;
  while (end <= first_) end = 2 * end + base_;
  batch_ = end - first_;
  return b;
}

}  // namespace lawref::searching
