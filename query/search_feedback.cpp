#include "search_feedback.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "analyzer.h"

#include "index_schema.h"

namespace lawref::searching {
namespace {

bool is_cjk_bigram(const std::string& t) {
  // Two characters of three or four UTF-8 bytes each, the first byte of a CJK character (U+2E80 and up) >= 0xE2.
  return (t.size() == 6 || t.size() == 7 || t.size() == 8) && static_cast<unsigned char>(t[0]) >= 0xE2;
}

bool is_stem(const std::string& t) {
  const std::size_t z = std::string(schema::kStem).size();
  if (t.size() < z + 3 || t.compare(0, z, schema::kStem) != 0) return false;
  return std::all_of(t.begin() + static_cast<std::ptrdiff_t>(z), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

Feedback feedback_from(const Xapian::Database& db, const std::vector<FeedbackText>& texts, std::size_t count, std::size_t least,
                       const std::unordered_set<std::string>& exclude) {
  Feedback out;
  if (texts.empty() || count == 0) return out;
  std::unordered_map<std::string, std::size_t> held;  // by term: the texts that hold it
  std::size_t of_lang[2] = {0, 0};                     // the texts, Chinese and English
  std::vector<std::string> terms;
  for (const FeedbackText& t : texts) {
    ++of_lang[t.english];
    terms.clear();
    analysis::analyze(t.text, analysis::AnalyzerOptions{t.english, false}, terms);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (std::string& term : terms)
      if ((is_cjk_bigram(term) || is_stem(term)) && !exclude.count(term)) ++held[std::move(term)];
  }
  // Each language's documents (a term's idf among the documents of its language: most are Chinese).
  const double n[2] = {static_cast<double>(db.get_termfreq(std::string(schema::kLang) + schema::kLangChinese)),
                       static_cast<double>(db.get_termfreq(std::string(schema::kLang) + schema::kLangEnglish))};
  const double alpha = std::getenv("PRF_A") ? std::atof(std::getenv("PRF_A")) : 1.0;
  for (const auto& [term, r] : held) {
    const bool english = is_stem(term);
    const std::size_t texts_of_lang = of_lang[english];
    if (r < std::min(least, texts_of_lang)) continue;
    const double df = static_cast<double>(db.get_termfreq(term));
    const double idf = std::log((n[english] - df + 0.5) / (df + 0.5));
    if (idf <= 0) continue;
    out.terms.push_back({term, std::pow(static_cast<double>(r) / static_cast<double>(texts_of_lang), alpha) * idf});
  }
  // The best `count` of each language: an English term's idf is higher (most documents are
  // Chinese), so one list would hold English terms only.
  std::sort(out.terms.begin(), out.terms.end(), [](const FeedbackTerm& a, const FeedbackTerm& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
  });
  std::size_t kept[2] = {0, 0};
  out.terms.erase(std::remove_if(out.terms.begin(), out.terms.end(), [&](const FeedbackTerm& t) { return ++kept[is_stem(t.term)] > count; }),
                  out.terms.end());
  return out;
}

std::vector<double> feedback_shares(const Feedback& feedback, const Xapian::Database& db, const std::vector<Xapian::docid>& docids) {
  std::vector<double> zh(docids.size(), 0), en(docids.size(), 0);
  double zh_total = 0, en_total = 0;
  std::vector<std::size_t> order(docids.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return docids[a] < docids[b]; });
  for (const FeedbackTerm& t : feedback.terms) {
    const bool english = is_stem(t.term);
    (english ? en_total : zh_total) += t.weight;
    std::vector<double>& held = english ? en : zh;
    Xapian::PostingIterator p = db.postlist_begin(t.term);
    const Xapian::PostingIterator end = db.postlist_end(t.term);
    for (const std::size_t k : order) {
      p.skip_to(docids[k]);
      if (p == end) break;
      if (*p == docids[k]) held[k] += t.weight;
    }
  }
  std::vector<double> out(docids.size(), 0);
  for (std::size_t k = 0; k < out.size(); ++k)
    out[k] = std::max(zh_total > 0 ? zh[k] / zh_total : 0.0, en_total > 0 ? en[k] / en_total : 0.0);
  return out;
}

std::string feedback_term_text(const std::string& term) { return is_stem(term) ? term.substr(std::string(schema::kStem).size()) : term; }

}  // namespace lawref::searching
