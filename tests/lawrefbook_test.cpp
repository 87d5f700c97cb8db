// Robustness on the 3,475-file real corpus: everything is read, nothing crashes, and the
// only refusals are the honest ones (no articles, numbering the source itself breaks).
#include <catch2/catch.hpp>

#include <set>

#include "catalog.h"
#include "file_io.h"
#include "import_summary.h"
#include "importer.h"
#include "lookup.h"
#include "test_support.h"

using namespace lawref;

TEST_CASE("The whole lawrefbook corpus imports, with refusals only for honest reasons", "[lawrefbook]") {
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{test::lawrefbook_dir()}, {}, false});  // the files alone
  CHECK(catalog.problems().empty());
  ImportSummary summary;
  ParseOptions part;  // a code's part begins where the one before it ends (code_parts.h)
  part.strict_numbering = false;
  for (const CatalogEntry& e : catalog.entries())
    for (const TextSource& t : e.texts) {
      if (t.parts.empty()) summary.add(t.path.string(), import_statute_file(t.path));
      for (const std::filesystem::path& p : t.parts) summary.add(p.string(), import_statute_file(p, part));
    }
  INFO(summary.render());
  CHECK(summary.files == 3475);
  const std::set<std::string> honest = {"no-articles", "article-start", "article-gap", "article-repeat"};
  for (const auto& [code, group] : summary.refusals) CHECK(honest.count(code) == 1);
  CHECK(summary.clean + summary.with_warnings >= 3280);
  CHECK(summary.refusals["no-articles"].files <= 160);
}

TEST_CASE("Regression: 民法典, kept as eight part files, is one law that every article citation reaches", "[lawrefbook]") {
  test::TestIndex index({test::lawrefbook_dir() / "民法典"});
  const LawText* code = index.store->text("minfadian", "zh");
  REQUIRE(code);
  CHECK(code->articles.size() == 1260);
  CHECK(code->articles.front().number == 1);
  CHECK(code->articles.back().number == 1260);
  std::vector<std::string> parts;
  for (const Division& d : code->divisions)
    if (d.kind == DivisionKind::Part) parts.push_back(d.heading);
  CHECK(parts == std::vector<std::string>{"总则", "物权编", "合同编", "人格权编", "婚姻家庭编", "继承编", "侵权责任编", "附则"});

  Lookup lookup(*index.store);
  const LookupResult r = lookup.find("民法典第一千一百六十五条", "2026-01-01");
  REQUIRE(r.status == LookupStatus::Found);
  CHECK(r.id().str() == "minfadian/art1165");
  // The text is the part file's, as written.
  const std::string source = read_file(test::lawrefbook_dir() / "民法典" / "侵权责任编.md");
  REQUIRE(r.article);
  REQUIRE(r.article->paragraphs.size() == 2);
  CHECK(source.find("第一千一百六十五条 " + r.article->paragraphs[0].text) != std::string::npos);
  CHECK(source.find("\n" + r.article->paragraphs[1].text + "\n") != std::string::npos);
}

TEST_CASE("Regression: 刑法 is in force since its last amendment took effect, read from the amendment's own text (it said 2023-12-29)", "[lawrefbook]") {
  // The consolidated text names Amendment XII and its adoption (2023-12-29); the amendment's
  // file says 本修正案自2024年3月1日起施行.
  test::TestIndex index({test::lawrefbook_dir() / "刑法"});
  const LawInfo* xingfa = index.store->law("xingfa");
  REQUIRE(xingfa);
  CHECK(xingfa->adopted == "1979-07-01");
  REQUIRE_FALSE(xingfa->amended.empty());
  CHECK(xingfa->amended.back() == "2023-12-29");
  CHECK(xingfa->effective == "2024-03-01");
}
