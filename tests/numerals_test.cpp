#include <catch2/catch.hpp>

#include "numerals.h"

using lawref::parse_number;
using lawref::to_chinese_numeral;

TEST_CASE("Chinese numerals with units parse to integers", "[numerals]") {
  const std::pair<const char*, long long> cases[] = {
      {"一", 1},       {"九", 9},          {"十", 10},          {"十四", 14},       {"二十", 20},
      {"二十一", 21},  {"七十一", 71},     {"九十九", 99},      {"一百", 100},      {"一百零一", 101},
      {"一百一十", 110}, {"一百二十八", 128}, {"两百", 200},      {"一千", 1000},     {"一千零一", 1001},
      {"一千零一十", 1010}, {"一千一百六十四", 1164}, {"一千二百六十", 1260}, {"十万", 100000}, {"一百万", 1000000},
      {"两万零五", 20005}, {"〇", 0},         {"零", 0},            {"二〇二三", 2023}, {"一九九三", 1993},
      {"贰拾", 20},
  };
  for (const auto& [text, value] : cases) {
    INFO(text);
    REQUIRE(parse_number(std::string(text)) == value);
  }
}

TEST_CASE("Arabic and full-width digits parse", "[numerals]") {
  CHECK(parse_number(std::string("14")) == 14);
  CHECK(parse_number(std::string("１４")) == 14);
  CHECK(parse_number(std::string("０７７")) == 77);
  CHECK(parse_number(std::string("1000000")) == 1000000);
}

TEST_CASE("Malformed numerals are rejected, not guessed", "[numerals]") {
  for (const char* bad : {"", "十十", "百", "一二三十", "十百", "一百零", "零一百", "一百二", "四a", "1一", "一1",
                          "123456789012", "第一", "条", "万万"}) {
    INFO(bad);
    CHECK_FALSE(parse_number(std::string(bad)).has_value());
  }
}

TEST_CASE("Integers format as conventional Chinese numerals", "[numerals]") {
  const std::pair<long long, const char*> cases[] = {
      {1, "一"},      {10, "十"},          {14, "十四"},        {20, "二十"},    {71, "七十一"},
      {100, "一百"},  {101, "一百零一"},   {110, "一百一十"},   {115, "一百一十五"}, {1001, "一千零一"},
      {1010, "一千零一十"}, {1164, "一千一百六十四"}, {10000, "一万"}, {10001, "一万零一"}, {0, "零"},
  };
  for (const auto& [value, text] : cases) {
    INFO(value);
    CHECK(to_chinese_numeral(value) == text);
  }
}

TEST_CASE("Formatting and parsing agree on every article number a statute can have", "[numerals]") {
  for (long long n = 1; n <= 3000; ++n) {
    INFO(n);
    REQUIRE(parse_number(to_chinese_numeral(n)) == n);
  }
}
