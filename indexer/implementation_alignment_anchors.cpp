#include "implementation_alignment_anchors.h"

#include <algorithm>

namespace lawref::links {
namespace {

// Folded text keeps letters and digits too; a gram is four ideographs (every one in the BMP, so
// that four fit in 64 bits).
bool ideograph(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF); }

bool gram_key(std::u32string_view text, std::size_t at, std::uint64_t& key) {
  key = 0;
  for (std::size_t k = 0; k < FirstUses::gram; ++k) {
    const char32_t c = text[at + k];
    if (!ideograph(c)) return false;
    key = key << 16 | static_cast<std::uint64_t>(c);
  }
  return true;
}

constexpr std::size_t present_bits = 1 << 16;
std::size_t present_bit(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 48); }

}  // namespace

FirstUses::FirstUses(const std::vector<std::pair<std::size_t, std::u32string_view>>& articles, std::size_t max_articles) {
  // Sized exactly and sorted in place: a national law may have a thousand articles, and the build
  // prepares two at once (its peak of memory is what this adds to).
  std::size_t count = 0;
  std::uint64_t key = 0;
  for (const auto& [article, text] : articles)
    for (std::size_t i = 0; i + gram <= text.size(); ++i) count += gram_key(text, i, key) ? 1 : 0;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> grams;
  grams.reserve(count);
  for (const auto& [article, text] : articles)
    for (std::size_t i = 0; i + gram <= text.size(); ++i)
      if (gram_key(text, i, key)) grams.emplace_back(key, static_cast<std::uint32_t>(article));
  // By gram, then article: the articles come in the law's order, so a gram's first is its first use.
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());  // one use per article
  // [k, end) of each gram's uses, kept when few articles hold it.
  auto each_kept = [&](const auto& keep) {
    for (std::size_t k = 0; k < grams.size();) {
      std::size_t end = k + 1;
      while (end < grams.size() && grams[end].first == grams[k].first) ++end;
      if (end - k <= max_articles) keep(grams[k]);
      k = end;
    }
  };
  std::size_t kept = 0;
  each_kept([&](const auto&) { ++kept; });
  keys_.reserve(kept);
  articles_.reserve(kept);
  if (kept > 0) present_.assign(present_bits / 64, 0);
  each_kept([&](const std::pair<std::uint64_t, std::uint32_t>& g) {
    keys_.push_back(g.first);
    articles_.push_back(g.second);
    const std::size_t bit = present_bit(g.first);
    present_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  });
}

std::size_t FirstUses::first_article(std::u32string_view text, std::size_t at) const {
  std::uint64_t key = 0;
  if (keys_.empty() || !gram_key(text, at, key)) return none;
  const std::size_t bit = present_bit(key);
  if (!(present_[bit / 64] >> (bit % 64) & 1)) return none;
  const auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  return it != keys_.end() && *it == key ? articles_[static_cast<std::size_t>(it - keys_.begin())] : none;
}

std::size_t FirstUses::bytes() const {
  return (keys_.capacity() + present_.capacity()) * sizeof(std::uint64_t) + articles_.capacity() * sizeof(std::uint32_t);
}

FirstUseAnchor longest_first_use(std::u32string_view text, const std::vector<const FirstUses*>& laws) {
  FirstUseAnchor best;
  bool tied = false;
  // Per law: the article whose run ends at the current gram, and how many grams it has run.
  std::vector<std::size_t> article(laws.size(), FirstUses::none), run(laws.size(), 0);
  for (std::size_t i = 0; i + FirstUses::gram <= text.size(); ++i)
    for (std::size_t l = 0; l < laws.size(); ++l) {
      const std::size_t a = laws[l]->first_article(text, i);
      run[l] = a != FirstUses::none && a == article[l] ? run[l] + 1 : (a != FirstUses::none ? 1 : 0);
      article[l] = a;
      if (a == FirstUses::none) continue;
      const std::size_t chars = run[l] + FirstUses::gram - 1;
      if (chars > best.chars) {
        best = {l, a, chars};
        tied = false;
      } else if (chars == best.chars && (l != best.law || a != best.article)) {
        tied = true;
      }
    }
  if (tied) best.chars = 0;
  return best;
}

}  // namespace lawref::links
