#include "article_alignment.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
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

}  // namespace

std::u32string comparable_text(const Article& article) {
  std::u32string out;
  for (const Paragraph& p : article.paragraphs) {
    append_folded(out, p.text);
    for (const Item& it : p.items) append_item(out, it);
  }
  return out;
}

bool is_commencement_clause(const Article& article) {
  const std::u32string t = comparable_text(article);
  return t.size() <= 80 && !t.empty() && t[0] == U'本' && t.find(U"施行") != std::u32string::npos &&
         (t.find(U"自") != std::u32string::npos || t.find(U"起") != std::u32string::npos);
}

SimilarityMatrix::SimilarityMatrix(const LawText& a, const LawText& b) : rows_(a.articles.size()), cols_(b.articles.size()) {
  // Bigrams numbered densely; term frequencies per article.
  std::unordered_map<std::uint64_t, std::uint32_t> number;
  std::vector<std::vector<std::pair<std::uint32_t, int>>> tfs;
  tfs.reserve(rows_ + cols_);
  std::vector<int> df;
  for (const LawText* law : {&a, &b})
    for (const Article& art : law->articles) {
      std::unordered_map<std::uint32_t, int> tf;
      const std::u32string t = comparable_text(art);
      auto add = [&](std::uint64_t g) {
        const auto [it, fresh] = number.emplace(g, static_cast<std::uint32_t>(number.size()));
        if (fresh) df.push_back(0);
        ++tf[it->second];
      };
      for (std::size_t i = 0; i + 1 < t.size(); ++i) add(bigram(t[i], t[i + 1]));
      if (t.size() == 1) add(bigram(t[0], 0));
      for (const auto& [g, n] : tf) ++df[g];
      tfs.emplace_back(tf.begin(), tf.end());
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

VersionAlignment align_versions(const LawText& old_law, const LawText& new_law, const AlignmentOptions& options) {
  const SimilarityMatrix sim(old_law, new_law);
  std::vector<ArticleMatch> pairs;
  for (std::size_t i = 0; i < sim.rows(); ++i)
    for (std::size_t j = 0; j < sim.cols(); ++j)
      if (sim(i, j) >= options.pair_threshold) pairs.push_back({i, j, sim(i, j), {}});
  // Best pairs first; ties go to the pair closest to the diagonal, then document order.
  std::stable_sort(pairs.begin(), pairs.end(), [](const ArticleMatch& x, const ArticleMatch& y) { return x.score > y.score; });

  VersionAlignment out;
  std::vector<bool> old_used(sim.rows(), false), new_used(sim.cols(), false);
  for (const ArticleMatch& p : pairs) {
    if (old_used[p.from] || new_used[p.to]) continue;
    old_used[p.from] = new_used[p.to] = true;
    ArticleMatch m = p;
    m.basis = comparable_text(old_law.articles[p.from]) == comparable_text(new_law.articles[p.to]) ? "same" : "changed";
    out.matches.push_back(m);
  }
  // Commencement clauses (本法自…施行) continue each other whatever their dates say.
  if (sim.rows() && sim.cols()) {
    const std::size_t i = sim.rows() - 1, j = sim.cols() - 1;
    if (!old_used[i] && !new_used[j] && is_commencement_clause(old_law.articles[i]) && is_commencement_clause(new_law.articles[j])) {
      old_used[i] = new_used[j] = true;
      out.matches.push_back({i, j, sim(i, j), "changed"});
    }
  }
  // A new article left over that takes much of one old article: a split. An old one left
  // over that went largely into one new article: a merge.
  for (std::size_t j = 0; j < sim.cols(); ++j) {
    if (new_used[j]) continue;
    std::size_t best = sim.rows();
    for (std::size_t i = 0; i < sim.rows(); ++i)
      if (sim(i, j) >= options.split_threshold && (best == sim.rows() || sim(i, j) > sim(best, j))) best = i;
    if (best < sim.rows()) {
      out.matches.push_back({best, j, sim(best, j), "split"});
      new_used[j] = true;
    }
  }
  for (std::size_t i = 0; i < sim.rows(); ++i) {
    if (old_used[i]) continue;
    std::size_t best = sim.cols();
    for (std::size_t j = 0; j < sim.cols(); ++j)
      if (sim(i, j) >= options.split_threshold && (best == sim.cols() || sim(i, j) > sim(i, best))) best = j;
    if (best < sim.cols()) {
      out.matches.push_back({i, best, sim(i, best), "merged"});
      old_used[i] = true;
    }
  }
  for (std::size_t i = 0; i < sim.rows(); ++i)
    if (!old_used[i]) out.dropped.push_back(i);
  for (std::size_t j = 0; j < sim.cols(); ++j)
    if (!new_used[j]) out.added.push_back(j);
  std::sort(out.matches.begin(), out.matches.end(),
            [](const ArticleMatch& x, const ArticleMatch& y) { return std::tie(x.from, x.to) < std::tie(y.from, y.to); });
  return out;
}

std::vector<ArticleMatch> align_implementation(const LawText& local, const LawText& national, const ImplementationOptions& options) {
  const SimilarityMatrix sim(local, national);
  std::vector<bool> national_skip(sim.cols());
  for (std::size_t j = 0; j < sim.cols(); ++j) national_skip[j] = is_commencement_clause(national.articles[j]);
  std::vector<ArticleMatch> out;
  for (std::size_t i = 0; i < sim.rows(); ++i) {
    if (is_commencement_clause(local.articles[i])) continue;
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
