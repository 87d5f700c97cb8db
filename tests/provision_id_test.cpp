#include <catch2/catch.hpp>

#include "provision_id.h"

using namespace lawref;

TEST_CASE("Provision ids print and parse", "[ids]") {
  const std::pair<ProvisionId, const char*> cases[] = {
      {{"cel-2023", {4, 0, 0, 0, 0}}, "cel-2023/art4"},
      {{"cel-2023", {4, 0, 1, 3, 0}}, "cel-2023/art4/para1/item3"},
      {{"nsl-2015", {77, 0, 1, 0, 0}}, "nsl-2015/art77/para1"},
      {{"x", {20, 1, 0, 0, 0}}, "x/art20-1"},
      {{"x", {20, 1, 2, 1, 4}}, "x/art20-1/para2/item1/sub4"},
  };
  for (const auto& [id, text] : cases) {
    CHECK(id.str() == text);
    CHECK(ProvisionId::parse(text) == id);
  }
}

TEST_CASE("Malformed provision ids are rejected", "[ids]") {
  for (const char* bad : {"", "cel-2023", "cel-2023/", "cel-2023/art", "cel-2023/art0", "cel-2023/art04", "CEL/art4",
                          "cel-2023/art4/item3", "cel-2023/art4/para1/sub1", "cel-2023/art4x", "cel--2023/art4",
                          "cel-2023/art4-0", "cel-2023/art99999999999"}) {
    INFO(bad);
    CHECK_FALSE(ProvisionId::parse(bad).has_value());
  }
}

TEST_CASE("Akoma Ntoso eIds follow the naming convention", "[ids]") {
  CHECK(akn_eid({4, 0, 1, 3, 0}) == "art_4__para_1__point_3");
  CHECK(akn_eid({20, 1, 0, 0, 0}) == "art_20-1");
  CHECK(akn_eid({4, 0, 1, 3, 2}) == "art_4__para_1__point_3__point_2");
}

TEST_CASE("Division ids chain through their parents", "[ids]") {
  LawText law;
  law.divisions.push_back({DivisionKind::Part, 2, "第二编", "", -1, 0});
  law.divisions.push_back({DivisionKind::Chapter, 12, "第十二章", "", 0, 0});
  law.divisions.push_back({DivisionKind::Section, 1, "第一节", "", 1, 0});
  CHECK(division_key(law, 2) == "part2/chp12/sec1");
  CHECK(akn_division_eid(law, 2) == "part_2__chp_12__sec_1");
}
