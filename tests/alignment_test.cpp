// Implementation alignment against pairs labelled by reading the texts (tests/data/alignment):
// a regression guard at the levels measured when the method was chosen (bench/README.md), not a
// target. jiangxi-cer-2024 was labelled and held out before any tuning.
#include <catch2/catch.hpp>

#include "alignment_eval.h"
#include "file_io.h"
#include "link_graph.h"
#include "localities_view.h"

#include <nlohmann/json.hpp>
#include <algorithm>
#include <set>
#include "test_support.h"

using namespace lawref;

namespace {

struct NationalAndLocal : test::TestIndex {
  std::unique_ptr<LinkGraph> graph;
  NationalAndLocal() : TestIndex({test::core_dir(), test::local_dir()}), graph(std::make_unique<LinkGraph>(*store)) {}
};

NationalAndLocal& index() {
  static NationalAndLocal i;
  return i;
}

AlignmentScore score(const std::string& law) {
  const GoldSet gold = parse_gold(read_file(std::filesystem::path(LAWREF_SOURCE_DIR) / "tests/data/alignment" / (law + ".tsv")));
  REQUIRE(gold.local_law == law);
  return score_alignment(gold, index().graph->outgoing(law));
}

}  // namespace

TEST_CASE("Labelled sets parse, and malformed lines are refused with their line", "[alignment]") {
  const GoldSet g = parse_gold("# comment\nx-2020/art1\ty-2019/art2/para1\tcore\tnote\nx-2020/art2\tnone\t-\tlocal addition\n");
  CHECK(g.local_law == "x-2020");
  REQUIRE(g.pairs.size() == 1);
  CHECK(g.pairs[0].national.str() == "y-2019/art2/para1");
  CHECK(g.national_laws == std::set<std::string>{"y-2019"});
  CHECK(g.additions.size() == 1);
  CHECK_THROWS_WITH(parse_gold("x-2020/art1\ty-2019/art2\tmaybe\tnote\n"), "line 1: strength must be core or related, not 'maybe'");
  CHECK_THROWS_WITH(parse_gold("#\nx-2020/art1\n"), "line 2: expected local, national, strength and a note, TAB-separated");
}

TEST_CASE("Scores count article pairs: a labelled paragraph is found through its article", "[alignment]") {
  const GoldSet g = parse_gold("x-2020/art1\ty-2019/art2/para1\tcore\t\nx-2020/art2\ty-2019/art5\trelated\t\nx-2020/art3\tnone\t-\t\n");
  links::Link hit, miss;
  hit.kind = miss.kind = links::LinkKind::Implements;
  hit.from = {"x-2020", {1, 0, 0, 0, 0}};
  hit.to = {"y-2019", {2, 0, 1, 0, 0}};
  miss.from = {"x-2020", {3, 0, 0, 0, 0}};
  miss.to = {"y-2019", {9, 0, 0, 0, 0}};
  const AlignmentScore s = score_alignment(g, {hit, miss});
  CHECK(s.predicted == 2);
  CHECK(s.predicted_right == 1);
  CHECK(s.core_found == 1);
  CHECK(s.gold_found == 1);
  CHECK(s.gold == 2);
  CHECK(s.additions_kept == 0);  // art 3 got a link it should not have
}

TEST_CASE("The labelled regulations align with the national laws at the measured quality", "[alignment][local]") {
  // Levels measured when the method was chosen (bench/README.md), a little below: a guard, not a
  // target. Tuned on cq, mss, shanghai and sichuan; jiangxi, shaanxi and heilongjiang held out.
  struct Level {
    const char* law;
    double precision, core_recall;
  };
  // Round six (the English rescue): core recall up on cq, mss, shanghai, jiangxi, heilongjiang.
  // Then the terminology pass gave Chongqing art 24 and CEL art 21 the same English for 建设项目许可,
  // and the rescue links them (labelled wrong): cq precision 0.923 -> 0.889.
  // Round seven (long local lists and approval conditions left out): cq core recall 0.759 -> 0.793.
  // Round eight (the two rankings agreeing on another law's article): cq core recall 0.793 -> 0.828,
  // sichuan 0.706 -> 0.765; held-out heilongjiang precision 0.905 -> 0.864 (one wrong pair more).
  // Round nine (a phrase shared with the national article that first uses it): cq core recall
  // 0.828 -> 0.862 (precision 0.897 -> 0.900), mss 0.846 -> 0.923, sichuan precision 0.875 ->
  // 0.885; held-out jiangxi precision 0.951 -> 0.929 (one wrong pair more, none lost),
  // heilongjiang 0.864 -> 0.870.
  for (const Level& l : {Level{"cq-cer-2023", 0.89, 0.86}, Level{"mss-precautions-2021", 0.85, 0.92},
                         Level{"shanghai-ceprec-2021", 0.88, 0.85}, Level{"sichuan-ceprec-2019", 0.88, 0.76},
                         Level{"jiangxi-cer-2024", 0.92, 0.90}, Level{"shaanxi-ceprec-2021", 0.85, 0.70},
                         Level{"heilongjiang-ceprec-2019", 0.86, 0.80}}) {
    const AlignmentScore s = score(l.law);
    INFO(l.law << ": precision " << s.precision() << ", core recall " << s.core_recall());
    CHECK(s.precision() >= l.precision);
    CHECK(s.core_recall() >= l.core_recall);
    // Local additions stay unlinked (重庆 art 18, courier licences; 黑龙江's six).
    CHECK(s.additions_kept == s.additions);
  }
}

namespace {

bool implements(const std::string& local, int article, const std::string& national, int to) {
  const auto& out = index().graph->outgoing(local);
  return std::any_of(out.begin(), out.end(), [&](const links::Link& l) {
    return l.kind == links::LinkKind::Implements && l.from.path.article == article && l.to.law == national && l.to.path.article == to;
  });
}

bool implements_anything(const std::string& local, int article) {
  const auto& out = index().graph->outgoing(local);
  return std::any_of(out.begin(), out.end(),
                     [&](const links::Link& l) { return l.kind == links::LinkKind::Implements && l.from.path.article == article; });
}

}  // namespace

TEST_CASE("A regulation made under a law is aligned with that law's implementing rules in force then too", "[alignment][local]") {
  // 上海 (2021) implements cel-2014, whose 2017 rules were in force then; 上海 art 31 restates
  // 实施细则 art 15 ¶2 (rectification, 约谈).
  CHECK(implements("shanghai-ceprec-2021", 31, "cel-rules-2017", 15));
  // Jiangxi (2024) implements cel-2023, which no registered regulation implements: nothing added.
  const auto& out = index().graph->outgoing("jiangxi-cer-2024");
  CHECK(std::none_of(out.begin(), out.end(), [](const links::Link& l) { return l.to.law == "cel-rules-2017"; }));
}

TEST_CASE("A duty the main law and the NSL's genus list both state links to the main law's article", "[alignment][local]") {
  // 上海 art 16 (units' duties) and 四川 art 10 restate 反间谍法 2014 art 20 (provide facilities or
  // assistance) in words nearer NSL art 77/78's lists; the counter-espionage law comes along.
  CHECK(implements("shanghai-ceprec-2021", 16, "cel-2014", 20));
  CHECK(implements("sichuan-ceprec-2019", 10, "cel-2014", 20));
  // 上海 art 5 (units' primary responsibility) restates 2014 art 4, not NSL art 78's list of duties.
  CHECK(implements("shanghai-ceprec-2021", 5, "cel-2014", 4));
  CHECK_FALSE(implements("shanghai-ceprec-2021", 5, "nsl-2015", 78));
}

TEST_CASE("A local sentence restating another parent's duty links to it when both languages rank it first",
          "[alignment][local]") {
  // 重庆 art 15 ¶2 (a network operator stops transmission, keeps records and reports to the state
  // security and secrecy authorities): the secrecy law's art 34, first in Chinese and in English
  // but weighed down as another law's. 四川 art 26: the NSL's art 76 likewise.
  CHECK(implements("cq-cer-2023", 15, "ssl-2024", 34));
  CHECK(implements("sichuan-ceprec-2019", 26, "nsl-2015", 76));
}

TEST_CASE("Boilerplate implements nothing; a list written inline links item by item", "[alignment][local]") {
  // Territorial scope clauses (本省行政区域内…，适用本条例).
  for (const char* law : {"cq-cer-2023", "jiangxi-cer-2024", "shanghai-ceprec-2021", "sichuan-ceprec-2019", "heilongjiang-ceprec-2019"}) {
    INFO(law);
    CHECK_FALSE(implements_anything(law, 2));
  }
  // A purpose article's legal-basis clause (根据《…》…制定本条例) is not compared: 四川 art 1 no longer
  // meets 实施细则 art 1, which is a basis clause alone.
  for (const char* law : {"sichuan-ceprec-2019", "mss-precautions-2021"}) CHECK_FALSE(implements(law, 1, "cel-rules-2017", 1));
  // 公安机关…适用本条例的有关规定 is not a scope clause: 重庆 art 28 restates 反间谍法 art 70.
  CHECK(implements("cq-cer-2023", 28, "cel-2023", 70));
  // 陕西 art 8 lists citizens' duties inline (one paragraph, （一）…（四）): besides art 4 it restates
  // the 2014 law's arts 20-23, and its items reach them one by one.
  CHECK(implements("shaanxi-ceprec-2021", 8, "cel-2014", 4));
  int duties = 0;
  for (int a : {20, 21, 22, 23}) duties += implements("shaanxi-ceprec-2021", 8, "cel-2014", a) ? 1 : 0;
  CHECK(duties >= 2);
}

TEST_CASE("A local article that restates one paragraph of a long national article links to that paragraph", "[alignment][local]") {
  // 重庆 art 5 ¶1 restates 反间谍法 art 12 ¶1 (units' primary responsibility); art 12 has three paragraphs.
  const auto& out = index().graph->outgoing("cq-cer-2023");
  const auto link = std::find_if(out.begin(), out.end(), [](const links::Link& l) {
    return l.kind == links::LinkKind::Implements && l.from.path.article == 5 && l.to.law == "cel-2023" && l.to.path.article == 12;
  });
  REQUIRE(link != out.end());
  CHECK(link->to.path.paragraph >= 1);
}

TEST_CASE("One national law against every locality: who implements what, and what each adds", "[alignment][local]") {
  const LawInfo* cel = index().store->law("cel-2023");
  REQUIRE(cel);
  const LocalitiesView view = localities_view(*index().store, *index().graph, *cel);
  std::set<std::string> locals;
  for (const LocalLaw& l : view.locals) locals.insert(l.info->id);
  CHECK(locals == std::set<std::string>{"cq-cer-2023", "jiangxi-cer-2024", "shanghai-ceprec-2021", "shaanxi-ceprec-2021",
                                        "sichuan-ceprec-2019", "heilongjiang-ceprec-2019"});
  REQUIRE(view.rows.size() == 71);
  auto implemented_by = [&](int national, const std::string& law) {
    std::set<int> out;
    if (const auto it = view.rows[static_cast<std::size_t>(national - 1)].locals.find(law); it != view.rows[static_cast<std::size_t>(national - 1)].locals.end())
      for (const LocalMatch& m : it->second) out.insert(m.local.article);
    return out;
  };
  CHECK(implemented_by(25, "jiangxi-cer-2024").count(36));  // 江西 art 36 restates art 25 word for word
  CHECK(implemented_by(21, "cq-cer-2023").count(16));       // 重庆 art 16: construction near security control zones
  CHECK(implemented_by(41, "cq-cer-2023").count(23));       // 重庆 art 23: couriers and telecoms assist
  // A 2019 regulation reaches today's articles: through the 2014 law's version links, or aligned directly.
  bool through_2014 = false;
  for (const NationalRow& row : view.rows)
    if (const auto it = row.locals.find("sichuan-ceprec-2019"); it != row.locals.end())
      for (const LocalMatch& m : it->second) through_2014 = through_2014 || m.via.rfind("cel-2014/", 0) == 0;
  CHECK(through_2014);
  // 重庆 art 18 (the courier-licence consultation) is a local addition; art 29 (commencement) is not listed.
  const auto cq = std::find_if(view.locals.begin(), view.locals.end(), [](const LocalLaw& l) { return l.info->id == "cq-cer-2023"; });
  REQUIRE(cq != view.locals.end());
  std::set<int> additions;
  for (const Article* a : cq->additions) additions.insert(a->number);
  CHECK(additions.count(18));
  CHECK_FALSE(additions.count(29));
  CHECK_FALSE(additions.count(16));
}

TEST_CASE("lawref compare --locals: a table, JSON and CSV, errors and exit codes", "[alignment][cli]") {
  test::TempDir home;
  const test::Env env = {{"LAWREF_HOME", home.path.string()}, {"LAWREF_SOURCES", ""}};
  REQUIRE(test::run_lawref({"index", "-q"}, env).exit_code == 0);
  auto r = test::run_lawref({"compare", "cel-2023", "--locals"}, env);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("反间谍法 (cel-2023) and the local regulations implementing it: 6") != std::string::npos);
  CHECK(r.out.find("\n第二十五条") != std::string::npos);
  CHECK(r.out.find("第十八条 邮政管理部门受理快递业务经营许可申请后") != std::string::npos);  // 重庆's addition, quoted from the source
  r = test::run_lawref({"compare", "反间谍法", "--locals", "--json"}, env);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["national"] == "cel-2023");
  CHECK(j["locals"].size() == 6);
  CHECK(j["rows"].size() == 71);
  CHECK(j["rows"][24]["locals"].contains("jiangxi-cer-2024"));
  r = test::run_lawref({"compare", "cel-2023", "--locals", "--csv"}, env);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("kind,national,local_law,local,basis,score,via\n", 0) == 0);
  CHECK(r.out.find("addition,,cq-cer-2023,cq-cer-2023/art18,,,") != std::string::npos);
  CHECK(test::run_lawref({"compare", "cel-2023/art1", "--locals"}, env).exit_code == 2);
  CHECK(test::run_lawref({"compare", "cel-2023", "cq-cer-2023", "--locals"}, env).exit_code == 2);
  CHECK(test::run_lawref({"compare", "nil-2018", "--locals"}, env).exit_code == 1);  // no locality implements it
}

TEST_CASE("A local article taking over a phrase the national law first uses in one article links to it", "[alignment][local]") {
  // 重庆 art 4's list of departments 按照职责分工，密切配合 (CEL 2023 art 6 ¶2), a segment at 0.281
  // under the segment floor; MSS art 23, the technical inspection of 2014 art 16 (0.183, under the
  // whole-article floor), by 反间谍技术防范检查, which that law first uses there.
  CHECK(implements("cq-cer-2023", 4, "cel-2023", 6));
  CHECK(implements("mss-precautions-2021", 23, "cel-2014", 16));
}
