#include "article_alignment.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <unordered_map>

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

std::uint64_t bigram(char32_t a, char32_t b) { return (static_cast<std::uint64_t>(a) << 32) | b; }

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

SimilarityMatrix::SimilarityMatrix(const std::vector<std::u32string>& a, const std::vector<std::u32string>& b)
    : rows_(a.size()), cols_(b.size()) {
  // Bigrams numbered densely; term frequencies per text.
  std::unordered_map<std::uint64_t, std::uint32_t> number;
  std::vector<std::vector<std::pair<std::uint32_t, int>>> tfs;
  tfs.reserve(rows_ + cols_);
  std::vector<int> df;
  std::vector<std::uint32_t> ids;
  for (const auto* texts : {&a, &b})
    for (const std::u32string& t : *texts) {
      ids.clear();
      auto add = [&](std::uint64_t g) {
        const auto [it, fresh] = number.emplace(g, static_cast<std::uint32_t>(number.size()));
        if (fresh) df.push_back(0);
        ids.push_back(it->second);
      };
      for (std::size_t i = 0; i + 1 < t.size(); ++i) add(bigram(t[i], t[i + 1]));
      if (t.size() == 1) add(bigram(t[0], 0));
      // Term frequencies by sorting: far fewer allocations than a map per text.
      std::sort(ids.begin(), ids.end());
      std::vector<std::pair<std::uint32_t, int>> tf;
      for (std::size_t k = 0; k < ids.size();) {
        std::size_t e = k;
        while (e < ids.size() && ids[e] == ids[k]) ++e;
        tf.emplace_back(ids[k], static_cast<int>(e - k));
        ++df[ids[k]];
        k = e;
      }
      tfs.push_back(std::move(tf));
    }
  // tf-idf, unit length.
  const double total = static_cast<double>(tfs.size());
  std::vector<std::vector<std::pair<std::uint32_t, float>>> vectors(tfs.size());
  for (std::size_t k = 0; k < tfs.size(); ++k) {
    double norm = 0;
    for (const auto& [g, n] : tfs[k]) {
      const double w = (1.0 + std::log(static_cast<double>(n))) * std::log(1.0 + total / df[g]);
      vectors[k].emplace_back(g, static_cast<float>(w));
      norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto& e : vectors[k]) e.second = norm > 0 ? static_cast<float>(e.second / norm) : 0.0f;
  }
  // Dot products through an inverted list of b's articles: only shared bigrams cost anything.
  std::vector<std::vector<std::pair<std::uint32_t, float>>> postings(number.size());
  for (std::size_t j = 0; j < cols_; ++j)
    for (const auto& [g, w] : vectors[rows_ + j]) postings[g].emplace_back(static_cast<std::uint32_t>(j), w);
  scores_.assign(rows_ * cols_, 0.0f);
  for (std::size_t i = 0; i < rows_; ++i) {
    float* row = &scores_[i * cols_];
    for (const auto& [g, w] : vectors[i])
      for (const auto& [j, w2] : postings[g]) row[j] += w * w2;
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
        *primary = {i, j, sim(f, best), "changed"};
        linked.emplace(i, j);
        new_used[j] = true;
        new_used[freed] = std::any_of(out.matches.begin(), out.matches.end(), [&](const ArticleMatch& m) { return m.to == freed; });
        continue;
      }
    }
    linked.emplace(i, j);
    extra.push_back({i, j, sim(f, best), old_used[i] ? "split" : "merged"});
  }
  for (const ArticleMatch& m : extra) {
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
    m.basis = before[p.from] == after[p.to] ? "same" : "changed";
    out.matches.push_back(m);
  }
  // Commencement clauses (本法自…施行) continue each other whatever their dates say.
  if (sim.rows() && sim.cols()) {
    const std::size_t i = sim.rows() - 1, j = sim.cols() - 1;
    if (!old_used[i] && !new_used[j] && is_commencement_text(before[i]) && is_commencement_text(after[j])) {
      old_used[i] = new_used[j] = true;
      out.matches.push_back({i, j, sim(i, j), "changed"});
    }
  }
  // A new article left over that takes much of one old article: a split. An old one left
  // over that went largely into one new article: a merge.
  for (std::size_t j = 0; j < sim.cols(); ++j) {
    if (new_used[j]) continue;
    const std::size_t best = best_of(sim.rows(), options.split_threshold, [&](std::size_t i) { return sim(i, j); });
    if (best < sim.rows()) {
      out.matches.push_back({best, j, sim(best, j), "split"});
      new_used[j] = true;
    }
  }
  for (std::size_t i = 0; i < sim.rows(); ++i) {
    if (old_used[i]) continue;
    const std::size_t best = best_of(sim.cols(), options.split_threshold, [&](std::size_t j) { return sim(i, j); });
    if (best < sim.cols()) {
      out.matches.push_back({i, best, sim(i, best), "merged"});
      old_used[i] = true;
    }
  }
  add_fragment_matches(old_law, new_law, options, out, old_used, new_used);
  for (std::size_t i = 0; i < sim.rows(); ++i)
    if (!old_used[i]) out.dropped.push_back(i);
  for (std::size_t j = 0; j < sim.cols(); ++j)
    if (!new_used[j]) out.added.push_back(j);
  std::sort(out.matches.begin(), out.matches.end(),
            [](const ArticleMatch& x, const ArticleMatch& y) { return std::tie(x.from, x.to) < std::tie(y.from, y.to); });
  return out;
}

std::vector<ArticleMatch> align_implementation(const LawText& local, const LawText& national, const ImplementationOptions& options) {
  const std::vector<std::u32string> local_texts = article_texts(local), national_texts = article_texts(national);
  const SimilarityMatrix sim(local_texts, national_texts);
  std::vector<bool> national_skip(sim.cols());
  for (std::size_t j = 0; j < sim.cols(); ++j) national_skip[j] = is_commencement_text(national_texts[j]);
  std::vector<ArticleMatch> out;
  for (std::size_t i = 0; i < sim.rows(); ++i) {
    if (is_commencement_text(local_texts[i])) continue;
    std::vector<ArticleMatch> candidates;
    for (std::size_t j = 0; j < sim.cols(); ++j)
      if (!national_skip[j] && sim(i, j) >= options.min_score) candidates.push_back({i, j, sim(i, j), "similarity"});
    std::stable_sort(candidates.begin(), candidates.end(), [](const ArticleMatch& x, const ArticleMatch& y) { return x.score > y.score; });
    for (std::size_t k = 0; k < candidates.size() && k < options.per_article; ++k) {
      if (candidates[k].score < candidates[0].score * options.relative) break;
      out.push_back(candidates[k]);
    }
  }
  return out;
}

}  // namespace lawref::links
