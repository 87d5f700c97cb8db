#include "remembered_sources.h"

#include <algorithm>
#include <bit>

namespace lawref::searching {

void DocumentMemo::set(Xapian::docid did, Known k) {
  if (did >= known_.size()) known_.resize(std::max<std::size_t>(did + 1, known_.size() * 2), Known::Unknown);
  known_[did] = k;
}

RememberedValueSource::RememberedValueSource(Xapian::valueno slot, std::string value, double weight, std::shared_ptr<MemoByShard<DocumentMemo>> memos)
    : slot_(slot), value_(std::move(value)), weight_(weight), memos_(std::move(memos)) {}

void RememberedValueSource::init(const Xapian::Database& db) {
  db_ = db;
  memo_ = &memos_->of(db_);
  started_ = false;
  on_memo_ = false;
  current_ = 0;
  stream_ = Xapian::ValueIterator();
  // ValueMapPostingSource's bound: the largest weight of its map and its default (0).
  set_maxweight(std::max(weight_, 0.0));
  freq_ = db_.get_value_freq(slot_);
}

bool RememberedValueSource::start() {
  if (started_) return false;
  started_ = true;
  stream_ = db_.valuestream_begin(slot_);
  return stream_ == db_.valuestream_end(slot_);
}

bool RememberedValueSource::give_up(double min_wt) {
  if (min_wt <= get_maxweight()) return false;
  on_memo_ = false;
  stream_ = db_.valuestream_end(slot_);
  return true;
}

void RememberedValueSource::note_stream() {
  memo_->set(stream_.get_docid(), *stream_ == value_ ? DocumentMemo::Known::Weighted : DocumentMemo::Known::Other);
}

void RememberedValueSource::next(double min_wt) {
  if (!started_) {
    start();
  } else if (on_memo_) {
    // The stream stands at or before the remembered document: the next entry after it.
    on_memo_ = false;
    stream_.skip_to(current_ + 1);
  } else {
    ++stream_;
  }
  if (stream_ == db_.valuestream_end(slot_)) return;
  if (give_up(min_wt)) return;
  note_stream();
}

void RememberedValueSource::skip_to(Xapian::docid did, double min_wt) {
  if (start()) return;
  if (give_up(min_wt)) return;
  if (on_memo_ && did <= current_) return;
  if (remembered(did)) {
    on_memo_ = true;
    current_ = did;
    return;
  }
  on_memo_ = false;
  stream_.skip_to(did);
  if (stream_ != db_.valuestream_end(slot_)) note_stream();
}

bool RememberedValueSource::check(Xapian::docid did, double min_wt) {
  if (start()) return true;
  if (give_up(min_wt)) return true;
  if (on_memo_ && did <= current_) return true;
  if (remembered(did)) {
    on_memo_ = true;
    current_ = did;
    return true;
  }
  on_memo_ = false;
  const bool valid = stream_.check(did);
  if (valid && stream_ != db_.valuestream_end(slot_)) note_stream();
  return valid;
}

bool RememberedValueSource::at_end() const { return !on_memo_ && started_ && stream_ == db_.valuestream_end(slot_); }

Xapian::docid RememberedValueSource::get_docid() const { return on_memo_ ? current_ : stream_.get_docid(); }

double RememberedValueSource::get_weight() const {
  const bool weighted = on_memo_ ? memo_->at(current_) == DocumentMemo::Known::Weighted : *stream_ == value_;
  return weighted ? weight_ : 0.0;
}

RememberedValueSource* RememberedValueSource::clone() const { return new RememberedValueSource(slot_, value_, weight_, memos_); }

std::string RememberedValueSource::get_description() const { return "RememberedValueSource(slot=" + std::to_string(slot_) + ")"; }

void PostingMemo::set(std::vector<std::uint64_t>& bits, Xapian::docid d) {
  if (d / 64 >= bits.size()) bits.resize(std::max<std::size_t>(d / 64 + 1, bits.size() * 2), 0);
  bits[d / 64] |= std::uint64_t{1} << (d % 64);
}

void PostingMemo::learn(Xapian::docid from, Xapian::docid to, Xapian::docid next) {
  if (next != kNone) set(has_, next);
  for (Xapian::docid d = from; d <= to && !bit(known_, d); ++d) set(known_, d);
}

Xapian::docid PostingMemo::next_at(Xapian::docid did) const {
  if (!bit(known_, did)) return kUnknown;
  std::size_t word = did / 64;
  if (word >= has_.size()) return kNone;
  std::uint64_t bits = has_[word] & (~std::uint64_t{0} << (did % 64));
  while (bits == 0) {
    if (++word == has_.size()) return kNone;
    bits = has_[word];
  }
  return static_cast<Xapian::docid>(word * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
}

RememberedTermSource::RememberedTermSource(std::string term, double weight, std::shared_ptr<MemoByShard<PostingMemo>> memos)
    : term_(std::move(term)), weight_(weight), memos_(std::move(memos)) {}

void RememberedTermSource::init(const Xapian::Database& db) {
  db_ = db;
  memo_ = &memos_->of(db_);
  freq_ = db_.get_termfreq(term_);
  last_ = db_.get_lastdocid();
  ended_ = false;
  started_ = false;
  postings_ = Xapian::PostingIterator();
  current_ = 0;
  set_maxweight(weight_);
}

bool RememberedTermSource::give_up(double min_wt) {
  if (min_wt <= get_maxweight()) return false;
  ended_ = true;
  return true;
}

void RememberedTermSource::move_to(Xapian::docid did) {
  if (did > last_) {
    current_ = PostingMemo::kNone;
    return;
  }
  if (const Xapian::docid known = memo_->next_at(did); known != PostingMemo::kUnknown) {
    current_ = known;
    return;
  }
  // Unknown here, so the posting list stands before `did`: every move of it was learnt.
  if (!started_) {
    started_ = true;
    postings_ = db_.postlist_begin(term_);
  }
  postings_.skip_to(did);
  const bool end = postings_ == db_.postlist_end(term_);
  current_ = end ? PostingMemo::kNone : *postings_;
  memo_->learn(did, end ? last_ : current_, current_);
}

void RememberedTermSource::next(double min_wt) {
  if (give_up(min_wt) || current_ == PostingMemo::kNone) return;
  move_to(current_ + 1);
}

void RememberedTermSource::skip_to(Xapian::docid did, double min_wt) {
  if (give_up(min_wt)) return;
  if (did > current_) move_to(did);
}

bool RememberedTermSource::check(Xapian::docid did, double min_wt) {
  skip_to(did, min_wt);  // the memo or the posting list knows exactly where the next document with the term is
  return true;
}

RememberedTermSource* RememberedTermSource::clone() const { return new RememberedTermSource(term_, weight_, memos_); }

std::string RememberedTermSource::get_description() const { return "RememberedTermSource(" + term_ + ")"; }

}  // namespace lawref::searching
