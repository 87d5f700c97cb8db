#include <catch2/catch.hpp>

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
