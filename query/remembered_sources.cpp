#include "remembered_sources.h"

#include <algorithm>

namespace lawref::searching {

void DocumentMemo::set(Xapian::docid did, Known k) {
  if (did >= known_.size()) known_.resize(std::max<std::size_t>(did + 1, known_.size() * 2), Known::Unknown);
  known_[did] = k;
}

RememberedValueSource::RememberedValueSource(Xapian::valueno slot, std::string value, double weight, std::shared_ptr<DocumentMemo> memo)
    : slot_(slot), value_(std::move(value)), weight_(weight), memo_(std::move(memo)) {}

void RememberedValueSource::init(const Xapian::Database& db) {
  db_ = db;
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

RememberedValueSource* RememberedValueSource::clone() const { return new RememberedValueSource(slot_, value_, weight_, memo_); }

std::string RememberedValueSource::get_description() const { return "RememberedValueSource(slot=" + std::to_string(slot_) + ")"; }

RememberedTermSource::RememberedTermSource(std::string term, double weight, std::shared_ptr<DocumentMemo> memo)
    : term_(std::move(term)), weight_(weight), memo_(std::move(memo)) {}

void RememberedTermSource::init(const Xapian::Database& db) {
  db_ = db;
  freq_ = db_.get_termfreq(term_);
  started_ = false;
  ended_ = false;
  on_memo_ = false;
  current_ = 0;
  postings_ = Xapian::PostingIterator();
  set_maxweight(weight_);
}

void RememberedTermSource::start() {
  if (started_) return;
  started_ = true;
  postings_ = db_.postlist_begin(term_);
}

bool RememberedTermSource::give_up(double min_wt) {
  if (min_wt <= get_maxweight()) return false;
  ended_ = true;
  on_memo_ = false;
  return true;
}

void RememberedTermSource::note_postings() {
  if (postings_ != db_.postlist_end(term_)) memo_->set(*postings_, DocumentMemo::Known::Weighted);
}

void RememberedTermSource::next(double min_wt) {
  if (give_up(min_wt)) return;
  if (on_memo_) {
    // The posting list stands before the remembered document (or is not open yet).
    on_memo_ = false;
    start();
    postings_.skip_to(current_ + 1);
  } else if (!started_) {
    start();
  } else {
    ++postings_;
  }
  note_postings();
}

void RememberedTermSource::skip_to(Xapian::docid did, double min_wt) {
  if (give_up(min_wt)) return;
  if (on_memo_ && did <= current_) return;
  if (memo_->at(did) == DocumentMemo::Known::Weighted) {
    on_memo_ = true;
    current_ = did;
    return;
  }
  on_memo_ = false;
  start();
  postings_.skip_to(did);
  note_postings();
}

bool RememberedTermSource::check(Xapian::docid did, double min_wt) {
  skip_to(did, min_wt);  // a posting list knows exactly where the next document with the term is
  return true;
}

bool RememberedTermSource::at_end() const { return ended_ || (!on_memo_ && started_ && postings_ == db_.postlist_end(term_)); }

RememberedTermSource* RememberedTermSource::clone() const { return new RememberedTermSource(term_, weight_, memo_); }

std::string RememberedTermSource::get_description() const { return "RememberedTermSource(" + term_ + ")"; }

}  // namespace lawref::searching
