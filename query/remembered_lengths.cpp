#include "remembered_lengths.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lawref::searching {

namespace {

// Xapian::BM25Weight()'s parameters (k2 0: no length-only part).
constexpr double kK1 = 1, kK3 = 1, kB = 0.5, kMinNormlen = 0.5;

}  // namespace

Xapian::termcount LengthMemo::length(const Xapian::Database& db, Xapian::docid did) {
  if (did < lengths_.size() && lengths_[did] != kUnknown && lengths_[did] != kLong) return lengths_[did];
  const Xapian::termcount len = db.get_doclength(did);
  if (did >= lengths_.size()) lengths_.resize(std::max<std::size_t>(did, db.get_lastdocid()) + 1, kUnknown);
  lengths_[did] = len > kUnknown && len < kLong ? static_cast<std::uint16_t>(len) : kLong;
  return len;
}

RememberedLengthTerm::RememberedLengthTerm(std::string term, std::shared_ptr<LengthMemo> memo) : term_(std::move(term)), memo_(std::move(memo)) {}

// The same arithmetic, in the same order, as Xapian 1.4's BM25Weight::init and get_maxpart (no
// relevance set, wqf 1, factor 1), so every weight and bound is bit for bit Xapian's.
void RememberedLengthTerm::init(const Xapian::Database& db) {
  db_ = db;
  started_ = false;
  freq_ = db_.get_termfreq(term_);
  postings_ = db_.postlist_begin(term_);
  ends_ = db_.postlist_end(term_);
  const double factor = 1.0, wqf = 1.0;
  double tw = (db_.get_doccount() - freq_ + 0.5) / (freq_ + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  termweight_ = std::log(tw) * factor;
  termweight_ *= (kK3 + 1) * wqf / (kK3 + wqf);
  termweight_ *= (kK1 + 1);
  len_factor_ = db_.get_avlength();
  if (len_factor_ != 0) len_factor_ = 1 / len_factor_;
  // A posting list's wdf bound: its first entry's wdf, or the rest of the collection frequency.
  const Xapian::termcount first_wdf = postings_ == ends_ ? 0 : postings_.get_wdf();
  const Xapian::termcount collection = db_.get_collection_freq(term_);
  const Xapian::termcount wdf_bound = std::max(first_wdf, collection - first_wdf);
  const double normlen_lb = std::max(std::max(wdf_bound, db_.get_doclength_lower_bound()) * len_factor_, kMinNormlen);
  double denom = kK1;
  denom *= (normlen_lb * kB + (1 - kB));
  const double wdf_max(wdf_bound);
  denom += wdf_max;
  set_maxweight(termweight_ * (wdf_max / denom));
}

double RememberedLengthTerm::get_weight() const {
  const Xapian::termcount len = memo_->length(db_, *postings_);
  const double normlen = std::max(len * len_factor_, kMinNormlen);
  const double wdf_double(postings_.get_wdf());
  const double denom = kK1 * (normlen * kB + (1 - kB)) + wdf_double;
  return termweight_ * (wdf_double / denom);
}

void RememberedLengthTerm::next(double) {
  if (!started_) started_ = true;  // init() opened the list on its first posting
  else ++postings_;
}

void RememberedLengthTerm::skip_to(Xapian::docid did, double) {
  started_ = true;
  postings_.skip_to(did);
}

RememberedLengthTerm* RememberedLengthTerm::clone() const { return new RememberedLengthTerm(term_, memo_); }

std::string RememberedLengthTerm::get_description() const { return "RememberedLengthTerm(" + term_ + ")"; }

Xapian::Query with_remembered_lengths(const Xapian::Query& q, const Xapian::Database& db, const std::shared_ptr<LengthMemo>& memo) {
  // A posting source sees one shard's statistics, BM25 the whole database's: one shard only.
  if (db.size() != 1) return q;
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *q.get_terms_begin();
      // Only Query(term): a wqf or position other than the default would show in the description.
      if (q.get_description() != "Query(" + term + ")" || db.get_termfreq(term) == 0) return q;
      return Xapian::Query((new RememberedLengthTerm(term, memo))->release());
    }
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER: {
      std::vector<Xapian::Query> parts;
      bool changed = false;
      for (std::size_t k = 0; k < q.get_num_subqueries(); ++k) {
        const Xapian::Query sub = q.get_subquery(k);
        parts.push_back(with_remembered_lengths(sub, db, memo));
        changed = changed || parts.back().internal.get() != sub.internal.get();
      }
      return changed ? Xapian::Query(q.get_type(), parts.begin(), parts.end()) : q;
    }
    default: return q;
  }
}

}  // namespace lawref::searching
