// A second signal beside the bag-of-words similarity: a phrase a local sentence shares with the
// national article that first uses it. A law introduces a system, a duty or a term in one article
// (国家建立…制度, 按照职责分工，密切配合) and later articles repeat its words; a local article that
// restates it takes over the phrase, where n-gram similarity sees only a few shared grams among
// many. Measured in bench/README.md, round nine.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace lawref::links {

// Per national law, computed once (it is kept with the law's other prepared units): each run of
// four CJK ideographs that at most `max_articles` of its articles hold, and the first of them (in
// the law's order). A gram in more articles is the law's common wording (反间谍安全防范工作 in
// every article of a chapter), whose first use says nothing of what a local article restates.
class FirstUses {
 public:
  static constexpr std::size_t gram = 4;
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  FirstUses() = default;
  // `articles`: each article's index and its text as compared, in the law's order.
  FirstUses(const std::vector<std::pair<std::size_t, std::u32string_view>>& articles, std::size_t max_articles);
  // The article that first uses the gram starting at text[at] (at + gram <= text.size()), or none
  // (not a run of ideographs, or in no article, or in more than max_articles).
  std::size_t first_article(std::u32string_view text, std::size_t at) const;
  std::size_t bytes() const;

 private:
  std::vector<std::uint64_t> keys_;      // sorted
  std::vector<std::uint32_t> articles_;  // the first article of keys_[k]
  // One bit per hash of a kept gram (8 KB): most grams of a local text are in no article of a
  // given law, and are told so without a search.
  std::vector<std::uint64_t> present_;
};

// The longest phrase of `text` whose every gram a law first uses in one and the same article:
// that law (its index in `laws`) and article, and its length in characters, counted where no
// other article reaches the same length (else chars 0: a tie names no article).
struct FirstUseAnchor {
  std::size_t law = 0, article = FirstUses::none;
  std::size_t chars = 0;
};
FirstUseAnchor longest_first_use(std::u32string_view text, const std::vector<const FirstUses*>& laws);

}  // namespace lawref::links
