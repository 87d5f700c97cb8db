#include "article_alignment.h"

#include <algorithm>
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

void append_folded(std::u32string& out, const std::string& text) {
  std::u32string folded;
  text::fold_chars(utf8::decode(text), folded);
  for (char32_t c : folded)
    if (keep(c)) out.push_back(c);
}

void append_item(std::u32string& out, const Item& item) {
  append_folded(out, item.text);
  for (const Item& c : item.children) append_item(out, c);
}

// Code points fit in 21 bits: a bigram in the low 42 bits, a trigram marked by the top bit.
std::uint64_t bigram(char32_t a, char32_t b) { return (static_cast<std::uint64_t>(a) << 21) | b; }
std::uint64_t trigram(char32_t a, char32_t b, char32_t c) {
  return (std::uint64_t{1} << 63) | (static_cast<std::uint64_t>(a) << 42) | (static_cast<std::uint64_t>(b) << 21) | c;
}

// is_commencement_clause() on an article's comparable_text().
bool is_commencement_text(const std::u32string& t) {
  return t.size() <= 80 && !t.empty() && t[0] == U'本' && t.find(U"施行") != std::u32string::npos &&
         (t.find(U"自") != std::u32string::npos || t.find(U"起") != std::u32string::npos);
}

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
      append_folded(f.texts.back(), p.text);
      f.article.push_back(i);
      for (const Item& it : p.items) {
        f.texts.emplace_back();
        append_item(f.texts.back(), it);
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
    append_folded(out, p.text);
    for (const Item& it : p.items) append_item(out, it);
  }
  return out;
}

bool is_commencement_clause(const Article& article) { return is_commencement_text(comparable_text(article)); }

SimilarityMatrix::SimilarityMatrix(const LawText& a, const LawText& b) : SimilarityMatrix(article_texts(a), article_texts(b)) {}

SimilarityMatrix::SimilarityMatrix(const std::vector<std::u32string>& a, const std::vector<std::u32string>& b, Grams grams,
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
    for (const std::u32string& t : *texts) {
      for (std::size_t i = 0; i + 1 < t.size(); ++i) add(bigram(t[i], t[i + 1]));
      if (grams == Grams::BigramsAndTrigrams)
        for (std::size_t i = 0; i + 2 < t.size(); ++i) add(trigram(t[i], t[i + 1], t[i + 2]));
      if (t.size() == 1) add(bigram(t[0], 0));
      begin[++k] = id.size();
    }
  const std::size_t vocabulary = df.size();
  // tf-idf, unit length.
  const double total = counted ? static_cast<double>(std::count(counted->begin(), counted->end(), true)) : static_cast<double>(n);
  std::vector<float> weight(id.size());
  for (std::size_t t = 0; t < n; ++t) {
    double norm = 0;
    for (std::size_t e = begin[t]; e < begin[t + 1]; ++e) {
      const double w = (1.0 + std::log(static_cast<double>(count[e]))) * std::log(1.0 + total / std::max<std::uint32_t>(1, df[id[e]]));
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

namespace {

// What implementation alignment compares: every article whole (less its boilerplate), its
// paragraphs (their own text) and items as parts, and on the local side each sentence and each
// item written inline (（一）… within a paragraph's text) as a segment of its own.
struct Unit {
  std::size_t law = 0, article = 0;
  int paragraph = 0, item = 0;  // 0, 0: the whole article
};

// An inline item marker at `at`: （一） … （十九）, full- or half-width brackets.
bool item_marker_at(const std::u32string& t, std::size_t at) {
  if (at >= t.size() || (t[at] != U'（' && t[at] != U'(')) return false;
  std::size_t k = at + 1;
  while (k < t.size() && std::u32string_view(U"一二三四五六七八九十").find(t[k]) != std::u32string_view::npos) ++k;
  return k > at + 1 && k < t.size() && (t[k] == U'）' || t[k] == U')');
}

// A sentence that implements nothing: a legal-basis clause (根据《…》…，制定本条例), a territorial
// scope clause (本省行政区域内…，适用本条例; not 公安机关…适用本条例的有关规定), a reference to other
// laws' penalties (…已有规定的，从其规定). The basis clause is cut from the purpose sentence it
// ends (为了…，根据…制定本条例: the purpose stays).
void drop_boilerplate(std::u32string& sentence) {
  const std::size_t made = sentence.find(U"制定本");
  if (made != std::u32string::npos) {
    std::size_t basis = std::u32string::npos;
    for (const std::u32string_view w : {U"根据", U"依据", U"依照"}) basis = std::min(basis, sentence.find(w));
    if (basis < made) {
      sentence.erase(basis);
      return;
    }
  }
  const bool territorial_scope = sentence.find(U"行政区域内") != std::u32string::npos &&
                                 (sentence.find(U"适用本条例") != std::u32string::npos || sentence.find(U"本条例适用") != std::u32string::npos);
  if (territorial_scope || sentence.find(U"从其规定") != std::u32string::npos) sentence.clear();
}

// `text` cut into sentences (at 。) and inline items, each without its boilerplate.
void split_segments(const std::string& text, std::vector<std::u32string>& out) {
  const std::u32string t = utf8::decode(text);
  std::u32string piece;
  auto flush = [&] {
    drop_boilerplate(piece);
    if (!piece.empty()) out.push_back(std::move(piece));
    piece.clear();
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (item_marker_at(t, i) && !piece.empty()) flush();
    piece.push_back(t[i]);
    if (t[i] == U'。') flush();
  }
  flush();
}

std::u32string folded(const std::u32string& raw) {
  std::u32string out;
  append_folded(out, utf8::encode(raw));
  return out;
}

// The article's comparable text less its boilerplate, and (with `segments`) its sentences and
// inline items.
std::u32string cleaned_text(const Article& a, std::vector<std::u32string>* segments) {
  std::vector<std::u32string> raw;
  auto add_item = [&](const auto& self, const Item& it) -> void {
    split_segments(it.text, raw);
    for (const Item& c : it.children) self(self, c);
  };
  for (const Paragraph& p : a.paragraphs) {
    split_segments(p.text, raw);
    for (const Item& it : p.items) add_item(add_item, it);
  }
  std::u32string whole;
  for (const std::u32string& s : raw) {
    std::u32string f = folded(s);
    whole += f;
    if (segments && !f.empty()) segments->push_back(std::move(f));
  }
  return whole;
}

void add_units(const LawText& law, std::size_t law_index, std::size_t min_part_chars, std::vector<Unit>& units,
               std::vector<std::u32string>& texts) {
  for (std::size_t i = 0; i < law.articles.size(); ++i) {
    const Article& a = law.articles[i];
    std::u32string whole = cleaned_text(a, nullptr);
    if (whole.empty()) continue;  // a basis or scope clause alone
    units.push_back({law_index, i, 0, 0});
    texts.push_back(std::move(whole));
    std::size_t parts = 0;
    for (const Paragraph& p : a.paragraphs) parts += 1 + p.items.size();
    if (parts < 2) continue;  // a one-part article is its whole
    for (const Paragraph& p : a.paragraphs) {
      std::u32string own;
      append_folded(own, p.text);
      if (own.size() >= min_part_chars) {
        units.push_back({law_index, i, p.number, 0});
        texts.push_back(std::move(own));
      }
      for (const Item& it : p.items) {
        std::u32string t;
        append_item(t, it);
        if (t.size() < min_part_chars) continue;
        units.push_back({law_index, i, p.number, it.number});
        texts.push_back(std::move(t));
      }
    }
  }
}

// The local side: each article whole, then its segments (paragraph 1: a segment, not a paragraph).
void add_local_units(const LawText& law, std::size_t min_part_chars, std::vector<Unit>& units, std::vector<std::u32string>& texts) {
  for (std::size_t i = 0; i < law.articles.size(); ++i) {
    const Article& a = law.articles[i];
    if (is_commencement_clause(a)) continue;
    std::vector<std::u32string> segments;
    std::u32string whole = cleaned_text(a, &segments);
    if (whole.empty()) continue;
    units.push_back({0, i, 0, 0});
    texts.push_back(std::move(whole));
    if (segments.size() < 2) continue;
    for (std::u32string& s : segments) {
      if (s.size() < min_part_chars) continue;
      units.push_back({0, i, 1, 0});
      texts.push_back(std::move(s));
    }
  }
}

}  // namespace

std::vector<ImplementationRow> implementation_scores(const LawText& local, const std::vector<const LawText*>& parents,
                                                    const ImplementationOptions& options) {
  std::vector<Unit> rows, cols;
  std::vector<std::u32string> row_texts, col_texts;
  add_local_units(local, options.min_part_chars, rows, row_texts);
  for (std::size_t p = 0; p < parents.size(); ++p) add_units(*parents[p], p, options.min_part_chars, cols, col_texts);
  // idf over the local text and its parents together, so that what they all share (国家安全机关,
  // 反间谍) weighs little against what one provision says; each article counted once, not again
  // for each of its paragraphs, items and sentences (a long list's words were taken as common).
  std::vector<bool> counted;
  for (const std::vector<Unit>* units : {&rows, &cols})
    for (const Unit& u : *units) counted.push_back(u.paragraph == 0 && u.item == 0);
  const SimilarityMatrix sim(row_texts, col_texts, Grams::BigramsAndTrigrams, &counted);

  // National articles: [begin, end) of their units in cols.
  std::vector<std::pair<std::size_t, std::size_t>> national;
  for (std::size_t c = 0; c < cols.size();) {
    std::size_t c_end = c;
    while (c_end < cols.size() && cols[c_end].law == cols[c].law && cols[c_end].article == cols[c].article) ++c_end;
    if (!is_commencement_text(col_texts[c])) national.emplace_back(c, c_end);
    c = c_end;
  }
  // Each local row against every national article: its best unit.
  std::vector<ImplementationRow> out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ImplementationRow& row = out[i];
    row.from = rows[i].article;
    row.whole = i == 0 || rows[i - 1].article != rows[i].article;
    row.text = std::move(row_texts[i]);
    row.scores.resize(national.size());
    for (std::size_t n = 0; n < national.size(); ++n) {
      const auto [c, c_end] = national[n];
      ImplementationMatch best{row.from, cols[c].law, cols[c].article, 0, 0, 0.0};
      for (std::size_t j = c; j < c_end; ++j)
        if (sim(i, j) > best.score) {
          best.score = sim(i, j);
          best.paragraph = cols[j].paragraph;
          best.item = cols[j].item;
        }
      row.scores[n] = best;
    }
  }
  return out;
}

namespace {

// The first `n` of `scores`, best first (equals in order), that reach `floor` and `share` of
// the best: a pass keeping the few best, no sort (a parent may have a thousand articles).
std::vector<ImplementationMatch> top(const std::vector<ImplementationMatch>& scores, std::size_t n, double floor, double share) {
  std::vector<ImplementationMatch> best;
  for (const ImplementationMatch& m : scores) {
    if (m.score < floor) continue;
    const auto at = std::find_if(best.begin(), best.end(), [&](const ImplementationMatch& b) { return m.score > b.score; });
    if (static_cast<std::size_t>(at - best.begin()) >= n) continue;
    best.insert(at, m);
    if (best.size() > n) best.pop_back();
  }
  while (!best.empty() && best.back().score < best.front().score * share) best.pop_back();
  return best;
}

// A law's title less what every title of its kind has: 中华人民共和国反间谍法实施细则 -> 反间谍.
std::u32string title_stem(const std::string& title) {
  std::u32string t = folded(utf8::decode(title));
  const std::u32string_view state = U"中华人民共和国";
  if (t.rfind(state, 0) == 0) t.erase(0, state.size());
  for (const std::u32string_view tail : {U"实施细则", U"实施条例", U"实施办法"})
    if (t.size() > tail.size() && t.compare(t.size() - tail.size(), tail.size(), tail) == 0) t.resize(t.size() - tail.size());
  if (!t.empty() && t.back() == U'法') t.pop_back();
  return t.size() >= 2 ? t : std::u32string();
}

// `m` added to `picked`, or raising the score of the same national article there.
void add_pick(std::vector<ImplementationMatch>& picked, const ImplementationMatch& m) {
  auto it = std::find_if(picked.begin(), picked.end(), [&](const ImplementationMatch& x) { return x.parent == m.parent && x.to == m.to; });
  if (it == picked.end()) picked.push_back(m);
  else if (m.score > it->score) *it = m;
}

}  // namespace

std::vector<bool> mainly_implemented(const LawText& local, const std::vector<const LawText*>& parents) {
  const std::u32string title = folded(utf8::decode(local.title));
  std::vector<bool> main(parents.size(), false);
  for (std::size_t p = 0; p < parents.size(); ++p) {
    const std::u32string stem = title_stem(parents[p]->title);
    main[p] = !stem.empty() && title.find(stem) != std::u32string::npos;
  }
  // None named, or all: no preference.
  if (std::all_of(main.begin(), main.end(), [&](bool m) { return m == main.front(); })) main.assign(parents.size(), true);
  return main;
}

std::vector<ImplementationMatch> align_implementation(const LawText& local, const std::vector<const LawText*>& parents,
                                                      const ImplementationOptions& options) {
  std::vector<ImplementationRow> rows = implementation_scores(local, parents, options);
  // Ranked by similarity, a law the local text does not mainly implement weighed down (the NSL's
  // genus lists of duties share words with every counter-espionage list).
  const std::vector<bool> main = mainly_implemented(local, parents);
  for (ImplementationRow& row : rows)
    for (ImplementationMatch& m : row.scores)
      if (!main[m.parent]) m.score *= options.other_law_weight;
  // A row whose best is another law's article also names the main law's best article when that
  // is not far behind: a local duty restates its own law's duty as well as the genus.
  auto main_companion = [&](const ImplementationRow& row, std::vector<ImplementationMatch>& picked) {
    const ImplementationMatch* best = nullptr;
    const ImplementationMatch* best_main = nullptr;
    for (const ImplementationMatch& m : row.scores) {
      if (!best || m.score > best->score) best = &m;
      if (main[m.parent] && (!best_main || m.score > best_main->score)) best_main = &m;
    }
    if (!best || main[best->parent] || !best_main || best->score < options.companion_trigger) return;
    if (best_main->score >= options.companion_share * best->score && best_main->score >= options.companion_min_score)
      add_pick(picked, *best_main);
  };
  std::vector<ImplementationMatch> out;
  std::size_t r = 0;
  while (r < rows.size()) {
    std::size_t r_end = r + 1;
    while (r_end < rows.size() && !rows[r_end].whole) ++r_end;
    // The article as a whole against every national article (whole and part by part): the best
    // and up to two more close to it.
    std::vector<ImplementationMatch> picked = top(rows[r].scores, options.per_article, options.min_score, options.relative);
    // Each segment (a sentence, an item) on its own: its best national article when it clearly
    // reaches it, so that a long local article restating several national ones links to each.
    for (std::size_t i = r + 1; i < r_end; ++i)
      for (const ImplementationMatch& m : top(rows[i].scores, options.per_segment, options.segment_min_score, options.segment_relative))
        add_pick(picked, m);
    for (std::size_t i = r; i < r_end; ++i) main_companion(rows[i], picked);
    std::stable_sort(picked.begin(), picked.end(), [](const ImplementationMatch& x, const ImplementationMatch& y) { return x.score > y.score; });
    for (ImplementationMatch& m : picked)
      if (!main[m.parent]) m.score /= options.other_law_weight;  // the link keeps the similarity
    out.insert(out.end(), picked.begin(), picked.end());
    r = r_end;
  }
  return out;
}

}  // namespace lawref::links
