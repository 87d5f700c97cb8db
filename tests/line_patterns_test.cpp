#include <catch2/catch.hpp>

#include "line_patterns.h"
#include "utf8.h"

using namespace lawref;

namespace {
std::string s(std::u32string_view v) { return utf8::encode(v); }
}  // namespace

TEST_CASE("Every Chinese division heading form is recognised", "[patterns]") {
  struct Case {
    std::u32string line;
    bool markdown;
    DivisionKind kind;
    int number;
    const char* num;
    const char* heading;
  };
  const Case cases[] = {
      {U"第一章 总则", false, DivisionKind::Chapter, 1, "第一章", "总则"},
      {U"第一章　总　则", false, DivisionKind::Chapter, 1, "第一章", "总　则"},
      {U"第十二章", false, DivisionKind::Chapter, 12, "第十二章", ""},
      {U"第二节 调查处置", false, DivisionKind::Section, 2, "第二节", "调查处置"},
      {U"第一编 总则", false, DivisionKind::Part, 1, "第一编", "总则"},
      {U"第一分编 通则", false, DivisionKind::Subpart, 1, "第一分编", "通则"},
      {U"第五章附则", true, DivisionKind::Chapter, 5, "第五章", "附则"},
      {U"第５章 附则", false, DivisionKind::Chapter, 5, "第５章", "附则"},
  };
  for (const Case& c : cases) {
    INFO(s(c.line));
    const auto d = match_division_zh(c.line, c.markdown);
    REQUIRE(d.has_value());
    CHECK(d->kind == c.kind);
    CHECK(d->number == c.number);
    CHECK(s(d->num) == c.num);
    CHECK(s(d->heading) == c.heading);
  }
}

TEST_CASE("Sentences that start like headings are not headings", "[patterns]") {
  CHECK_FALSE(match_division_zh(U"第二章规定的事项，由国务院另行规定。", false));
  CHECK_FALSE(match_division_zh(U"第十条", false));
  CHECK_FALSE(match_article_zh(U"第二十条规定的措施，应当依法实施。"));
  CHECK_FALSE(match_article_zh(U"第三人明知的，不适用本条。"));
  CHECK_FALSE(match_article_zh(U"第三十－条 某条文"));
}

TEST_CASE("Article openings: numbers, insertions, separators", "[patterns]") {
  auto a = match_article_zh(U"第四条 本法所称");
  REQUIRE(a);
  CHECK(a->number == 4);
  CHECK(a->insertion == 0);
  CHECK(s(a->rest) == "本法所称");

  a = match_article_zh(U"第二十条之一　插入的条文");
  REQUIRE(a);
  CHECK(a->number == 20);
  CHECK(a->insertion == 1);
  CHECK(s(a->num) == "第二十条之一");

  a = match_article_zh(U"第１４条 全角");
  REQUIRE(a);
  CHECK(a->number == 14);

  a = match_article_zh(U"第一百零一条");
  REQUIRE(a);
  CHECK(a->number == 101);
  CHECK(a->rest.empty());

  a = match_article_zh(U"第一百二十八 条侦查人员");  // a space slipped before 条 in a real text
  REQUIRE(a);
  CHECK(a->number == 128);
  CHECK(a->space_before_tiao);
  CHECK(s(a->rest) == "侦查人员");

  CHECK(looks_like_unreadable_article_zh(U"第三十－条 某条文"));
  CHECK_FALSE(looks_like_unreadable_article_zh(U"第三十条 某条文"));
}

TEST_CASE("Item openings in every bracket form", "[patterns]") {
  struct Case {
    std::u32string line;
    int number;
    bool secondary;
    bool missing_bracket;
  };
  const Case cases[] = {
      {U"（一）全角括号", 1, false, false}, {U"(二)半角括号", 2, false, false}, {U"（三)混合", 3, false, false},
      {U"四）缺左括号", 4, false, true},    {U"1.目", 1, true, false},         {U"2．全角点", 2, true, false},
      {U"3、顿号", 3, true, false},         {U"（1）阿拉伯", 1, true, false},   {U"（十二）十二", 12, false, false},
  };
  for (const Case& c : cases) {
    INFO(s(c.line));
    const auto it = match_item_zh(c.line);
    REQUIRE(it);
    CHECK(it->number == c.number);
    CHECK(it->secondary == c.secondary);
    CHECK(it->missing_bracket == c.missing_bracket);
  }
  CHECK_FALSE(match_item_zh(U"1.5倍以下的罚款"));
  CHECK_FALSE(match_item_zh(U"一、将第十条修改为"));
  CHECK_FALSE(match_item_zh(U"国家安全机关"));
}

TEST_CASE("Group headings and appendix openings", "[patterns]") {
  const auto g = match_group_heading_zh(U"二、合同的履行");
  REQUIRE(g);
  CHECK(g->number == 2);
  CHECK(s(g->heading) == "合同的履行");
  CHECK(opens_appendix_zh(U"附："));
  CHECK(opens_appendix_zh(U"附件一"));
  CHECK(opens_appendix_zh(U"附表 收费标准"));
  CHECK_FALSE(opens_appendix_zh(U"附则"));
  CHECK_FALSE(opens_appendix_zh(U"附 则"));
  CHECK_FALSE(opens_appendix_zh(U"附近的居民应当配合。"));
}

TEST_CASE("Several articles on one line are found at sentence ends only", "[patterns]") {
  const std::u32string line = U"制定本规则。 第二条 凡适用本规则的。";
  CHECK(inline_article_start_zh(line, 2) == line.find(U'第'));
  CHECK(inline_article_start_zh(line, 3) == std::u32string_view::npos);
  CHECK(inline_article_start_zh(U"依照 第二条 处理。", 2) == std::u32string_view::npos);
}

TEST_CASE("English headings, articles and items", "[patterns]") {
  auto d = match_division_en(U"Chapter IV Legal Liability");
  REQUIRE(d);
  CHECK(d->kind == DivisionKind::Chapter);
  CHECK(d->number == 4);
  CHECK(s(d->heading) == "Legal Liability");
  d = match_division_en(U"Section 2: Investigation");
  REQUIRE(d);
  CHECK(d->number == 2);
  auto a = match_article_en(U"Article 14 Text of the article.");
  REQUIRE(a);
  CHECK(a->number == 14);
  CHECK(s(a->rest) == "Text of the article.");
  CHECK_FALSE(match_article_en(U"Articles 3 and 4 apply."));
  auto it = match_item_en(U"(3) third item");
  REQUIRE(it);
  CHECK(it->number == 3);
  CHECK_FALSE(it->secondary);
  it = match_item_en(U"(b) second sub-item");
  REQUIRE(it);
  CHECK(it->number == 2);
  CHECK(it->secondary);
}

TEST_CASE("Traditional-character headings (條, 節, 編) are recognised", "[patterns]") {
  auto a = match_article_zh(U"第十四條 條文");
  REQUIRE(a);
  CHECK(a->number == 14);
  auto d = match_division_zh(U"第二節 調查", false);
  REQUIRE(d);
  CHECK(d->kind == DivisionKind::Section);
  d = match_division_zh(U"第一分編 通則", false);
  REQUIRE(d);
  CHECK(d->kind == DivisionKind::Subpart);
}
