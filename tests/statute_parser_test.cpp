// Structure of synthetic statutes (written for these tests; no real statute text).
#include <catch2/catch.hpp>

#include "statute_parser.h"

using namespace lawref;

namespace {

const char* kSample =
    "# 示例管理法\n"
    "\n"
    "2020年1月2日 某某会议通过\n"
    "\n"
    "2022年3月4日 某某会议修订\n"
    "\n"
    "<!-- INFO END -->\n"
    "\n"
    "## 第一章　总　则\n"
    "\n"
    "第一条 为了示例，制定本法。\n"
    "\n"
    "第二条 本法所称示例行为，是指下列行为：\n"
    "\n"
    "（一）第一种行为；\n"
    "\n"
    "（二）第二种行为：\n"
    "\n"
    "1.第一目；\n"
    "\n"
    "2.第二目；\n"
    "\n"
    "（三）第三种行为。\n"
    "\n"
    "前款规定以外的行为，不适用本法。\n"
    "\n"
    "## 第二章 管理\n"
    "\n"
    "### 第一节 一般规定\n"
    "\n"
    "第三条 示例机关负责管理。\n"
    "\n"
    "第三条之一 插入的条文。\n"
    "\n"
    "### 第二节 特别规定\n"
    "\n"
    "第四条 特别事项另行规定。\n"
    "\n"
    "## 第三章 附则\n"
    "\n"
    "第五条 本法自2022年5月1日起施行。\n";

}  // namespace

TEST_CASE("A synthetic statute parses into the expected tree", "[parser]") {
  const ParseResult r = parse_statute(kSample);
  REQUIRE(r.ok());
  CHECK_FALSE(r.diagnostics.has_warnings());
  const LawText& law = r.law;
  CHECK(law.title == "示例管理法");
  REQUIRE(law.preamble.size() == 2);
  CHECK(law.preamble[1] == "2022年3月4日 某某会议修订");

  REQUIRE(law.divisions.size() == 5);
  CHECK(law.divisions[0].num == "第一章");
  CHECK(law.divisions[0].heading == "总　则");
  CHECK(law.divisions[2].kind == DivisionKind::Section);
  CHECK(law.divisions[2].parent == 1);
  CHECK(law.divisions[3].parent == 1);
  CHECK(law.divisions[4].parent == -1);

  REQUIRE(law.articles.size() == 6);
  const Article& a2 = law.articles[1];
  CHECK(a2.num == "第二条");
  CHECK(a2.division == 0);
  REQUIRE(a2.paragraphs.size() == 2);
  CHECK(a2.paragraphs[0].text == "本法所称示例行为，是指下列行为：");
  REQUIRE(a2.paragraphs[0].items.size() == 3);
  CHECK(a2.paragraphs[0].items[1].num == "（二）");
  REQUIRE(a2.paragraphs[0].items[1].children.size() == 2);
  CHECK(a2.paragraphs[0].items[1].children[1].number == 2);
  CHECK(a2.paragraphs[0].items[1].children[1].text == "第二目；");
  CHECK(a2.paragraphs[1].number == 2);
  CHECK(a2.paragraphs[1].text == "前款规定以外的行为，不适用本法。");

  const Article* inserted = law.find_article(3, 1);
  REQUIRE(inserted);
  CHECK(inserted->num == "第三条之一");
  CHECK(inserted->division == 2);
  CHECK(law.find_article(4)->division == 3);
  CHECK(law.divisions[3].first_article == 4);
}

TEST_CASE("CRLF, BOM-free text, trailing and full-width spaces do not change the result", "[parser]") {
  std::string crlf;
  for (const char* p = kSample; *p; ++p) {
    if (*p == '\n') crlf += "  \u3000\r\n";
    else crlf += *p;
  }
  const ParseResult a = parse_statute(kSample);
  const ParseResult b = parse_statute(crlf);
  REQUIRE(b.ok());
  CHECK(a.law == b.law);
}

TEST_CASE("Old Mac line ends (a lone CR) separate lines too", "[parser]") {
  const ParseResult r = parse_statute("# 示例法\r第一条 甲。\r乙。\r\n第二条 丙。");
  REQUIRE(r.ok());
  REQUIRE(r.law.articles.size() == 2);
  CHECK(r.law.articles[0].paragraphs.size() == 2);
  CHECK(r.law.articles[1].source_line == 4);
}

TEST_CASE("Plain text without markdown markers parses the same structure", "[parser]") {
  const char* plain =
      "示例条例\n"
      "第一章 总则\n"
      "第一条　为了示例，制定本条例。\n"
      "第二条　示例机关负责实施。\n"
      "示例机关应当公开信息。\n"
      "第二章 附则\n"
      "第三条　本条例自公布之日起施行。\n";
  const ParseResult r = parse_statute(plain);
  REQUIRE(r.ok());
  CHECK(r.law.title == "示例条例");
  CHECK(r.law.divisions.size() == 2);
  REQUIRE(r.law.articles.size() == 3);
  CHECK(r.law.articles[1].paragraphs.size() == 2);
  CHECK(r.law.articles[2].division == 1);
}

TEST_CASE("An article heading alone on its line takes the next line as its first paragraph", "[parser]") {
  const ParseResult r = parse_statute("# 示例法\n\n第一条\n\n为了示例，制定本法。\n\n第二条 其他。\n");
  REQUIRE(r.ok());
  REQUIRE(r.law.articles[0].paragraphs.size() == 1);
  CHECK(r.law.articles[0].paragraphs[0].text == "为了示例，制定本法。");
}

TEST_CASE("Quirks of real texts are tolerated and reported", "[parser]") {
  SECTION("missing opening bracket") {
    const ParseResult r = parse_statute("# 示例法\n第一条 下列行为：\n（一）甲；\n二）乙；\n（三）丙。\n");
    REQUIRE(r.ok());
    CHECK(r.law.articles[0].paragraphs[0].items.size() == 3);
    CHECK(r.law.articles[0].paragraphs[0].items[1].num == "二）");
    REQUIRE(r.diagnostics.items.size() == 1);
    CHECK(r.diagnostics.items[0].code == "missing-bracket");
    CHECK(r.diagnostics.items[0].line == 4);
  }
  SECTION("a heading wrapped over two lines") {
    const ParseResult r = parse_statute("# 示例法\n## 第一章 关于甲、乙和\n丙的规定\n第一条 正文。\n");
    REQUIRE(r.ok());
    CHECK(r.law.divisions[0].heading == "关于甲、乙和丙的规定");
    CHECK(r.diagnostics.items[0].code == "wrapped-heading");
  }
  SECTION("an item continued on its own line") {
    const ParseResult r = parse_statute("# 示例法\n第一条 下列场合：\n（一）甲会议；\n乙会议；\n（二）丙会议。\n");
    REQUIRE(r.ok());
    const Paragraph& p = r.law.articles[0].paragraphs[0];
    REQUIRE(p.items.size() == 2);
    CHECK(p.items[0].text == "甲会议；\n乙会议；");
    CHECK(r.law.articles[0].paragraphs.size() == 1);
    CHECK(r.diagnostics.items[0].code == "item-continuation");
  }
  SECTION("several articles on one line") {
    const ParseResult r = parse_statute("# 示例法\n第一条 甲。 第二条 乙。 第三条 丙。\n第四条 丁。\n");
    REQUIRE(r.ok());
    REQUIRE(r.law.articles.size() == 4);
    CHECK(r.law.articles[1].paragraphs[0].text == "乙。");
    CHECK(r.diagnostics.items[0].code == "articles-on-one-line");
  }
  SECTION("a space before 条") {
    const ParseResult r = parse_statute("# 示例法\n第一条 甲。\n第二 条乙。\n");
    REQUIRE(r.ok());
    CHECK(r.law.articles[1].paragraphs[0].text == "乙。");
    CHECK(r.diagnostics.items[0].code == "space-in-article-number");
  }
  SECTION("an appendix after the last article") {
    const ParseResult r = parse_statute("# 示例法\n第一条 甲。\n附：\n示例目录\n## 一、第一类\n（一）某业务\n");
    REQUIRE(r.ok());
    CHECK(r.law.articles[0].paragraphs.size() == 1);
    CHECK(r.law.appendix == std::vector<std::string>{"附：", "示例目录", "一、第一类", "（一）某业务"});
    CHECK(r.law.divisions.empty());
  }
  SECTION("numbered group headings of a judicial interpretation") {
    const ParseResult r = parse_statute("# 示例解释\n## 一、管辖\n第一条 甲。\n## 二、审理\n第二条 乙。\n");
    REQUIRE(r.ok());
    REQUIRE(r.law.divisions.size() == 2);
    CHECK(r.law.divisions[1].num == "二、");
    CHECK(r.law.divisions[1].heading == "审理");
    CHECK(r.law.articles[1].division == 1);
  }
  SECTION("an unreadable article number is pointed out") {
    const ParseResult r = parse_statute("# 示例法\n第一条 甲。\n第二－条 乙。\n第三条 丙。\n", {"zh", false});
    bool pointed = false;
    for (const auto& d : r.diagnostics.items) pointed = pointed || (d.code == "unreadable-article-number" && d.line == 3);
    CHECK(pointed);
  }
  SECTION("chapters numbered through the whole law across 编") {
    const ParseResult r = parse_statute("# 示例法\n## 第一编 甲\n### 第一章 子\n第一条 甲。\n## 第二编 乙\n### 第二章 丑\n第二条 乙。\n");
    REQUIRE(r.ok());
    CHECK_FALSE(r.diagnostics.has_warnings());
    CHECK(r.law.divisions[3].parent == 2);
  }
  SECTION("items whose numbers the source left out, after a lead-in") {
    const ParseResult r = parse_statute("# 示例法\n第一条 应当采取下列措施：\n建立甲；\n建立乙；\n（三）建立丙。\n另一款。\n");
    REQUIRE(r.ok());
    const Article& a = r.law.articles[0];
    REQUIRE(a.paragraphs.size() == 2);
    REQUIRE(a.paragraphs[0].items.size() == 3);
    CHECK(a.paragraphs[0].items[0].number == 1);
    CHECK(a.paragraphs[0].items[0].num.empty());  // as written: no number
    CHECK(a.paragraphs[0].items[1].text == "建立乙；");
    CHECK(a.paragraphs[0].items[2].num == "（三）");
    CHECK(a.paragraphs[1].text == "另一款。");
    REQUIRE(r.diagnostics.items.size() == 1);
    CHECK(r.diagnostics.items[0].code == "unnumbered-items");
    CHECK(r.diagnostics.items[0].line == 5);
  }
  SECTION("plain paragraphs before an item are not items when no lead-in announces them") {
    const ParseResult r = parse_statute("# 示例法\n第一条 甲。\n乙。\n（二）丙。\n", {"zh", false});
    CHECK(r.law.articles[0].paragraphs.size() == 2);
    CHECK(r.law.articles[0].paragraphs[1].items.size() == 1);
  }
  SECTION("a missing chapter is reported") {
    const ParseResult r = parse_statute("# 示例法\n## 第一章 甲\n第一条 甲。\n## 第三章 丙\n第二条 乙。\n");
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.items.size() == 1);
    CHECK(r.diagnostics.items[0].code == "division-numbering");
  }
}

TEST_CASE("The collection's comment lines are metadata, never statute text", "[parser]") {
  const ParseResult r = parse_statute(
      "# 示例条例\n\n2021年9月29日 某会议通过\n\n<!-- LEGAL_HEADER_END -->\n<!-- SOURCE: 国家法律法规数据库(flk.npc.gov.cn) -->\n"
      "<!-- STATUS: 已修改 -->\n\n<!-- EFFECTIVE_FROM: 2021-11-01 -->\n\n第一条 甲。\n<!-- NOTE: 条文中的注释 -->\n第二条 乙。");
  REQUIRE(r.ok());
  CHECK(r.law.preamble == std::vector<std::string>{"2021年9月29日 某会议通过"});
  REQUIRE(r.law.source_metadata.size() == 3);
  CHECK(r.law.source_metadata[0] == std::pair<std::string, std::string>{"SOURCE", "国家法律法规数据库(flk.npc.gov.cn)"});
  CHECK(r.law.metadata("STATUS") == "已修改");
  CHECK(r.law.metadata("EFFECTIVE_FROM") == "2021-11-01");
  CHECK(r.law.metadata("NOTE").empty());  // only the header carries metadata
  CHECK(r.law.articles.size() == 2);
  CHECK(r.law.articles[0].paragraphs.size() == 1);
  CHECK(r.law.articles[1].paragraphs[0].text == "乙。");  // a last line without newline
}

TEST_CASE("English text parses with the English recognisers", "[parser]") {
  const char* en =
      "Sample Law\n"
      "Chapter I General Provisions\n"
      "Article 1 This Law is formulated for testing.\n"
      "Article 2 The following acts are covered:\n"
      "(1) the first act;\n"
      "(2) the second act:\n"
      "(a) a detail;\n"
      "Other acts are not covered.\n"
      "Chapter II Supplementary Provisions\n"
      "Article 3 This Law takes effect on the date of promulgation.\n";
  ParseOptions options;
  options.lang = "en";
  const ParseResult r = parse_statute(en, options);
  REQUIRE(r.ok());
  CHECK(r.law.lang == "en");
  CHECK(r.law.title == "Sample Law");
  REQUIRE(r.law.divisions.size() == 2);
  CHECK(r.law.divisions[1].number == 2);
  REQUIRE(r.law.articles.size() == 3);
  const Article& a2 = r.law.articles[1];
  REQUIRE(a2.paragraphs.size() == 2);
  REQUIRE(a2.paragraphs[0].items.size() == 2);
  CHECK(a2.paragraphs[0].items[1].children.size() == 1);
  CHECK(a2.paragraphs[1].text == "Other acts are not covered.");
}
