// Table-driven: every citation form of the issue, and every way to get one wrong.
#include <catch2/catch.hpp>

#include "citation_parser.h"
#include "law_names.h"
#include "registry.h"

using namespace lawref;

namespace {

struct Expect {
  const char* input;
  const char* law;
  int year;
  ProvisionPath path;
};

}  // namespace

TEST_CASE("Citation forms parse into law, year and provision path", "[citation]") {
  const Expect cases[] = {
      {"反间谍法第十四条", "反间谍法", 0, {14, 0, 0, 0, 0}},
      {"《中华人民共和国国家安全法》第七十七条", "中华人民共和国国家安全法", 0, {77, 0, 0, 0, 0}},
      {"《中华人民共和国国家安全法》第七十七条第一款", "中华人民共和国国家安全法", 0, {77, 0, 1, 0, 0}},
      {"国家安全法第77条", "国家安全法", 0, {77, 0, 0, 0, 0}},
      {"反间谍法第四条第一款第（三）项", "反间谍法", 0, {4, 0, 1, 3, 0}},
      {"反间谍法第4条第1款第3项", "反间谍法", 0, {4, 0, 1, 3, 0}},
      {"反间谍法第四条第（三）项", "反间谍法", 0, {4, 0, 0, 3, 0}},
      {"刑法第二十条之一", "刑法", 0, {20, 1, 0, 0, 0}},
      {"反间谍法第１４条", "反间谍法", 0, {14, 0, 0, 0, 0}},
      {"反間諜法第十四條", "反间谍法", 0, {14, 0, 0, 0, 0}},
      {" 反间谍法 第十四条 第二款 ", "反间谍法", 0, {14, 0, 2, 0, 0}},
      {"反间谍法第十四条规定", "反间谍法", 0, {14, 0, 0, 0, 0}},
      {"2014年反间谍法第三十八条", "反间谍法", 2014, {38, 0, 0, 0, 0}},
      {"反间谍法（2014年）第三十八条", "反间谍法", 2014, {38, 0, 0, 0, 0}},
      // The year as people also write it (round twelve): 版 after it, or after the name.
      {"2014年版反间谍法第三十八条", "反间谍法", 2014, {38, 0, 0, 0, 0}},
      {"2014版反间谍法第三十八条", "反间谍法", 2014, {38, 0, 0, 0, 0}},
      {"反间谍法2014第三十八条", "反间谍法", 2014, {38, 0, 0, 0, 0}},
      {"反间谍法2014年版 第三十八条", "反间谍法", 2014, {38, 0, 0, 0, 0}},
      {"反间谍法 2014版", "反间谍法", 2014, {0, 0, 0, 0, 0}},
      {"国家安全法20150第一条", "国家安全法20150", 0, {1, 0, 0, 0, 0}},  // five digits are no year
      {"2014反间谍法", "2014反间谍法", 0, {0, 0, 0, 0, 0}},                // bare digits before a name: not read
      {"Counter-Espionage Law Article 14", "counter-espionage law", 0, {14, 0, 0, 0, 0}},
      {"Counterespionage Law art. 14(2)", "counterespionage law", 0, {14, 0, 2, 0, 0}},
      {"CEL art 14", "cel", 0, {14, 0, 0, 0, 0}},
      {"National Security Law art. 77(1)(3)", "national security law", 0, {77, 0, 1, 3, 0}},
      {"Art. 7 National Intelligence Law", "national intelligence law", 0, {7, 0, 0, 0, 0}},
      {"Article 7 of the National Intelligence Law", "national intelligence law", 0, {7, 0, 0, 0, 0}},
      {"NSL 77", "nsl", 0, {77, 0, 0, 0, 0}},
      {"NSL 77(2)", "nsl", 0, {77, 0, 2, 0, 0}},
      {"CEL (2014) art. 38", "cel", 2014, {38, 0, 0, 0, 0}},
      {"CEL art. 4 paragraph 1 item 3", "cel", 0, {4, 0, 1, 3, 0}},
      {"cel-2023/art14", "cel-2023", 0, {14, 0, 0, 0, 0}},
      {"cel-2023/art4/para1/item3", "cel-2023", 0, {4, 0, 1, 3, 0}},
      {"cel-2023 14", "cel-2023", 0, {14, 0, 0, 0, 0}},
      {"反间谍法 art. 14", "反间谍法", 0, {14, 0, 0, 0, 0}},
      {"反间谍法", "反间谍法", 0, {0, 0, 0, 0, 0}},
      {"反间谍法第一百万条", "反间谍法", 0, {1000000, 0, 0, 0, 0}},
      // The grammar's limits (citation_grammar.h): any readable number, for every unit.
      {"反间谍法第十四条第一万零一款", "反间谍法", 0, {14, 0, 10001, 0, 0}},
      {"CEL art. 14(10001)", "cel", 0, {14, 0, 10001, 0, 0}},
      {"CEL art. 4 paragraph 20000", "cel", 0, {4, 0, 20000, 0, 0}},
      {"刑法第二十条之一百", "刑法", 0, {20, 100, 0, 0, 0}},
      // Brackets on any unit, as the extractor reads statute text.
      {"反间谍法第（十四）条", "反间谍法", 0, {14, 0, 0, 0, 0}},
      {"反间谍法第十四条第（一）款", "反间谍法", 0, {14, 0, 1, 0, 0}},
      // 之 begins an insertion only before a numeral.
      {"刑法第二十条之规定", "刑法", 0, {20, 0, 0, 0, 0}},
  };
  for (const Expect& e : cases) {
    INFO(e.input);
    const CitationParse p = parse_citation(e.input);
    REQUIRE(p.error == "");
    REQUIRE(p.ok);
    CHECK(p.citation.law == e.law);
    CHECK(p.citation.year == e.year);
    CHECK(p.citation.path == e.path);
  }
}

TEST_CASE("Unparsable citations get a one-line reason", "[citation]") {
  const std::pair<std::string, const char*> cases[] = {
      {"", "empty citation"},
      {"   ", "empty citation"},
      {"第十四条", "which law? the citation names no law (e.g. 反间谍法第十四条)"},
      {"反间谍法第十四条第二项第一款", "'第一款' is out of order (款, then 项, then 目)"},
      {"反间谍法第十四条第三目", "a 目 needs its 项"},
      {"反间谍法第十四条第一章", "unexpected '第一章' after the article"},
      {"反间谍法第十四条的什么", "unexpected '的什么' after the provision"},
      {"cel-2023/art0", "malformed provision id 'cel-2023/art0' (expected e.g. cel-2023/art4/para1/item3)"},
      {"反间谍法\x01第十四条", "control character in the citation"},
      {"\xFF\xFE", "the citation is not valid UTF-8"},
      {std::string(501, 'a'), "citation too long (501 characters; at most 500)"},
      {"CEL art. 4 item 3 paragraph 1", "'paragraph' is out of order (paragraph, then item, then sub-item)"},
      {"反间谍法第十四条第二条", "unexpected '第二条' after the article"},
      {"反间谍法第十四条第二", "cannot read '第二'"},
      {"反间谍法第十四条第(二款", "unclosed bracket in '第(二款'"},
      {"反间谍法第十四条第零款", "cannot read '第零款'"},
      {"反间谍法第零条", "cannot read the article number '零'"},
      {"反间谍法第十四条之零", "cannot read the insertion number after 之"},
      {"反间谍法第十四条第三、四款", "unexpected '第三、四款' after the article"},
      {"反间谍法第十四、十五条", "'第十四、十五条' names several articles; cite one"},
      // Just past the limits: numbers beyond 99,999,999 (or longer than 16 characters).
      {"反间谍法第100000000条", "cannot read the article number '100000000'"},
      {"反间谍法第十四条第100000000款", "cannot read '第100000000款'"},
      {"CEL art. 100000000", "cannot read the article number '100000000'"},
      {"CEL art. 14(100000000)", "cannot read '(100000000)'"},
      {"CEL art. 4 paragraph 100000000", "cannot read 'paragraph 100000000'"},
      {"CEL art. 4 paragraph 0", "cannot read 'paragraph 0'"},
      // A Chinese "name" that cleaning leaves empty: refused with a reason (it failed with none,
      // found by replaying random year forms through the citation fuzz target).
      {"的\t", "no law or provision in the citation"},
      {"《》", "no law or provision in the citation"},
  };
  for (const auto& [input, error] : cases) {
    INFO(input);
    const CitationParse p = parse_citation(input);
    CHECK_FALSE(p.ok);
    CHECK(p.error == error);
  }
}

TEST_CASE("Hostile input is handled quickly", "[citation]") {
  std::string many;
  for (int i = 0; i < 160; ++i) many += "第第";
  const CitationParse p = parse_citation(many);  // a (nonsense) law name, for the resolver to reject
  CHECK(p.ok);
  CHECK(p.citation.path.article == 0);
  std::string numerals = "反间谍法第";
  for (int i = 0; i < 150; ++i) numerals += "一";
  numerals += "条";
  CHECK(parse_citation(numerals).error.rfind("cannot read the article number", 0) == 0);
  std::string parens = "CEL art 1";
  for (int i = 0; i < 100; ++i) parens += "(1)";
  CHECK_FALSE(parse_citation(parens).ok);
}

TEST_CASE("Law names resolve through the registry, by version and date", "[citation][names]") {
  const LawNameIndex names(Registry::builtin());
  const std::pair<const char*, const char*> current[] = {
      {"反间谍法", "cel-2023"},          {"反間諜法", "cel-2023"},         {"中华人民共和国反间谍法", "cel-2023"},
      {"counter-espionage law", "cel-2023"}, {"Counterespionage Law", "cel-2023"}, {"CEL", "cel-2023"},
      {"国家安全法", "nsl-2015"},        {"NSL", "nsl-2015"},              {"national intelligence law", "nil-2018"},
      {"保密法", "ssl-2024"},            {"State Secrets Law", "ssl-2024"}, {"cel-2014", "cel-2014"},
      {"Counter-Espionage Law of the People's Republic of China", "cel-2023"},
      {"重庆市反间谍工作条例", "cq-cer-2023"},
  };
  for (const auto& [name, id] : current) {
    INFO(name);
    const LawResolution r = names.resolve(name, 0, "2026-11-23");
    REQUIRE(r.law);
    CHECK(r.law->id == id);
  }
  CHECK(names.resolve("反间谍法", 0, "2020-01-01").law->id == "cel-2014");
  CHECK(names.resolve("反间谍法", 2014, "2026-11-23").law->id == "cel-2014");
  CHECK(names.resolve("CEL", 2023, "2020-01-01").law->id == "cel-2023");

  LawResolution r = names.resolve("反间谍法", 2019, "2026-11-23");
  CHECK_FALSE(r.law);
  CHECK(r.error == "no 2019 version of 反间谍法 (versions: cel-2014 cel-2023)");
  r = names.resolve("反间谍法", 0, "2010-01-01");
  CHECK(r.error == "反间谍法 was not in force on 2010-01-01 (in force from 2014-11-01)");
  r = names.resolve("网络安全法", 0, "2026-11-23");
  CHECK(r.unknown);
  CHECK(r.error == "unknown law '网络安全法'; did you mean 国家安全法 (nsl-2015)");
  r = names.resolve("zzz", 0, "2026-11-23");
  CHECK(r.error == "unknown law 'zzz'");
}
