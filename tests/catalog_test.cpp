#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "akn_xml.h"
#include "auto_describe.h"
#include "catalog.h"
#include "file_io.h"
#include "importer.h"
#include "statute_parser.h"
#include "test_support.h"

using namespace lawref;

namespace {

// A synthetic statute of `n` articles, marked as such in every article.
std::string synthetic_statute(const std::string& title, int n, const std::string& history = "") {
  std::string s = "# " + title + "\n\n" + history + "\n\n";
  for (int i = 1; i <= n; ++i) s += "第" + std::to_string(i) + "条 合成测试文本，并非任何法规原文。\n\n";
  return s;
}

}  // namespace

TEST_CASE("Unregistered files get automatic ids and metadata", "[catalog]") {
  test::TempDir dir;
  dir.write("示例保护条例(2021-05-06).md", synthetic_statute("重庆市示例保护条例", 3, "2021年5月6日 某会议通过"));
  dir.write("DLC/广东地方法规/某市示例条例(2019-01-02).md", synthetic_statute("某市示例条例", 2));
  dir.write("部门规章/某部/示例办法.md", synthetic_statute("示例办法", 2));
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{dir.path}, {}});
  REQUIRE(catalog.entries().size() == Registry::builtin().laws().size() + 3);

  const CatalogEntry* cq = catalog.find("chongqingshishilibaohutiaoli-2021");
  REQUIRE(cq);
  CHECK_FALSE(cq->info.registered);
  CHECK(cq->info.level == LawLevel::LocalRegulation);
  CHECK(cq->info.jurisdiction == "chongqing");
  CHECK(cq->info.adopted == "2021-05-06");
  CHECK(akn_work_info(cq->info).country == "cn-cq");

  const CatalogEntry* gd = catalog.find("moushishilitiaoli-2019");
  REQUIRE(gd);
  CHECK(gd->info.jurisdiction == "guangdong");
  const CatalogEntry* rule = catalog.find("shilibanfa");
  REQUIRE(rule);
  CHECK(rule->info.level == LawLevel::DepartmentalRule);
  CHECK(catalog.registry().find("shilibanfa"));
}

TEST_CASE("Automatic ids do not depend on folders, and collisions get a file-name hash", "[catalog]") {
  test::TempDir a, b;
  a.write("x/示例法(2020-01-01).md", synthetic_statute("示例法", 1));
  b.write("y/z/示例法(2020-01-01).md", synthetic_statute("示例法", 1));
  const Catalog ca = Catalog::scan(Registry::builtin(), {{a.path}, {}});
  const Catalog cb = Catalog::scan(Registry::builtin(), {{b.path}, {}});
  CHECK(ca.find("shilifa-2020"));
  CHECK(cb.find("shilifa-2020"));

  test::TempDir c;
  c.write("示例法(2020-01-01).md", synthetic_statute("示例法", 1));
  c.write("示例法(2020-06-01).md", synthetic_statute("示例法", 2));
  const Catalog cc = Catalog::scan(Registry::builtin(), {{c.path}, {}});
  CHECK_FALSE(cc.find("shilifa-2020"));
  CHECK(cc.entries().size() == Registry::builtin().laws().size() + 2);
  CHECK(cc.find("shilifa-2020-" + short_hash("示例法(2020-01-01).md", 6)));
}

TEST_CASE("A file with a registry law's title is recognised, and another version of it is not", "[catalog]") {
  test::TempDir dir;
  dir.write("cq.md", synthetic_statute("重庆市反间谍工作条例", 29, "2023年7月27日 会议通过"));
  dir.write("old.md", synthetic_statute("中华人民共和国保守国家秘密法", 2, "2010年4月29日 会议修订"));
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{dir.path}, {}});
  const CatalogEntry* cq = catalog.find("cq-cer-2023");
  REQUIRE(cq->text("zh"));
  CHECK(cq->text("zh")->path.filename() == "cq.md");
  CHECK(cq->texts.size() == 2);  // and lawref's translation beside it
  CHECK(catalog.find("ssl-2024")->texts.empty());
  CHECK(catalog.find("baoshouguojiamimifa"));
}

TEST_CASE("Imported XML is found and wins over a source file", "[catalog]") {
  test::TempDir sources, imported;
  const auto md = sources.write("示例法.md", synthetic_statute("示例法", 2));
  ParseResult r = import_statute_file(md);
  REQUIRE(r.ok());
  r.law.law_id = "shilifa";
  write_file_atomic(imported.path / "shilifa.zh.xml", to_akn_xml(r.law));
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{sources.path}, imported.path});
  const CatalogEntry* e = catalog.find("shilifa");
  REQUIRE(e);
  REQUIRE(e->texts.size() == 1);
  CHECK(e->texts[0].xml);
  CHECK(load_text(*e).law == r.law);
}

TEST_CASE("A missing source folder and broken imported XML are reported, not fatal", "[catalog]") {
  test::TempDir imported;
  imported.write("broken.zh.xml", "<akomaNtoso><act");
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{imported.path / "nope"}, imported.path});
  REQUIRE(catalog.problems().size() == 2);
  CHECK(catalog.problems()[0].kind == CatalogProblemKind::MissingSource);
  CHECK(catalog.problems()[0].message().find("does not exist") != std::string::npos);
  CHECK(catalog.problems()[1].kind == CatalogProblemKind::BadXml);
  CHECK(catalog.problems()[1].message().find("broken XML at byte") != std::string::npos);
  CHECK(catalog.entries().size() == Registry::builtin().laws().size());
}

TEST_CASE("Files of one title and different dates are versions of one work, in order", "[catalog]") {
  test::TempDir dir;
  dir.write("测试法(2010-01-01).md", synthetic_statute("中华人民共和国测试法", 2, "2010年1月1日 会议通过"));
  dir.write("测试法(2020-06-01).md", synthetic_statute("中华人民共和国测试法", 3, "2010年1月1日 会议通过\n\n2020年6月1日 会议修正"));
  dir.write("保守国家秘密法(2010-04-29).md", synthetic_statute("中华人民共和国保守国家秘密法", 2, "2010年4月29日 会议修订"));
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{dir.path}, {}});
  const CatalogEntry* old_law = catalog.find("ceshifa-2010");
  const CatalogEntry* new_law = catalog.find("ceshifa-2020");
  REQUIRE(old_law);
  REQUIRE(new_law);
  CHECK(old_law->info.work == new_law->info.work);
  CHECK(old_law->info.superseded_by == "ceshifa-2020");
  CHECK(new_law->info.supersedes == "ceshifa-2010");
  // Beside a registry law of the same title, the older file joins the registry's work.
  const CatalogEntry* ssl_2010 = catalog.find("baoshouguojiamimifa-2010");
  REQUIRE(ssl_2010);
  CHECK(ssl_2010->info.work == "ssl");
  CHECK(ssl_2010->info.superseded_by == "ssl-2024");
  CHECK(catalog.registry().find("ssl-2024")->supersedes == "baoshouguojiamimifa-2010");
}

TEST_CASE("An amended text's version takes effect no earlier than its amendment", "[catalog]") {
  // The commencement clause keeps the original date; the version cannot be older than its amendment.
  const ParseResult r = parse_statute("# 中华人民共和国测试法\n\n2002年6月29日 会议通过\n\n2021年6月10日 会议修正\n\n"
                                      "第一条 合成测试文本。\n\n第二条 本法自2002年11月1日起施行。\n");
  REQUIRE(r.ok());
  LawInfo info = auto_describe("中华人民共和国测试法", "测试法(2021-06-10).md");
  complete_from_text(info, r.law);
  CHECK(info.adopted == "2002-06-29");
  CHECK(info.effective == "2021-06-10");
  const ParseResult first = parse_statute("# 中华人民共和国测试法\n\n2002年6月29日 会议通过\n\n第一条 合成测试文本。\n\n第二条 本法自2002年11月1日起施行。\n");
  LawInfo original = auto_describe("中华人民共和国测试法", "测试法(2002-06-29).md");
  complete_from_text(original, first.law);
  CHECK(original.effective == "2002-11-01");
}

namespace {

// One part of a synthetic code: its own heading under the title, articles numbered on from `first`.
std::string synthetic_part(const std::string& part, int first, int count, const std::string& chapter = "") {
  std::string s = "# 合成测试法典\n\n# " + part + "\n\n2020年5月28日 合成测试会议通过\n\n<!-- INFO END -->\n\n";
  if (!chapter.empty()) s += "## " + chapter + "\n\n";
  for (int i = first; i < first + count; ++i) s += "第" + std::to_string(i) + "条 合成测试文本，并非任何法规原文。\n\n";
  return s;
}

}  // namespace

TEST_CASE("Regression: a code kept one file per part is one law (民法典 was ambiguous over 8 ids)", "[catalog]") {
  test::TempDir dir;
  // File names in another order than the articles: the article numbers give the order.
  dir.write("法典/乙编.md", synthetic_part("乙编", 4, 2, "第一章 一般规定"));
  dir.write("法典/甲则.md", synthetic_part("甲则", 1, 3, "第一章 基本规定"));
  dir.write("法典/附则.md", synthetic_part("附则", 6, 1));
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{dir.path}, {}});
  REQUIRE(catalog.entries().size() == Registry::builtin().laws().size() + 1);
  const CatalogEntry& code = catalog.entries().back();
  CHECK(code.info.id == "hechengceshifadian");
  REQUIRE(code.text("zh"));
  CHECK(code.text("zh")->parts.size() == 3);

  const ParseResult r = load_text(code);
  REQUIRE(r.ok());
  REQUIRE(r.law.articles.size() == 6);
  for (int i = 0; i < 6; ++i) CHECK(r.law.articles[static_cast<std::size_t>(i)].number == i + 1);
  CHECK(r.law.title == "合成测试法典");
  CHECK(r.law.preamble == std::vector<std::string>{"2020年5月28日 合成测试会议通过"});
  // 甲则 and 乙编 wrap their chapters; 附则 has no chapter, its article sits under the part.
  REQUIRE(r.law.divisions.size() == 5);
  CHECK(r.law.divisions[0].kind == DivisionKind::Part);
  CHECK(r.law.divisions[0].heading == "甲则");
  CHECK(r.law.divisions[1].parent == 0);
  CHECK(r.law.divisions[2].heading == "乙编");
  CHECK(r.law.divisions[2].first_article == 3);
  CHECK(r.law.divisions[3].parent == 2);
  CHECK(r.law.divisions[4].heading == "附则");
  CHECK(r.law.articles[3].division == 3);
  CHECK(r.law.articles[5].division == 4);
  CHECK(r.law.source == "甲则.md, 乙编.md, 附则.md");
}

TEST_CASE("Same-title files whose articles overlap or leave a gap stay separate laws", "[catalog]") {
  for (const int second_first : {3, 5}) {  // overlap at 3, gap at 4
    INFO(second_first);
    test::TempDir dir;
    dir.write("法典/甲则.md", synthetic_part("甲则", 1, 3));
    dir.write("法典/乙编.md", synthetic_part("乙编", second_first, 2));
    const Catalog catalog = Catalog::scan(Registry::builtin(), {{dir.path}, {}});
    REQUIRE(catalog.entries().size() == Registry::builtin().laws().size() + 2);
    for (std::size_t i = catalog.entries().size() - 2; i < catalog.entries().size(); ++i) {
      CHECK(catalog.entries()[i].info.id.rfind("hechengceshifadian-", 0) == 0);
      CHECK(catalog.entries()[i].texts.front().parts.empty());
    }
  }
}

namespace {

std::vector<std::string> catalog_ids(const Catalog& c) {
  std::vector<std::string> ids;
  for (const CatalogEntry& e : c.entries()) ids.push_back(e.info.id);
  return ids;
}

}  // namespace

TEST_CASE("A scan with an earlier scan's memo gives the catalog a scan without it gives", "[catalog]") {
  test::TempDir dir;
  dir.write("a/示例法(2020-01-01).md", synthetic_statute("示例法", 1));
  dir.write("b/示例法(2020-01-01).md", synthetic_statute("示例法", 2));  // the same id: told apart by a hash
  dir.write("示例条例.md", synthetic_statute("某省示例条例", 1, "2019年1月2日 某会议通过"));
  dir.write("cq.md", synthetic_statute("重庆市反间谍工作条例", 29, "2023年7月27日 会议通过"));  // a registry law, by title
  const CatalogOptions options{{dir.path}, {}};
  const Catalog first = Catalog::scan(Registry::builtin(), options);
  CHECK(first.memo().headers.size() == 4);
  CHECK(first.memo().slugs.at("示例法") == "shilifa");
  CHECK(first.memo().slugs.count("重庆市反间谍工作条例") == 0);  // the registry names it

  // A file renamed, one added under a title seen before, one under a new title, one removed.
  std::filesystem::rename(dir.path / "示例条例.md", dir.path / "示例条例(2019-01-02).md");
  dir.write("c/示例法(2020-01-01).md", synthetic_statute("示例法", 3));
  dir.write("新条例.md", synthetic_statute("某市新条例", 1));
  std::filesystem::remove(dir.path / "b/示例法(2020-01-01).md");
  const Catalog with = Catalog::scan(Registry::builtin(), options, &first.memo());
  const Catalog without = Catalog::scan(Registry::builtin(), options);
  CHECK(catalog_ids(with) == catalog_ids(without));
  CHECK(with.find("moushengshilitiaoli-2019"));
  CHECK(with.find("moushixintiaoli"));
  CHECK(with.find("shilifa-2020-" + short_hash("示例法(2020-01-01).md", 6)));
  CHECK(with.find("cq-cer-2023"));
  // The memo holds what this scan read, not what the earlier one did.
  CHECK(with.memo() == without.memo());
  CHECK(with.memo().headers.size() == 5);
}

TEST_CASE("A scan answers from its memo what it holds, and reads a file again once its size or time changed", "[catalog]") {
  test::TempDir dir;
  dir.write("示例法.md", synthetic_statute("示例法", 1));
  const CatalogOptions options{{dir.path}, {}};
  const Catalog first = Catalog::scan(Registry::builtin(), options);
  REQUIRE(first.find("shilifa"));

  // A memo that says something else than the file is believed while the file's stamp is the one
  // remembered: the scan did not read it, nor transliterate the title.
  CatalogMemo memo = first.memo();
  REQUIRE(memo.headers.size() == 1);
  memo.headers.begin()->second.header.title = "另一法";
  memo.slugs["另一法"] = "remembered";
  CHECK(Catalog::scan(Registry::builtin(), options, &memo).find("remembered"));
  memo.slugs.clear();
  CHECK(Catalog::scan(Registry::builtin(), options, &memo).find("lingyifa"));

  const std::filesystem::path file = dir.path / "示例法.md";
  std::filesystem::last_write_time(file, std::filesystem::last_write_time(file) + std::chrono::seconds(5));
  const Catalog touched = Catalog::scan(Registry::builtin(), options, &memo);
  CHECK(touched.find("shilifa"));
  CHECK(touched.memo().headers.begin()->second.header.title == "示例法");
}

TEST_CASE("A catalog memo reads back as written; lines it cannot read are left out", "[catalog]") {
  CatalogMemo memo;
  memo.slugs["示例\t法"] = "shilifa";
  memo.headers["/x/a\\b.md"] = {12, -3, {"标题\n第二行", {"2020-01-01", "2021-02-03"}}};
  memo.headers["/x/c.md"] = {0, 1'700'000'000'123'456'789, {"", {}}};
  CHECK(decode_catalog_memo(encode_catalog_memo(memo)) == memo);
  CHECK(decode_catalog_memo("h\t/x\tnot-a-size\t1\ttitle\ns\tonly-two\nq\tx\ty\n").headers.empty());
  CHECK(decode_catalog_memo("garbage").slugs.empty());
}
