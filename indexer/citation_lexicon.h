// The words the reference extractor reads around citations in statute text (folded), one list
// per role; why each list holds what it holds is said where it is defined (citation_lexicon.cpp).
// The designations themselves (第N条第N款, 第三、四款) are citation_grammar.h's.
#pragma once
#include <cstddef>
#include <span>
#include <string_view>

namespace lawref::links::lexicon {

using Words = std::span<const std::u32string_view>;

// 本 + one of these: the citing law itself (本法, 本条例 …), longest first.
inline constexpr char32_t kThis = U'本';
extern const Words kSelfDesignators;
extern const std::u32string_view kSelfArticle;  // 本条: the citing article
// Characters before 本 that make it the end of another word (基本法, 成本, 资本).
extern const std::u32string_view kBeforeBenInWords;

// 前款, 前两款, 前项, 前条: provisions just before the citing one.
inline constexpr char32_t kBefore = U'前';
struct CountWord {
  char32_t word;
  int count;
};
extern const std::span<const CountWord> kBeforeCounts;  // 两 二 三 四

// Between the provisions of a list: 第十一条、第十二条和第十三条; longest first.
extern const Words kListSeparators;

// Law names written without 《》: the characters a known name ends in, the words after one that
// make it no citation (刑法修正案), the characters after 法 that start another word (保密法治).
extern const std::u32string_view kNameEndings;
extern const Words kNotCitingAfterName;
extern const std::u32string_view kWordStartsAfterFa;

// A law no one knows, just before 第: the endings of law names (婚姻法, …条例) and the words
// its name runs back to (依照, 违反, 的 …).
extern const Words kUnknownNameEndings;
extern const Words kWordsBeforeNames;

// 《X》(以下简称《Y》): the opening words, and the quotes removed from Y.
extern const std::u32string_view kAliasOpening;
extern const std::u32string_view kAliasQuotes;

// The length of the first word of `words` written at `at` in `s`, else 0.
std::size_t word_at(std::u32string_view s, std::size_t at, Words words);
// True when a word of `words` ends at `end` in `s`.
bool word_ends_at(std::u32string_view s, std::size_t end, Words words);

}  // namespace lawref::links::lexicon
