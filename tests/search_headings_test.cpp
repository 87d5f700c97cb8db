// Concepts matched only through a division heading (search_headings.h): tables of small folded
// texts for the rules, and the real NSL (core index) for the headings read from the index.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "index_store.h"
#include "search_headings.h"
#include "test_support.h"

using namespace lawref;
using namespace lawref::searching;

TEST_CASE("A concept counts as matched only through the headings when the headings hold it and the text does not", "[search]") {
  const std::vector<ConceptForms> concepts = {{U"citizens", U"citizen"}, {U"national security"}, {U"公民"}, {U"义务", U"obligation"}};
  struct Row {
    std::u32string headings, text;
    std::vector<std::size_t> held;  // by the headings
    std::size_t only_in_headings;
  } rows[] = {
      // NSL chapter 6's heading and an article that names neither citizens nor obligations
      {U"obligations and rights of citizens and organizations\n", U"enterprises shall cooperate in national security work.\n", {0}, 1},
      // the article names citizens itself
      {U"obligations and rights of citizens and organizations\n", U"citizens shall report.\n", {0}, 0},
      // a form on a word boundary only: "citizenship" is not "citizen"
      {U"obligations and rights of citizens\n", U"citizenship is kept.\n", {0}, 1},
      // Chinese: the heading and its parent, a line each; the text has 义务 but not 公民
      {U"公民、组织的义务和权利\n总则\n", U"企业事业组织应当履行维护国家安全的义务。\n", {2, 3}, 1},
      {U"公民、组织的义务和权利\n", U"公民和组织应当履行下列义务。\n", {2, 3}, 0},
      // a heading that holds no concept, or no heading
      {U"法律责任\n", U"国家安全机关工作人员……\n", {}, 0},
      {U"", U"公民\n", {}, 0},
  };
  for (const Row& r : rows) {
    const std::vector<std::size_t> held = concepts_held(concepts, r.headings);
    CHECK(held == r.held);
    CHECK(concepts_only_in_headings(concepts, held, r.text) == r.only_in_headings);
  }
}

TEST_CASE("A document's weight falls by the factor once per concept matched only through the headings", "[search]") {
  struct Row {
    double weight;
    std::size_t only;
    double factor, scaled;
  } rows[] = {{20, 0, 0.9, 20}, {20, 1, 0.9, 18}, {20, 2, 0.9, 16.2}, {20, 1, 1.0, 20}, {0, 3, 0.5, 0}};
  for (const Row& r : rows) CHECK(heading_scaled_weight(r.weight, r.only, r.factor) == Approx(r.scaled));
}

TEST_CASE("The concepts of a query are its leaves outside a NOT", "[search]") {
  Node root;
  root.kind = Node::Kind::And;
  root.children = {leaf({U"公民"}), leaf({U"national security", U"state security"})};
  Node no;
  no.kind = Node::Kind::Not;
  no.children = {leaf({U"间谍"})};
  root.children.push_back(no);
  const std::vector<ConceptForms> concepts = concepts_of(root);
  REQUIRE(concepts.size() == 2);
  CHECK(concepts[0] == ConceptForms{U"公民"});
  CHECK(concepts[1] == ConceptForms{U"national security", U"state security"});
}

TEST_CASE("The headings an article stands in are read from the index, in each language", "[search]") {
  // NSL art 78 stands in chapter 6, 公民、组织的义务和权利 ("Obligations and Rights of Citizens and
  // Organizations"); art 11 in chapter 1, 总则 (general provisions).
  static const test::TestIndex index({test::core_dir()});
  DivisionHeadings headings(index.store->database());
  const std::vector<ConceptForms> concepts = {{U"公民"}, {U"citizens"}};
  HeadingConcepts in_headings(headings, concepts);
  CHECK(in_headings.law_holds_any("nsl-2015"));
  const auto division = [&](const char* lang, int article) {
    const LawText* law = index.store->text("nsl-2015", lang);
    REQUIRE(law);
    const Article* a = law->find_article(article, 0);
    REQUIRE(a);
    return a->division;
  };
  CHECK(in_headings.held("nsl-2015", "zh", division("zh", 78)) == std::vector<std::size_t>{0});
  CHECK(in_headings.held("nsl-2015", "en", division("en", 78)) == std::vector<std::size_t>{1});
  CHECK(in_headings.held("nsl-2015", "zh", division("zh", 11)).empty());
  CHECK(in_headings.held("nsl-2015", "zh", -1).empty());
  CHECK(in_headings.held("no-such-law", "zh", 0).empty());
  CHECK_FALSE(in_headings.law_holds_any("no-such-law"));
}

TEST_CASE("A division's heading chain: its heading and those it stands in, the walk bounded", "[search]") {
  // 第六章 法律责任 > 第一节 罚款; the penalty check of the linked step and the heading concepts
  // both read it. A header read from a broken index can make a parent cycle: the walk still ends.
  DivisionHeadings::Law law;
  law.headings = {U"第六章 法律责任", U"第一节 罚款", U"第二节 处分"};
  law.parents = {-1, 0, 0};
  DivisionHeadings::Law cycle;
  cycle.headings = {U"甲", U"乙"};
  cycle.parents = {1, 0};
  static const struct {
    const DivisionHeadings::Law* law;
    int division;
    std::u32string chain;
  } rows[] = {
      {&law, 1, U"第一节 罚款\n第六章 法律责任\n"},
      {&law, 0, U"第六章 法律责任\n"},
      {&law, -1, U""},
      {&law, 3, U""},
      {&cycle, 0, U"甲\n乙\n"},
  };
  for (const auto& r : rows) {
    INFO(r.division);
    CHECK(r.law->chain(r.division) == r.chain);
  }
}
