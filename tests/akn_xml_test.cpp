#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "akn_xml.h"
#include "catalog.h"
#include "importer.h"
#include "test_support.h"

using namespace lawref;

namespace {

LawText synthetic() {
  const char* text =
      "# 示例法\n2020年1月2日 通过\n## 第一编 总则\n### 第一章 一般规定\n第一条 甲。\n第一条之一 插入。\n"
      "### 第二章 定义\n#### 第一节 名词\n第二条 下列用语：\n（一）甲；\n1.子目；\n（二）乙。\n前款以外。\n"
      "## 第二编 分则\n### 第三章 其他\n第三条 丙，含<特殊>&字符\"'。\n附件：\n示例表\n";
  ParseResult r = parse_statute(text);
  REQUIRE(r.ok());
  r.law.law_id = "sample-2020";
  r.law.source = "sample.zh.md";
  return r.law;
}

}  // namespace

TEST_CASE("Akoma Ntoso round trip is lossless on a synthetic statute", "[akn]") {
  const LawText law = synthetic();
  const std::string xml = to_akn_xml(law, {"cn-cq", "2020-01-02", "shi"});
  const LawText back = from_akn_xml(xml);
  CHECK(back == law);
  CHECK(to_akn_xml(back, {"cn-cq", "2020-01-02", "shi"}) == xml);
}

TEST_CASE("The XML uses the documented elements and eIds", "[akn]") {
  const std::string xml = to_akn_xml(synthetic(), {"cn", "2020-01-02", ""});
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const pugi::xml_node act = doc.child("akomaNtoso").child("act");
  CHECK(std::string(doc.child("akomaNtoso").attribute("xmlns").value()) == kAknNamespace);
  CHECK(std::string(act.attribute("name").value()) == "sample-2020");
  CHECK(std::string(act.select_node("//FRBRlanguage").node().attribute("language").value()) == "zho");
  CHECK(std::string(act.select_node("//FRBRWork/FRBRuri").node().attribute("value").value()) == "/akn/cn/act/2020-01-02/sample-2020");
  CHECK(act.select_node("//part[@eId='part_1']/chapter[@eId='part_1__chp_1']/article[@eId='art_1']"));
  CHECK(act.select_node("//article[@eId='art_1-1']/num[text()='第一条之一']"));
  CHECK(act.select_node("//section[@eId='part_1__chp_2__sec_1']/article[@eId='art_2']"));
  const pugi::xml_node point = act.select_node("//point[@eId='art_2__para_1__point_1__point_1']").node();
  REQUIRE(point);
  CHECK(std::string(point.child("num").text().get()) == "1.");
  CHECK(std::string(act.select_node("//paragraph[@eId='art_2__para_1']/intro/p").node().text().get()) == "下列用语：");
  CHECK(std::string(act.select_node("//paragraph[@eId='art_2__para_2']/content/p").node().text().get()) == "前款以外。");
  CHECK(act.select_node("//conclusions/p[@class='appendix']"));
}

TEST_CASE("Every core statute survives the XML round trip", "[akn][core]") {
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{test::core_dir()}, {}});
  int laws = 0;
  for (const CatalogEntry& e : catalog.entries()) {
    if (e.texts.empty()) continue;
    const ParseResult r = load_text(e);
    INFO(e.info.id);
    REQUIRE(r.ok());
    const LawText back = from_akn_xml(to_akn_xml(r.law, akn_work_info(e.info)));
    CHECK(back == r.law);
    ++laws;
  }
  CHECK(laws == 9);
}

TEST_CASE("Broken or foreign XML gets a one-line error with a position", "[akn]") {
  const auto message = [](const std::string& xml) {
    try {
      from_akn_xml(xml);
    } catch (const AknError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("<akomaNtoso><act name='x'>") .rfind("broken XML at byte", 0) == 0);
  CHECK(message("") .rfind("broken XML", 0) == 0);
  CHECK(message("<html/>") == "not an Akoma Ntoso document (no <akomaNtoso> root)");
  CHECK(message("<akomaNtoso><act name='Bad Id'/></akomaNtoso>") == "<act name='Bad Id'> is not a valid law id");
  CHECK(message("<akomaNtoso><act name='x'><meta><identification><FRBRExpression><FRBRlanguage language='zho'/>"
                "</FRBRExpression></identification></meta><body><article eId='art_x'/></body></act></akomaNtoso>") ==
        "bad eId 'art_x'");
  CHECK(message("<akomaNtoso><act name='x'><meta><identification><FRBRExpression><FRBRlanguage language='zho'/>"
                "</FRBRExpression></identification></meta><body><table/></body></act></akomaNtoso>") ==
        "unsupported element <table> in the body");
}
