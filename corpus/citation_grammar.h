// The grammar of a provision designation, one for the citation parser (what a user types) and
// the reference extractor (what a statute's own text cites). It reads folded text
// (text_folding.h: full-width digits and brackets are ASCII by then):
//   chain       := designation+                 each a unit below the one before: 第四条第一款第(三)项
//   designation := 第 number {(、|至) number} unit [之 number]     之N only after 条: 第二十条之一
//   number      := numeral | (numeral)          三, (三), 3: Chinese, Arabic, 〇-digit forms
//   unit        := 条 | 款 | 项 | 目
// One set of limits, below, holds for both readers.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "numerals.h"
#include "provision_id.h"

namespace lawref::citation {

// The divisions a designation names, from the top down.
enum class Unit : std::uint8_t { Article, Paragraph, Item, Subitem };  // 条 款 项 目

// The largest number of any unit (and of 之N) is the numeral reader's: a number too large for
// the law names a provision it lacks, which lookups ("no article 1000000 in 反间谍法") and the
// link graph report; refused here it would vanish (the extractor once stopped at 100000, the
// parser's 款/项/目 at 10000, its 条 at this limit, its 之N at none).
inline constexpr long long kMaxNumber = kMaxNumeral;
// Numbers sharing one unit: 第三、四款 (each of them), 第(一)至(三)项 (the range); 至 also joins
// whole designations in statute text (第三条至第五条).
inline constexpr char32_t kEach = U'、';
inline constexpr char32_t kThrough = U'至';

// The longest range, 第一条至第二百条: a longer one is more likely a misreading than a citation.
inline constexpr int kMaxRangeSpan = 200;

enum class Refusal : std::uint8_t {
  None,
  NoNumeral,        // 第 not followed by a numeral: 第 alone, 前述
  UnclosedBracket,  // 第(三项
  BadNumber,        // a numeral that is no number in 1…kMaxNumber: 第零条, 第一百二条 (colloquial 120),
                    // or longer than parse_number reads (16 characters)
  NoUnit,           // a number not followed by 条款项目: 第三次, 第一章, 第十四条第二 at the end
};

struct Designation {
  Refusal refusal = Refusal::NoNumeral;
  std::optional<Unit> unit;  // the unit written after the number(s), if any (always, with no refusal)
  int number = 0;
  std::vector<int> more;  // the further numbers sharing the unit: 第三、四款 {4}, 第(一)至(三)项 {2, 3}
  int insertion = 0;      // 之N after 条
  // 之 then a numeral that is no number (之零): not an insertion; `end` stops before the 之.
  bool unreadable_insertion = false;
  std::size_t unit_at = 0;  // where the unit stands, or was expected
  std::size_t end = 0;      // past the designation (no refusal)
};

// The designation starting at `at` (at its 第).
Designation read_designation(std::u32string_view s, std::size_t at);

struct Chain {
  std::size_t designations = 0;  // how many were read; 0: none at `at`
  ProvisionPath path;            // the numbers written; 0 for units not written
  Unit first = Unit::Article;
  Unit last = Unit::Article;
  std::vector<int> more;              // the last designation's further numbers
  bool unreadable_insertion = false;  // the article's 之 is followed by a numeral that is no number
  std::size_t last_at = 0;            // where the last designation starts
  std::size_t end = 0;                // past the last designation (`at` when none)
  // What came next and ended the chain: a refusal, or (no refusal) a unit not below the last.
  // Not read when the last designation named several provisions (第三、四款第一项 is not
  // written in statutes); its refusal is then NoNumeral.
  Designation next;
};

// Designations one after another from `at`, the first of unit `top` or below.
Chain read_chain(std::u32string_view s, std::size_t at, Unit top = Unit::Article);

std::optional<Unit> unit_of(char32_t c);
// The number a path holds for a unit (article, paragraph, item or sub-item).
int& number_of(ProvisionPath& path, Unit unit);
int number_of(const ProvisionPath& path, Unit unit);

}  // namespace lawref::citation
