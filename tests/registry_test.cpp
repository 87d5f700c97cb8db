#include <catch2/catch.hpp>

#include "registry.h"

using namespace lawref;

TEST_CASE("The built-in registry holds the nine core texts and five local regulations with their facts", "[registry]") {
  const Registry& r = Registry::builtin();
  const char* ids[] = {"cel-2023", "cel-2014", "nsl-2015", "cel-rules-2017", "nil-2018", "ssl-2024", "report-reward-2022", "cq-cer-2023",
                       "mss-precautions-2021", "jiangxi-cer-2024", "shanghai-ceprec-2021", "shaanxi-ceprec-2021", "sichuan-ceprec-2019",
                       "heilongjiang-ceprec-2019", "constitution-2018"};
  CHECK(r.laws().size() == std::size(ids));
  for (const char* id : ids) {
    INFO(id);
    const LawInfo* l = r.find(id);
    REQUIRE(l);
    CHECK_FALSE(l->title_zh.empty());
    CHECK_FALSE(l->title_en.empty());
    CHECK_FALSE(l->short_zh.empty());
    CHECK_FALSE(l->short_en.empty());
    CHECK_FALSE(l->body_zh.empty());
    CHECK(is_iso_date(l->adopted));
    CHECK(is_iso_date(l->effective));
    CHECK(l->expected_articles > 0);
  }
  const LawInfo* cq = r.find("cq-cer-2023");
  CHECK(cq->level == LawLevel::LocalRegulation);
  CHECK(cq->jurisdiction == "chongqing");
  CHECK(cq->adopted == "2023-07-27");
  CHECK(cq->effective == "2023-09-01");
  CHECK(cq->expected_articles == 29);
  CHECK(cq->expected_chapters == 0);
  CHECK(cq->implements == std::vector<std::string>{"cel-2023", "nsl-2015", "ssl-2024"});  // its secrecy articles restate the SSL
  CHECK(r.find("cel-rules-2017")->level == LawLevel::AdministrativeRegulation);
  CHECK(r.find("report-reward-2022")->level == LawLevel::DepartmentalRule);
  CHECK(r.find("cel-2014")->superseded_by == "cel-2023");
  const LawInfo* mss = r.find("mss-precautions-2021");
  CHECK(mss->level == LawLevel::DepartmentalRule);
  CHECK(mss->body_zh == "国家安全部");
  CHECK(mss->document_number == "国家安全部令第16号");
  CHECK(mss->adopted == "2021-04-26");
  CHECK(mss->effective == "2021-04-26");
  CHECK(mss->implements.front() == "cel-2014");  // the Counter-Espionage Law in force in 2021
  CHECK(mss->expected_chapters == 6);
  CHECK(r.find("jiangxi-cer-2024")->jurisdiction == "jiangxi");
  CHECK(r.find("jiangxi-cer-2024")->implements.front() == "cel-2023");
  CHECK(r.find("shaanxi-ceprec-2021")->amended_since);
  CHECK(r.find("constitution-2018")->level == LawLevel::Constitution);  // cited by the core texts (根据宪法)
  CHECK_FALSE(r.find("shanghai-ceprec-2021")->amended_since);
  for (const char* id : ids) {
    const LawInfo* l = r.find(id);
    if (l->level == LawLevel::LocalRegulation) CHECK(l->jurisdiction != "national");
  }
  CHECK(r.problems().empty());
}

TEST_CASE("The version in force depends on the date", "[registry]") {
  const Registry& r = Registry::builtin();
  CHECK(r.version_in_force("cel", "2020-01-01")->id == "cel-2014");
  CHECK(r.version_in_force("cel", "2023-06-30")->id == "cel-2014");
  CHECK(r.version_in_force("cel", "2023-07-01")->id == "cel-2023");
  CHECK(r.version_in_force("cel", "2010-01-01") == nullptr);
  CHECK(r.in_force_until(*r.find("cel-2014")) == "2023-07-01");
  CHECK(r.in_force_until(*r.find("cel-2023")).empty());
}

TEST_CASE("Malformed registries are refused with one-line messages", "[registry]") {
  const auto message = [](const char* json) {
    try {
      Registry::parse(json);
    } catch (const RegistryError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("{").rfind("registry is not valid JSON", 0) == 0);
  CHECK(message("{}") == "registry has no 'laws' list");
  CHECK(message(R"({"laws":[{"id":"Bad"}]})") == "invalid law id 'Bad'");
  CHECK(message(R"({"laws":[{"id":"a","title":{"zh":"甲"},"level":"law","dates":{"adopted":"2020-13-01"}}]})") ==
        "law 'a': 'adopted' is not a YYYY-MM-DD date: 2020-13-01");
  CHECK(message(R"({"laws":[{"id":"a","title":{"zh":"甲"},"level":"statute"}]})") == "law 'a': unknown level 'statute'");
  CHECK(message(R"({"laws":[{"id":"a","title":{"zh":"甲"},"level":"law"},{"id":"a","title":{"zh":"乙"},"level":"law"}]})") ==
        "duplicate law id 'a'");
}

TEST_CASE("Registry problems: dangling links and names shared by two laws", "[registry]") {
  const Registry r = Registry::parse(R"({"laws":[
    {"id":"a","title":{"zh":"甲法"},"level":"law","superseded_by":"b","short_names":{"zh":["甲"]}},
    {"id":"c","title":{"zh":"丙法"},"level":"law","implements":["zz"],"short_names":{"zh":["甲"]}}]})");
  const auto problems = r.problems();
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "a: superseded by unknown law 'b'");
  CHECK(problems[1] == "c: implements unknown law 'zz'");
  CHECK(problems[2] == "name '甲' names both a and c");
}
