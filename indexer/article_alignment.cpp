#include "article_alignment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <set>
#include <tuple>

#include "analyzer.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::links {
namespace {

bool keep(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || analysis::is_cjk(c);
}

}  // namespace

void append_comparable(std::u32string& out, const std::string& text) {
  std::u32string folded;
  text::fold_chars(utf8::decode(text), folded);
  for (char32_t c : folded)
    if (keep(c)) out.push_back(c);
}

void append_comparable(std::u32string& out, const Item& item) {
  append_comparable(out, item.text);
  for (const Item& c : item.children) append_comparable(out, c);
}

bool is_commencement_text(const std::u32string& t) {
  return t.size() <= 80 && !t.empty() && t[0] == U'本' && t.find(U"施行") != std::u32string::npos &&
         (t.find(U"自") != std::u32string::npos || t.find(U"起") != std::u32string::npos);
}

namespace {

// Code points fit in 21 bits: a bigram in the low 42 bits, a trigram marked by the top bit.
std::uint64_t bigram(char32_t a, char32_t b) { return (static_cast<std::uint64_t>(a) << 21) | b; }
std::uint64_t trigram(char32_t a, char32_t b, char32_t c) {
  return (std::uint64_t{1} << 63) | (static_cast<std::uint64_t>(a) << 42) | (static_cast<std::uint64_t>(b) << 21) | c;
}

// A word number (Grams::Words): marked by bit 62, apart from every bigram and trigram.
std::uint64_t word(char32_t w) { return (std::uint64_t{1} << 62) | w; }

std::vector<std::u32string> article_texts(const LawText& law) {
  std::vector<std::u32string> out;
  out.reserve(law.articles.size());
  for (const Article& a : law.articles) out.push_back(comparable_text(a));
  return out;
}

// The paragraphs (their own text) and items of every article, each with its article's index.
struct Fragments {
  std::vector<std::u32string> texts;
  std::vector<std::size_t> article;
};

// The k in [0, n) with the highest score (the first of equals), if it reaches `threshold`; else n.
template <typename Score>
std::size_t best_of(std::size_t n, double threshold, Score score) {
  std::size_t best = n;
  for (std::size_t k = 0; k < n; ++k)
    if (best == n || score(k) > score(best)) best = k;
  return best < n && score(best) >= threshold ? best : n;
}

Fragments fragments_of(const LawText& law) {
  Fragments f;
  for (std::size_t i = 0; i < law.articles.size(); ++i)
    for (const Paragraph& p : law.articles[i].paragraphs) {
      f.texts.emplace_back();
      append_comparable(f.texts.back(), p.text);
      f.article.push_back(i);
      for (const Item& it : p.items) {
        f.texts.emplace_back();
        append_comparable(f.texts.back(), it);
        f.article.push_back(i);
      }
    }
  return f;
}

// Grams -> dense numbers 0, 1, 2, … in order of first appearance: open addressing over flat
// arrays (no gram is ~0: code points have 21 bits).
class GramNumbers {
 public:
  std::uint32_t number(std::uint64_t gram) {
    if ((size_ + 1) * 2 > keys_.size()) grow();
    std::size_t slot = hash(gram) & (keys_.size() - 1);
    while (keys_[slot] != kEmpty) {
      if (keys_[slot] == gram) return values_[slot];
      slot = (slot + 1) & (keys_.size() - 1);
    }
    keys_[slot] = gram;
    values_[slot] = static_cast<std::uint32_t>(size_);
    return static_cast<std::uint32_t>(size_++);
  }

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
  static std::size_t hash(std::uint64_t g) { return static_cast<std::size_t>((g * 0x9E3779B97F4A7C15ull) >> 20); }
  void grow() {
    std::vector<std::uint64_t> keys(std::max<std::size_t>(1024, keys_.size() * 2), kEmpty);
    std::vector<std::uint32_t> values(keys.size());
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == kEmpty) continue;
      std::size_t slot = hash(keys_[i]) & (keys.size() - 1);
      while (keys[slot] != kEmpty) slot = (slot + 1) & (keys.size() - 1);
      keys[slot] = keys_[i];
      values[slot] = values_[i];
    }
    keys_.swap(keys);
    values_.swap(values);
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

constexpr std::uint32_t kSparse = ~std::uint32_t{0};
// A gram in at least 1/kDenseShare of the columns is kept dense (measured: 8 is about where a
// straight pass over every column costs what the scattered adds do).
constexpr std::size_t kDenseShare = 8;

// out[k] += w * in[k] for k < n: the compiler vectorises this loop.
__attribute__((optimize("tree-vectorize"))) void add_scaled(float* __restrict out, const float* __restrict in, float w, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) out[k] += w * in[k];
}

}  // namespace

std::u32string comparable_text(const Article& article) {
  std::u32string out;
  for (const Paragraph& p : article.paragraphs) {
    append_comparable(out, p.text);
    for (const Item& it : p.items) append_comparable(out, it);
  }
  return out;
}

bool is_commencement_clause(const Article& article) { return is_commencement_text(comparable_text(article)); }

SimilarityMatrix::SimilarityMatrix(const LawText& a, const LawText& b) : SimilarityMatrix(article_texts(a), article_texts(b)) {}

SimilarityMatrix::SimilarityMatrix(const std::vector<std::u32string>& a, const std::vector<std::u32string>& b, Grams grams,
                                   const std::vector<bool>* counted)
    : SimilarityMatrix(std::vector<std::u32string_view>(a.begin(), a.end()), std::vector<std::u32string_view>(b.begin(), b.end()), grams,
                       counted) {}

SimilarityMatrix::SimilarityMatrix(const std::vector<std::u32string_view>& a, const std::vector<std::u32string_view>& b, Grams grams,
                                   const std::vector<bool>* counted)
    : rows_(a.size()), cols_(b.size()) {
  // Each text's distinct grams (numbered densely, in order of first appearance) with their
  // counts, in flat arrays: no node, vector or sort per gram (this runs for every pair of texts
  // `lawref index` aligns, and numbering the grams was most of its time).
  const std::size_t n = rows_ + cols_;
  std::vector<std::uint32_t> id;       // text k's distinct grams: id[begin[k] .. begin[k + 1])
  std::vector<std::uint32_t> count;    // and how often each occurs there
  std::vector<std::size_t> begin(n + 1, 0);
  std::vector<std::uint32_t> df;       // per gram: in how many texts
  std::vector<std::uint32_t> last;     // per gram: the last text it was seen in, + 1
  std::vector<std::size_t> where;      // per gram: its entry in that text
  GramNumbers numbers;
  std::size_t k = 0;
  auto add = [&](std::uint64_t g) {
    const std::uint32_t d = numbers.number(g);
    if (d == df.size()) {
      df.push_back(0);
      last.push_back(0);
      where.push_back(0);
    }
    if (last[d] == k + 1) {
      ++count[where[d]];
      return;
    }
    last[d] = static_cast<std::uint32_t>(k + 1);
    where[d] = id.size();
    id.push_back(d);
    count.push_back(1);
    if (!counted || (*counted)[k]) ++df[d];
  };
  for (const auto* texts : {&a, &b})
    for (const std::u32string_view t : *texts) {
      if (grams == Grams::Words) {
        for (char32_t w : t) add(word(w));
        begin[++k] = id.size();
        continue;
      }
      for (std::size_t i = 0; i + 1 < t.size(); ++i) add(bigram(t[i], t[i + 1]));
      if (grams == Grams::BigramsAndTrigrams)
        for (std::size_t i = 0; i + 2 < t.size(); ++i) add(trigram(t[i], t[i + 1], t[i + 2]));
      if (t.size() == 1) add(bigram(t[0], 0));
      begin[++k] = id.size();
    }
  const std::size_t vocabulary = df.size();
  // tf-idf, unit length. Each gram's idf is worked out once, not once for every text it is in, and
  // 1 + log(count) of the usual counts comes from a table: the same values with fewer logs (a
  // log per entry was ~1% of `lawref index`'s CPU). The numbering's arrays go first, so that the
  // idf takes their memory rather than adding to it.
  std::vector<std::uint32_t>().swap(last);
  std::vector<std::size_t>().swap(where);
  const double total = counted ? static_cast<double>(std::count(counted->begin(), counted->end(), true)) : static_cast<double>(n);
  std::vector<double> idf(vocabulary);
  for (std::size_t g = 0; g < vocabulary; ++g) idf[g] = std::log(1.0 + total / std::max<std::uint32_t>(1, df[g]));
  static const std::array<double, 64> tf = [] {
    std::array<double, 64> out{};
    for (std::size_t c = 1; c < out.size(); ++c) out[c] = 1.0 + std::log(static_cast<double>(c));
    return out;
  }();
  std::vector<float> weight(id.size());
  for (std::size_t t = 0; t < n; ++t) {
    double norm = 0;
    for (std::size_t e = begin[t]; e < begin[t + 1]; ++e) {
      const double w = (count[e] < tf.size() ? tf[count[e]] : 1.0 + std::log(static_cast<double>(count[e]))) * idf[id[e]];
      weight[e] = static_cast<float>(w);
      norm += w * w;
    }
    norm = std::sqrt(norm);
    for (std::size_t e = begin[t]; e < begin[t + 1]; ++e) weight[e] = norm > 0 ? static_cast<float>(weight[e] / norm) : 0.0f;
  }
  // Dot products through an inverted list of b's texts (one flat array, grouped by gram): only
  // shared grams cost anything. A gram in many of b's texts (应当, 规定) is kept as a dense row of
  // weights instead, added to a score row in one straight (vectorised) loop: scattered adds over
  // long lists were most of the time `lawref index` spent aligning.
  std::vector<std::size_t> first(vocabulary + 1, 0);
  for (std::size_t e = begin[rows_]; e < begin[n]; ++e) ++first[id[e] + 1];
  std::vector<std::uint32_t> dense_row(vocabulary, kSparse);
  std::size_t dense_rows = 0;
  for (std::size_t g = 0; g < vocabulary; ++g)
    if (first[g + 1] * kDenseShare >= cols_ && first[g + 1] > 1) {
      dense_row[g] = static_cast<std::uint32_t>(dense_rows++);
      first[g + 1] = 0;
    }
  for (std::size_t g = 0; g < vocabulary; ++g) first[g + 1] += first[g];
  std::vector<std::pair<std::uint32_t, float>> postings(first.back());
  std::vector<float> dense(dense_rows * cols_, 0.0f);
  std::vector<std::size_t> fill(first.begin(), first.end() - 1);
  for (std::size_t j = 0; j < cols_; ++j)
    for (std::size_t e = begin[rows_ + j]; e < begin[rows_ + j + 1]; ++e) {
      if (dense_row[id[e]] != kSparse) dense[dense_row[id[e]] * cols_ + j] = weight[e];
      else postings[fill[id[e]]++] = {static_cast<std::uint32_t>(j), weight[e]};
    }
  scores_.assign(rows_ * cols_, 0.0f);
  for (std::size_t i = 0; i < rows_; ++i) {
    float* row = &scores_[i * cols_];
    for (std::size_t e = begin[i]; e < begin[i + 1]; ++e) {
      const float w = weight[e];
      if (dense_row[id[e]] != kSparse) {
        add_scaled(row, &dense[dense_row[id[e]] * cols_], w, cols_);
        continue;
      }
      for (std::size_t p = first[id[e]]; p < first[id[e] + 1]; ++p) row[postings[p].first] += w * postings[p].second;
    }
    // Rounded, so that equal texts score exactly equal whatever order the sums ran in: which of
    // two identical provisions comes out a hair higher must not decide a match (the first wins).
    for (std::size_t j = 0; j < cols_; ++j) row[j] = std::round(row[j] * 1e5f) / 1e5f;
  }
}

namespace {

// A paragraph or item of an old article that now stands in a new article other than the one
// its article continues as: 2014 art 29 became item (二) of 2023 art 60.
void add_fragment_matches(const LawText& old_law, const LawText& new_law, const AlignmentOptions& options, VersionAlignment& out,
                          std::vector<bool>& old_used, std::vector<bool>& new_used) {
  const Fragments before = fragments_of(old_law), after = fragments_of(new_law);
  const SimilarityMatrix sim(before.texts, after.texts);
  std::set<std::pair<std::size_t, std::size_t>> linked;
  for (const ArticleMatch& m : out.matches) linked.emplace(m.from, m.to);
  std::vector<std::size_t> pieces(old_law.articles.size(), 0);
  for (std::size_t a : before.article) ++pieces[a];
  std::vector<ArticleMatch> extra;
  for (std::size_t f = 0; f < sim.rows(); ++f) {
    if (before.texts[f].size() < options.fragment_min_chars) continue;
    const std::size_t best = best_of(sim.cols(), options.fragment_threshold, [&](std::size_t g) { return sim(f, g); });
    if (best == sim.cols()) continue;
    const std::size_t i = before.article[f], j = after.article[best];
    if (linked.count({i, j})) continue;
    // A one-paragraph article whose text is closer to a part of another new article than to
    // the article it was paired with went there instead: 2014 art 31 is item (一) of art 60.
    if (pieces[i] == 1) {
      const auto primary = std::find_if(out.matches.begin(), out.matches.end(), [&](const ArticleMatch& m) { return m.from == i; });
      if (primary != out.matches.end() && primary->score < sim(f, best)) {
        const std::size_t freed = primary->to;
        linked.erase({i, freed});
        *primary = {i, j, sim(f, best), LinkBasis::Changed};
        linked.emplace(i, j);
        new_used[j] = true;
        new_used[freed] = std::any_of(out.matches.begin(), out.matches.end(), [&](const ArticleMatch& m) { return m.to == freed; });
        continue;
      }
    }
    linked.emplace(i, j);
    extra.push_back({i, j, sim(f, best), old_used[i] ? LinkBasis::Split : LinkBasis::Merged});
  }
  for (const ArticleMatch& m : extra) {
    old_used[m.from] = new_used[m.to] = true;
    out.matches.push_back(m);
  }
}

// Each old article still unmatched, whole and part by part, against every paragraph and item of
// the new text: its best part above the (lower) threshold continues it, as "merged".
void rescue_dropped(const LawText& old_law, const LawText& new_law, const AlignmentOptions& options, VersionAlignment& out,
                    std::vector<bool>& old_used, std::vector<bool>& new_used) {
  std::vector<std::u32string> rows;
  std::vector<std::size_t> row_article;
  const Fragments before = fragments_of(old_law);
  for (std::size_t i = 0; i < old_law.articles.size(); ++i) {
    if (old_used[i]) continue;
    rows.push_back(comparable_text(old_law.articles[i]));
    row_article.push_back(i);
    for (std::size_t f = 0; f < before.texts.size(); ++f)
      if (before.article[f] == i && before.texts[f].size() >= options.fragment_min_chars) {
        rows.push_back(before.texts[f]);
        row_article.push_back(i);
      }
  }
  if (rows.empty()) return;
  const Fragments after = fragments_of(new_law);
  const SimilarityMatrix sim(rows, after.texts);
  std::vector<ArticleMatch> best(old_law.articles.size(), ArticleMatch{0, 0, 0.0, LinkBasis::Merged});
  for (std::size_t r = 0; r < sim.rows(); ++r)
    for (std::size_t g = 0; g < sim.cols(); ++g)
      if (after.texts[g].size() >= options.fragment_min_chars && sim(r, g) > best[row_article[r]].score)
        best[row_article[r]] = {row_article[r], after.article[g], sim(r, g), LinkBasis::Merged};
  for (const ArticleMatch& m : best)
    if (m.score >= options.dropped_threshold && !old_used[m.from] && !is_commencement_text(comparable_text(old_law.articles[m.from]))) {
      old_used[m.from] = new_used[m.to] = true;
      out.matches.push_back(m);
    }
}

}  // namespace

VersionAlignment align_versions(const LawText& old_law, const LawText& new_law, const AlignmentOptions& options) {
  const std::vector<std::u32string> before = article_texts(old_law), after = article_texts(new_law);
  const SimilarityMatrix sim(before, after);
  std::vector<ArticleMatch> pairs;
  for (std::size_t i = 0; i < sim.rows(); ++i)
    for (std::size_t j = 0; j < sim.cols(); ++j)
      if (sim(i, j) >= options.pair_threshold) pairs.push_back({i, j, sim(i, j), {}});
  // Best pairs first; ties keep document order.
  std::stable_sort(pairs.begin(), pairs.end(), [](const ArticleMatch& x, const ArticleMatch& y) { return x.score > y.score; });

  VersionAlignment out;
  std::vector<bool> old_used(sim.rows(), false), new_used(sim.cols(), false);
  for (const ArticleMatch& p : pairs) {
    if (old_used[p.from] || new_used[p.to]) continue;
    old_used[p.from] = new_used[p.to] = true;
    ArticleMatch m = p;
    m.basis = before[p.from] == after[p.to] ? LinkBasis::Same : LinkBasis::Changed;
    out.matches.push_back(m);
  }
  // Commencement clauses (本法自…施行) continue each other whatever their dates say.
  if (sim.rows() && sim.cols()) {
    const std::size_t i = sim.rows() - 1, j = sim.cols() - 1;
    if (!old_used[i] && !new_used[j] && is_commencement_text(before[i]) && is_commencement_text(after[j])) {
      old_used[i] = new_used[j] = true;
      out.matches.push_back({i, j, sim(i, j), LinkBasis::Changed});
    }
  }
  // A new article left over that takes much of one old article: a split. An old one left
  // over that went largely into one new article: a merge.
  for (std::size_t j = 0; j < sim.cols(); ++j) {
    if (new_used[j]) continue;
    const std::size_t best = best_of(sim.rows(), options.split_threshold, [&](std::size_t i) { return sim(i, j); });
    if (best < sim.rows()) {
      out.matches.push_back({best, j, sim(best, j), LinkBasis::Split});
      new_used[j] = true;
    }
  }
  for (std::size_t i = 0; i < sim.rows(); ++i) {
    if (old_used[i]) continue;
    const std::size_t best = best_of(sim.cols(), options.split_threshold, [&](std::size_t j) { return sim(i, j); });
    if (best < sim.cols()) {
      out.matches.push_back({i, best, sim(i, best), LinkBasis::Merged});
      old_used[i] = true;
    }
  }
  add_fragment_matches(old_law, new_law, options, out, old_used, new_used);
  rescue_dropped(old_law, new_law, options, out, old_used, new_used);
  for (std::size_t i = 0; i < sim.rows(); ++i)
    if (!old_used[i]) out.dropped.push_back(i);
  for (std::size_t j = 0; j < sim.cols(); ++j)
    if (!new_used[j]) out.added.push_back(j);
  std::sort(out.matches.begin(), out.matches.end(),
            [](const ArticleMatch& x, const ArticleMatch& y) { return std::tie(x.from, x.to) < std::tie(y.from, y.to); });
  return out;
}

}  // namespace lawref::links
