// Integration tests on the real statutes in ../shared/corpus/core. Expected texts are read
// from the source files themselves (never copied here), so the parser is checked against
// the raw lines it was given.
#include <catch2/catch.hpp>

#include <fstream>

#include "auto_describe.h"
#include "catalog.h"
#include "corpus_check.h"
#include "history.h"
#include "importer.h"
#include "test_support.h"

using namespace lawref;

namespace {

LawText load(const std::string& id) {
  const ParseResult r = import_statute_file(test::core_file(id));
  INFO(id);
  REQUIRE(r.ok());
  return r.law;
}

// The raw line of `id`'s file that starts with `prefix`, with the prefix removed.
std::string raw_line(const std::string& id, const std::string& prefix) {
  std::ifstream in(test::core_file(id));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  }
  FAIL("no line starting with " << prefix << " in " << id);
  return {};
}

// The raw line starting with `prefix` inside the article whose heading line starts with `article`.
std::string raw_line_in_article(const std::string& id, const std::string& article, const std::string& prefix) {
  std::ifstream in(test::core_file(id));
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind(article, 0) == 0) inside = true;
    else if (inside && line.rfind("第", 0) == 0 && line.find("条 ") != std::string::npos) break;
    if (inside && line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  }
  FAIL("no line starting with " << prefix << " in " << id << " " << article);
  return {};
}

int chapters(const LawText& law) {
  int n = 0;
  for (const Division& d : law.divisions) n += d.kind == DivisionKind::Chapter;
  return n;
}

}  // namespace

TEST_CASE("Every core statute imports cleanly with the right article count", "[core]") {
  const std::pair<const char*, std::size_t> counts[] = {
      {"cel-2023", 71}, {"cel-2014", 40}, {"nsl-2015", 84}, {"cel-rules-2017", 26},
      {"nil-2018", 32}, {"ssl-2024", 65}, {"report-reward-2022", 24}, {"cq-cer-2023", 29}, {"mss-precautions-2021", 31},
  };
  for (const auto& [id, count] : counts) {
    INFO(id);
    const ParseResult r = import_statute_file(test::core_file(id));
    REQUIRE(r.ok());
    CHECK_FALSE(r.diagnostics.has_warnings());
    CHECK(r.law.articles.size() == count);
    for (std::size_t i = 0; i < r.law.articles.size(); ++i) CHECK(r.law.articles[i].number == static_cast<int>(i + 1));
  }
}

TEST_CASE("The local regulations import and agree with the registry, their header comments read", "[core][local]") {
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{test::local_dir()}, {}});
  CHECK(catalog.problems().empty());
  int local = 0;
  for (const CatalogEntry& e : catalog.entries()) {
    if (e.texts.empty()) continue;
    INFO(e.info.id);
    CHECK(e.info.registered);
    CHECK(e.info.level == LawLevel::LocalRegulation);
    const ParseResult r = load_text(e);
    REQUIRE(r.ok());
    CHECK(static_cast<int>(r.law.articles.size()) == e.info.expected_articles);
    CHECK(compare_with_registry(e.info, r.law).empty());
    CHECK_FALSE(r.law.metadata("SOURCE").empty());
    for (const std::string& line : r.law.preamble) CHECK(line.find("<!--") == std::string::npos);
    ++local;
  }
  CHECK(local == 5);
  // 黑龙江 leaves items (一)(二) of art 19 unnumbered: they are read as items 1–2 of the lead-in.
  const ParseResult hl = load_text(*catalog.find("heilongjiang-ceprec-2019"));
  const Article* a19 = hl.law.find_article(19);
  REQUIRE(a19);
  REQUIRE(a19->paragraphs.size() == 2);
  CHECK(a19->paragraphs[0].items.size() == 9);
  CHECK(a19->paragraphs[0].items[0].num.empty());
  CHECK(a19->paragraphs[0].items[2].num == "（三）");
  // 陕西 2021 is marked amended since (STATUS: 已修改), and the registry says so too.
  CHECK(load_text(*catalog.find("shaanxi-ceprec-2021")).law.metadata("STATUS") == "已修改");
}

TEST_CASE("check compares the registry with the collection's header comments", "[core][local]") {
  LawInfo info = *Registry::builtin().find("shaanxi-ceprec-2021");
  LawText law;
  law.lang = "zh";
  law.articles.resize(static_cast<std::size_t>(info.expected_articles));
  law.source_metadata = {{"STATUS", "有效"}, {"EFFECTIVE_FROM", "2021-12-01"}};
  const auto problems = compare_with_registry(info, law);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == "registry says in force from 2021-11-01, the text's header says 2021-12-01");
  CHECK(problems[1] == "the registry says amended since, the text's header says STATUS: 有效");
  info.amended_since = false;
  law.source_metadata = {{"STATUS", "已修改"}};
  CHECK(compare_with_registry(info, law) ==
        std::vector<std::string>{"the text's header marks it as amended since (STATUS: 已修改); the registry does not say so"});
}

TEST_CASE("cel-2023 article 4: six items in paragraph 1, then a second paragraph", "[core]") {
  const LawText law = load("cel-2023");
  const Article* a = law.find_article(4);
  REQUIRE(a);
  CHECK(a->num == "第四条");
  REQUIRE(a->paragraphs.size() == 2);
  CHECK(a->paragraphs[0].text == raw_line("cel-2023", "第四条 "));
  REQUIRE(a->paragraphs[0].items.size() == 6);
  for (int i = 0; i < 6; ++i) CHECK(a->paragraphs[0].items[static_cast<std::size_t>(i)].number == i + 1);
  CHECK(a->paragraphs[0].items[2].num == "（三）");
  CHECK(a->paragraphs[0].items[2].text == raw_line("cel-2023", "（三）"));
  CHECK(a->paragraphs[1].items.empty());
  CHECK(a->division == 0);
}

TEST_CASE("cel-2023: chapters, headings as written, paragraphs of article 25", "[core]") {
  const LawText law = load("cel-2023");
  CHECK(chapters(law) == 6);
  CHECK(law.divisions[0].num == "第一章");
  CHECK(law.divisions[0].heading == "总 则");
  CHECK(law.divisions[5].num == "第六章");
  const Article* a14 = law.find_article(14);
  REQUIRE(a14);
  REQUIRE(a14->paragraphs.size() == 1);
  CHECK(a14->paragraphs[0].text == raw_line("cel-2023", "第十四条 "));
  CHECK(law.divisions[static_cast<std::size_t>(a14->division)].num == "第二章");
  const Article* a25 = law.find_article(25);
  REQUIRE(a25->paragraphs.size() == 2);
  CHECK(a25->paragraphs[1].text.rfind("对依照前款规定", 0) == 0);
  CHECK(law.articles.back().num == "第七十一条");
}

TEST_CASE("nsl-2015: sections inside chapter 4 and article 77's items", "[core]") {
  const LawText law = load("nsl-2015");
  CHECK(chapters(law) == 7);
  int sections = 0;
  for (const Division& d : law.divisions) {
    if (d.kind != DivisionKind::Section) continue;
    ++sections;
    CHECK(law.divisions[static_cast<std::size_t>(d.parent)].num == "第四章");
  }
  CHECK(sections == 5);
  const Article* a77 = law.find_article(77);
  REQUIRE(a77);
  REQUIRE(a77->paragraphs.size() == 2);
  CHECK(a77->paragraphs[0].items.size() == 7);
  CHECK(a77->paragraphs[0].items[2].text == raw_line_in_article("nsl-2015", "第七十七条 ", "（三）"));
}

TEST_CASE("History lines are kept and their dates read", "[core]") {
  const LawText law = load("cel-2023");
  REQUIRE(law.preamble.size() == 2);
  const auto events = history_events(law);
  REQUIRE(events.size() == 2);
  CHECK(events[0].date == "2014-11-01");
  CHECK(events[0].kind == HistoryEventKind::Adopted);
  CHECK(events[1].date == "2023-04-26");
  CHECK(events[1].kind == HistoryEventKind::Amended);
  CHECK(effective_date(law, "2023-04-26") == "2023-07-01");
  CHECK(effective_date(load("cel-2014"), "2014-11-01") == "2014-11-01");  // 自公布之日起施行

  const auto nil = history_events(load("nil-2018"));
  REQUIRE(nil.size() == 2);
  CHECK(nil[1].date == "2018-04-27");
  CHECK(nil[1].kind == HistoryEventKind::Amended);
}

TEST_CASE("The catalog finds the core texts under their registry ids", "[core][catalog]") {
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{test::core_dir()}, {}});
  CHECK(catalog.problems().empty());
  CHECK(catalog.entries().size() == Registry::builtin().laws().size());
  int with_text = 0;
  for (const CatalogEntry& e : catalog.entries()) {
    INFO(e.info.id);
    // The other local regulations live in local/, the Constitution in lawrefbook/.
    if ((e.info.jurisdiction != "national" && e.info.id != "cq-cer-2023") || e.info.id == "constitution-2018") {
      CHECK(e.texts.empty());
      continue;
    }
    {
      ++with_text;
      REQUIRE(e.texts.size() == 2);  // the Chinese source and lawref's translation
      CHECK(e.texts[0].path.filename() == e.info.source_file);
      CHECK(e.texts[1].embedded);
      CHECK(e.texts[1].lang == "en");
      const ParseResult r = load_text(e);
      REQUIRE(r.ok());
      CHECK(r.law.law_id == e.info.id);
      CHECK(static_cast<int>(r.law.articles.size()) == e.info.expected_articles);
      CHECK(compare_with_registry(e.info, r.law).empty());
    }
  }
  CHECK(with_text == 9);
}
