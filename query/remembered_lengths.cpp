#include "remembered_lengths.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lawref::searching {

namespace {

// Xapian::BM25Weight()'s parameters (k2 0: no length-only part).
constexpr double kK1 = 1, kK3 = 1, kB = 0.5, kMinNormlen = 0.5;

// The same arithmetic, in the same order, as Xapian 1.4's BM25Weight::init, get_maxpart and
// get_sumpart (no relevance set, wqf 1, factor 1), so every weight and bound is bit for bit Xapian's.
double bm25_termweight(Xapian::doccount termfreq, Xapian::doccount collection_size) {
  const double factor = 1.0, wqf = 1.0;
  double tw = (collection_size - termfreq + 0.5) / (termfreq + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  double termweight = std::log(tw) * factor;
  termweight *= (kK3 + 1) * wqf / (kK3 + wqf);
  termweight *= (kK1 + 1);
  return termweight;
}

double bm25_len_factor(const Xapian::Database& db) {
  double len_factor = db.get_avlength();
  if (len_factor != 0) len_factor = 1 / len_factor;
  return len_factor;
}

double bm25_maxpart(double termweight, double len_factor, Xapian::termcount wdf_bound, Xapian::termcount doclength_lower_bound) {
  const double normlen_lb = std::max(std::max(wdf_bound, doclength_lower_bound) * len_factor, kMinNormlen);
  double denom = kK1;
  denom *= (normlen_lb * kB + (1 - kB));
  const double wdf_max(wdf_bound);
  denom += wdf_max;
  return termweight * (wdf_max / denom);
}

double bm25_sumpart(double termweight, double len_factor, Xapian::termcount wdf, Xapian::termcount len) {
  const double normlen = std::max(len * len_factor, kMinNormlen);
  const double wdf_double(wdf);
  const double denom = kK1 * (normlen * kB + (1 - kB)) + wdf_double;
  return termweight * (wdf_double / denom);
}

// Whether `q` is Query(term) with the default wqf and position (either would show in the description).
bool plain_term(const Xapian::Query& q) {
  return q.get_type() == Xapian::Query::LEAF_TERM && q.get_description() == "Query(" + *q.get_terms_begin() + ")";
}

}  // namespace

Xapian::termcount LengthMemo::length(const Xapian::Database& db, Xapian::docid did) {
  if (did < lengths_.size() && lengths_[did] != kUnknown && lengths_[did] != kLong) return lengths_[did];
  const Xapian::termcount len = db.get_doclength(did);
  if (did >= lengths_.size()) lengths_.resize(std::max<std::size_t>(did, db.get_lastdocid()) + 1, kUnknown);
  lengths_[did] = len > kUnknown && len < kLong ? static_cast<std::uint16_t>(len) : kLong;
  return len;
}

const std::optional<SynonymStats>& LengthMemo::synonym_stats(const Xapian::Database& db, const Xapian::Query& synonym) {
  const std::string key = synonym.get_description();
  if (const auto at = synonyms_.find(key); at != synonyms_.end()) return at->second;
  Xapian::Enquire enquire(db);
  enquire.set_query(synonym);
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  const Xapian::MSet bounds = enquire.get_mset(0, 0);
  SynonymStats stats;
  stats.min = bounds.get_matches_lower_bound();
  // The estimate of Xapian's OR tree of the terms (the one a zero-size match prints is rounded):
  // independence, P(l or r) = P(l) + P(r) - P(l) P(r), rounded at each branch, the two rarest
  // combined first.
  std::vector<double> ests;
  for (std::size_t k = 0; k < synonym.get_num_subqueries(); ++k) ests.push_back(db.get_termfreq(*synonym.get_subquery(k).get_terms_begin()));
  const double docs = db.get_doccount();
  while (ests.size() > 1) {
    std::sort(ests.begin(), ests.end());
    const double l = ests[1], r = ests[0];
    ests.erase(ests.begin(), ests.begin() + 2);
    ests.push_back(static_cast<double>(static_cast<Xapian::doccount>(l + r - (l * r / docs) + 0.5)));
  }
  stats.est = static_cast<Xapian::doccount>(ests[0]);
  stats.max = bounds.get_matches_upper_bound();
  stats.maxweight = bounds.get_max_possible();
  // Xapian bounds a synonym's wdf by the longest document's length. The bound falls as the term
  // frequency grows: the frequency whose bound is exactly Xapian's is the one its weights assume.
  const Xapian::doccount size = db.get_doccount();
  const double len_factor = bm25_len_factor(db);
  const auto maxpart = [&](Xapian::doccount tf) {
    return bm25_maxpart(bm25_termweight(tf, size), len_factor, db.get_doclength_upper_bound(), db.get_doclength_lower_bound());
  };
  Xapian::doccount lo = 0, hi = size;  // the first tf whose bound is at most Xapian's
  while (lo < hi) {
    const Xapian::doccount mid = lo + (hi - lo) / 2;
    if (maxpart(mid) <= stats.maxweight) hi = mid;
    else lo = mid + 1;
  }
  std::optional<SynonymStats> found;
  if (stats.maxweight > 0 && maxpart(lo) == stats.maxweight) {
    stats.termweight = bm25_termweight(lo, size);
    found = stats;
  }
  return synonyms_.emplace(key, found).first->second;
}

RememberedLengthTerm::RememberedLengthTerm(std::string term, std::shared_ptr<LengthMemo> memo) : term_(std::move(term)), memo_(std::move(memo)) {}

void RememberedLengthTerm::init(const Xapian::Database& db) {
  db_ = db;
  started_ = false;
  freq_ = db_.get_termfreq(term_);
  postings_ = db_.postlist_begin(term_);
  ends_ = db_.postlist_end(term_);
  termweight_ = bm25_termweight(freq_, db_.get_doccount());
  len_factor_ = bm25_len_factor(db_);
  // A posting list's wdf bound (Xapian's leaf): its first entry's wdf, or the rest of the
  // collection frequency.
  const Xapian::termcount first_wdf = postings_ == ends_ ? 0 : postings_.get_wdf();
  const Xapian::termcount collection = db_.get_collection_freq(term_);
  set_maxweight(bm25_maxpart(termweight_, len_factor_, std::max(first_wdf, collection - first_wdf), db_.get_doclength_lower_bound()));
}

double RememberedLengthTerm::get_weight() const {
  return bm25_sumpart(termweight_, len_factor_, postings_.get_wdf(), memo_->length(db_, *postings_));
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

RememberedLengthSynonym::RememberedLengthSynonym(std::vector<std::string> terms, SynonymStats stats, std::shared_ptr<LengthMemo> memo)
    : terms_(std::move(terms)), stats_(stats), memo_(std::move(memo)) {}

void RememberedLengthSynonym::init(const Xapian::Database& db) {
  db_ = db;
  started_ = false;
  current_ = 0;
  len_factor_ = bm25_len_factor(db_);
  postings_.clear();
  ends_.clear();
  for (const std::string& t : terms_) {
    postings_.push_back(db_.postlist_begin(t));
    ends_.push_back(db_.postlist_end(t));
  }
  set_maxweight(stats_.maxweight);
}

void RememberedLengthSynonym::settle() {
  current_ = 0;
  for (std::size_t k = 0; k < postings_.size(); ++k)
    if (postings_[k] != ends_[k] && (current_ == 0 || *postings_[k] < current_)) current_ = *postings_[k];
}

void RememberedLengthSynonym::next(double) {
  if (started_) {
    for (std::size_t k = 0; k < postings_.size(); ++k)
      if (postings_[k] != ends_[k] && *postings_[k] == current_) ++postings_[k];
  }
  started_ = true;
  settle();
}

void RememberedLengthSynonym::skip_to(Xapian::docid did, double) {
  started_ = true;
  for (std::size_t k = 0; k < postings_.size(); ++k)
    if (postings_[k] != ends_[k] && *postings_[k] < did) postings_[k].skip_to(did);
  settle();
}

// As Xapian's SynonymPostList: the terms' wdfs added, at most the document's length.
double RememberedLengthSynonym::get_weight() const {
  Xapian::termcount wdf = 0;
  for (std::size_t k = 0; k < postings_.size(); ++k)
    if (postings_[k] != ends_[k] && *postings_[k] == current_) wdf += postings_[k].get_wdf();
  const Xapian::termcount len = memo_->length(db_, current_);
  return bm25_sumpart(stats_.termweight, len_factor_, std::min(wdf, len), len);
}

RememberedLengthSynonym* RememberedLengthSynonym::clone() const { return new RememberedLengthSynonym(terms_, stats_, memo_); }

std::string RememberedLengthSynonym::get_description() const {
  std::string d = "RememberedLengthSynonym(";
  for (const std::string& t : terms_) d += (d.back() == '(' ? "" : " ") + t;
  return d + ")";
}

Xapian::Query with_remembered_lengths(const Xapian::Query& q, const Xapian::Database& db, const std::shared_ptr<LengthMemo>& memo) {
  // A posting source sees one shard's statistics, BM25 the whole database's: one shard only.
  if (db.size() != 1) return q;
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      if (!plain_term(q) || db.get_termfreq(*q.get_terms_begin()) == 0) return q;
      return Xapian::Query((new RememberedLengthTerm(*q.get_terms_begin(), memo))->release());
    }
    case Xapian::Query::OP_SYNONYM: {
      std::vector<std::string> terms;
      for (std::size_t k = 0; k < q.get_num_subqueries(); ++k) {
        const Xapian::Query sub = q.get_subquery(k);
        if (!plain_term(sub) || db.get_termfreq(*sub.get_terms_begin()) == 0) return q;
        terms.push_back(*sub.get_terms_begin());
      }
      std::vector<std::string> distinct = terms;
      std::sort(distinct.begin(), distinct.end());
      if (terms.size() < 2 || std::adjacent_find(distinct.begin(), distinct.end()) != distinct.end()) return q;
      const std::optional<SynonymStats>& stats = memo->synonym_stats(db, q);
      if (!stats) return q;
      return Xapian::Query((new RememberedLengthSynonym(std::move(terms), *stats, memo))->release());
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
