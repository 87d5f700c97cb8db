// The phrases a national law first uses in one article (implementation_alignment_anchors.h), on
// small synthetic texts written for these tests.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "implementation_alignment_anchors.h"

using namespace lawref::links;

namespace {

FirstUses first_uses(const std::vector<std::u32string>& articles, std::size_t max_articles = 10) {
  std::vector<std::pair<std::size_t, std::u32string_view>> numbered;
  for (std::size_t k = 0; k < articles.size(); ++k) numbered.emplace_back(k, articles[k]);
  return FirstUses(numbered, max_articles);
}

}  // namespace

TEST_CASE("A gram belongs to the first article that uses it", "[alignment][anchors]") {
  const FirstUses law = first_uses({U"国家建立重点单位名录制度", U"重点单位应当报告", U"主管机关监督检查重点单位"});
  const std::u32string text = U"本市重点单位名录和主管机关ab12";
  CHECK(law.first_article(text, 2) == 0);   // 重点单位: articles 0, 1 and 2 use it
  CHECK(law.first_article(text, 4) == 0);   // 单位名录
  CHECK(law.first_article(text, 9) == 2);   // 主管机关: article 2 only
  CHECK(law.first_article(text, 0) == FirstUses::none);   // 本市重点: no article
  CHECK(law.first_article(text, 11) == FirstUses::none);  // 机关ab: not four ideographs
  CHECK(law.bytes() > 0);
  CHECK(FirstUses().first_article(text, 2) == FirstUses::none);
  // The law's common wording is no one article's: 重点单位 is in three articles.
  const FirstUses capped = first_uses({U"国家建立重点单位名录制度", U"重点单位应当报告", U"主管机关监督检查重点单位"}, 2);
  CHECK(capped.first_article(text, 2) == FirstUses::none);
  CHECK(capped.first_article(text, 4) == 0);
  CHECK(capped.bytes() < law.bytes());
}

TEST_CASE("The longest phrase first used in one article names it; a tie names none", "[alignment][anchors]") {
  const FirstUses national = first_uses({U"国家建立重点单位名录管理制度", U"重点单位应当履行报告义务", U"有关部门按照职责分工密切配合"});
  const FirstUses other = first_uses({U"公民应当履行报告义务"});
  const std::vector<const FirstUses*> laws = {&other, &national};

  // 重点单位名录管理 (8 characters), first used in national art 0.
  FirstUseAnchor a = longest_first_use(U"本市编制重点单位名录管理办法", laws);
  CHECK(a.law == 1);
  CHECK(a.article == 0);
  CHECK(a.chars == 8);
  // The national art 1 repeats 重点单位, which art 0 used first: a phrase of art 1's own words only.
  a = longest_first_use(U"各单位按照职责分工密切配合做好工作", laws);
  CHECK(a.law == 1);
  CHECK(a.article == 2);
  CHECK(a.chars == 10);  // 按照职责分工密切配合
  // Two articles' phrases of the same length: no anchor.
  const FirstUses two = first_uses({U"甲乙丙丁戊", U"子丑寅卯辰"});
  CHECK(longest_first_use(U"甲乙丙丁戊和子丑寅卯辰", {&two}).chars == 0);
  CHECK(longest_first_use(U"甲乙丙丁戊和子丑寅卯", {&two}).chars == 5);
  // Nothing shared, or text shorter than a gram.
  CHECK(longest_first_use(U"完全不同的文字", laws).chars == 0);
  CHECK(longest_first_use(U"重点", laws).chars == 0);
}
