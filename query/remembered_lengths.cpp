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

// How Xapian's BM25 weighs `term` of the whole database `db` in each of its sub-databases: the
// whole database's frequency, size, average length and shortest document's length.
Bm25Weighing term_weighing(const Xapian::Database& db, const std::string& term) {
  Bm25Weighing w;
  w.termweight = bm25_termweight(db.get_termfreq(term), db.get_doccount());
  w.len_factor = bm25_len_factor(db);
  w.doclength_lower_bound = db.get_doclength_lower_bound();
  return w;
}

// Whether `q` is Query(term) with the default wqf and position (either would show in the description).
bool plain_term(const Xapian::Query& q) {
  return q.get_type() == Xapian::Query::LEAF_TERM && q.get_description() == "Query(" + *q.get_terms_begin() + ")";
}

}  // namespace

Xapian::termcount ShardLengths::length(const Xapian::Database& shard, Xapian::docid did) {
  if (did < lengths_.size() && lengths_[did] != kUnknown && lengths_[did] != kLong) return lengths_[did];
  const Xapian::termcount len = shard.get_doclength(did);
  if (did >= lengths_.size()) lengths_.resize(std::max<std::size_t>(did, shard.get_lastdocid()) + 1, kUnknown);
  lengths_[did] = len > kUnknown && len < kLong ? static_cast<std::uint16_t>(len) : kLong;
  return len;
}

const SynonymCounts& ShardLengths::synonym_counts(const Xapian::Database& shard, const std::vector<std::string>& terms, const SynonymWeighing& whole) {
  if (const auto at = synonyms_.find(terms); at != synonyms_.end()) return at->second;
  std::vector<Xapian::Query> forms(terms.begin(), terms.end());
  Xapian::Enquire enquire(shard);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end()));
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  const Xapian::MSet bounds = enquire.get_mset(0, 0);
  SynonymCounts counts;
  counts.min = bounds.get_matches_lower_bound();
  counts.max = bounds.get_matches_upper_bound();
  // Xapian's OR tree of the terms, built as a Huffman tree on the shard's estimates (a heap, the
  // two rarest combined first, in the terms' order); each branch estimates with independence,
  // P(l or r) = P(l) + P(r) - P(l) P(r), rounded: its matches from the shard's frequencies and
  // size, the frequency its weight assumes from the whole database's.
  struct Branch {
    double here, whole;
  };
  const auto rounded_or = [](double l, double r, double n) { return static_cast<double>(static_cast<Xapian::doccount>(l + r - (l * r / n) + 0.5)); };
  std::vector<Branch> heap;
  for (std::size_t k = 0; k < terms.size(); ++k) heap.push_back({static_cast<double>(shard.get_termfreq(terms[k])), static_cast<double>(whole.termfreqs[k])});
  const auto rarer_last = [](const Branch& a, const Branch& b) { return a.here > b.here; };
  std::make_heap(heap.begin(), heap.end(), rarer_last);
  const double here_size = shard.get_doccount(), whole_size = whole.size;
  while (heap.size() > 1) {
    const Branch r = heap.front();
    std::pop_heap(heap.begin(), heap.end(), rarer_last);
    heap.pop_back();
    const Branch l = heap.front();
    const Branch joined{rounded_or(l.here, r.here, here_size), rounded_or(l.whole, r.whole, whole_size)};
    std::pop_heap(heap.begin(), heap.end(), rarer_last);
    heap.back() = joined;
    std::push_heap(heap.begin(), heap.end(), rarer_last);
  }
  counts.est = static_cast<Xapian::doccount>(heap.front().here);
  counts.termfreq = static_cast<Xapian::doccount>(heap.front().whole);
  return synonyms_.emplace(terms, counts).first->second;
}

RememberedLengthTerm::RememberedLengthTerm(std::string term, Bm25Weighing weighing, std::shared_ptr<LengthMemo> memo)
    : term_(std::move(term)), weighing_(weighing), memo_(std::move(memo)) {}

void RememberedLengthTerm::init(const Xapian::Database& db) {
  db_ = db;
  lengths_ = &memo_->of(db_);
  started_ = false;
  freq_ = db_.get_termfreq(term_);
  postings_ = db_.postlist_begin(term_);
  ends_ = db_.postlist_end(term_);
  // A posting list's wdf bound (Xapian's leaf, in this sub-database): its first entry's wdf, or
  // the rest of the collection frequency.
  const Xapian::termcount first_wdf = postings_ == ends_ ? 0 : postings_.get_wdf();
  const Xapian::termcount collection = db_.get_collection_freq(term_);
  set_maxweight(bm25_maxpart(weighing_.termweight, weighing_.len_factor, std::max(first_wdf, collection - first_wdf), weighing_.doclength_lower_bound));
}

double RememberedLengthTerm::get_weight() const {
  return bm25_sumpart(weighing_.termweight, weighing_.len_factor, postings_.get_wdf(), lengths_->length(db_, *postings_));
}

void RememberedLengthTerm::next(double) {
  if (!started_) started_ = true;  // init() opened the list on its first posting
  else ++postings_;
}

void RememberedLengthTerm::skip_to(Xapian::docid did, double) {
  started_ = true;
  postings_.skip_to(did);
}

RememberedLengthTerm* RememberedLengthTerm::clone() const { return new RememberedLengthTerm(term_, weighing_, memo_); }

std::string RememberedLengthTerm::get_description() const { return "RememberedLengthTerm(" + term_ + ")"; }

RememberedLengthSynonym::RememberedLengthSynonym(std::vector<std::string> terms, SynonymWeighing weighing, std::shared_ptr<LengthMemo> memo)
    : terms_(std::move(terms)), weighing_(std::move(weighing)), memo_(std::move(memo)) {}

void RememberedLengthSynonym::init(const Xapian::Database& db) {
  db_ = db;
  lengths_ = &memo_->of(db_);
  counts_ = lengths_->synonym_counts(db_, terms_, weighing_);
  termweight_ = bm25_termweight(counts_.termfreq, weighing_.size);
  started_ = false;
  current_ = 0;
  postings_.clear();
  ends_.clear();
  for (const std::string& t : terms_) {
    postings_.push_back(db_.postlist_begin(t));
    ends_.push_back(db_.postlist_end(t));
  }
  // Xapian bounds a synonym's wdf by the longest document's length; a synonym that matches
  // nothing here is an empty list, of no weight.
  set_maxweight(counts_.max == 0 ? 0.0 : bm25_maxpart(termweight_, weighing_.len_factor, weighing_.doclength_upper_bound, weighing_.doclength_lower_bound));
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
  const Xapian::termcount len = lengths_->length(db_, current_);
  return bm25_sumpart(termweight_, weighing_.len_factor, std::min(wdf, len), len);
}

RememberedLengthSynonym* RememberedLengthSynonym::clone() const { return new RememberedLengthSynonym(terms_, weighing_, memo_); }

std::string RememberedLengthSynonym::get_description() const {
  std::string d = "RememberedLengthSynonym(";
  for (const std::string& t : terms_) d += (d.back() == '(' ? "" : " ") + t;
  return d + ")";
}

namespace {

// with_remembered_lengths, once the sub-databases are known to be told apart.
Xapian::Query remember_lengths(const Xapian::Query& q, const Xapian::Database& db, const std::shared_ptr<LengthMemo>& memo) {
  switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = *q.get_terms_begin();
      if (!plain_term(q) || db.get_termfreq(term) == 0) return q;
      return Xapian::Query((new RememberedLengthTerm(term, term_weighing(db, term), memo))->release());
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
      SynonymWeighing weighing;
      weighing.size = db.get_doccount();
      weighing.len_factor = bm25_len_factor(db);
      weighing.doclength_lower_bound = db.get_doclength_lower_bound();
      weighing.doclength_upper_bound = db.get_doclength_upper_bound();
      for (const std::string& t : terms) weighing.termfreqs.push_back(db.get_termfreq(t));
      return Xapian::Query((new RememberedLengthSynonym(std::move(terms), std::move(weighing), memo))->release());
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
        parts.push_back(remember_lengths(sub, db, memo));
        changed = changed || parts.back().internal.get() != sub.internal.get();
      }
      return changed ? Xapian::Query(q.get_type(), parts.begin(), parts.end()) : q;
    }
    default: return q;
  }
}

}  // namespace

Xapian::Query with_remembered_lengths(const Xapian::Query& q, const Xapian::Database& db, const std::shared_ptr<LengthMemo>& memo) {
  // A memo per sub-database: they must be told apart (checked once, not at every node of `q`).
  return shards_told_apart(db) ? remember_lengths(q, db, memo) : q;
}

}  // namespace lawref::searching
