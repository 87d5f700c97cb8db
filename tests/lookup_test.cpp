// Lookups on the real bundled laws: every citation form lands on the right provision,
// and the printed text is the source's own line.
#include <catch2/catch.hpp>

#include <fstream>

#include "law_store.h"
#include "lookup.h"
#include "provision_format.h"
#include "test_support.h"

using namespace lawref;

namespace {

CatalogStore& store() {
  static CatalogStore s(Catalog::scan(Registry::builtin(), {{test::core_dir()}, {}}));
  return s;
}

// The source line of law `id` that starts with `prefix`, prefix removed (the oracle).
std::string raw_line(const std::string& id, const std::string& prefix) {
  std::ifstream in(test::core_file(id));
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
  return "(no such line)";
}

const std::string kToday = "2026-11-23";

}  // namespace

TEST_CASE("Every citation form finds the provision it names", "[lookup]") {
  Lookup lookup(store());
  const std::pair<const char*, const char*> cases[] = {
      {"反间谍法第十四条", "cel-2023/art14"},
      {"《中华人民共和国国家安全法》第七十七条", "nsl-2015/art77"},
      {"《中华人民共和国国家安全法》第七十七条第一款", "nsl-2015/art77/para1"},
      {"国家安全法第77条", "nsl-2015/art77"},
      {"反间谍法第四条第一款第（三）项", "cel-2023/art4/para1/item3"},
      {"反间谍法第4条第1款第3项", "cel-2023/art4/para1/item3"},
      {"反间谍法第四条第（三）项", "cel-2023/art4/para1/item3"},
      {"反间谍法第１４条", "cel-2023/art14"},
      {"反間諜法第十四條", "cel-2023/art14"},
      {"反 间谍法 第 十四 条", "cel-2023/art14"},
      {"Counter-Espionage Law Article 14", "cel-2023/art14"},
      {"Counterespionage Law art. 14(1)", "cel-2023/art14/para1"},
      {"CEL art 14", "cel-2023/art14"},
      {"National Security Law art. 77(1)(3)", "nsl-2015/art77/para1/item3"},
      {"Art. 7 National Intelligence Law", "nil-2018/art7"},
      {"NSL 77", "nsl-2015/art77"},
      {"cel-2023/art14", "cel-2023/art14"},
      {"cel-2023 14", "cel-2023/art14"},
      {"2014年反间谍法第三十八条", "cel-2014/art38"},
      {"CEL (2014) art. 38", "cel-2014/art38"},
      {"cel-2014/art38", "cel-2014/art38"},
      {"保密法第一条", "ssl-2024/art1"},
      {"实施细则第一条", "cel-rules-2017/art1"},  // the one law whose name it abbreviates (with a note)
      {"奖励办法第五条", "report-reward-2022/art5"},
      {"重庆条例第二十条第二款", "cq-cer-2023/art20/para2"},
      {"Article 14 of the Counter-Espionage Law of the People's Republic of China", "cel-2023/art14"},
      {"Chongqing Municipality Counter-Espionage Work Regulations Article 18", "cq-cer-2023/art18"},
      {"Art. 10 of the Provisions on Anti-Espionage Security Precautions", "mss-precautions-2021/art10"},
      {"Law of the PRC on Guarding State Secrets art. 28", "ssl-2024/art28"},
      {"State Secrets Law Article 28(3)", "ssl-2024/art28/para1/item3"},  // one paragraph: (3) is the item
      {"CEL art. 25(2)", "cel-2023/art25/para2"},                        // two paragraphs: (2) is the paragraph
      {"安全法第九十条", "(unknown)"},
  };
  for (const auto& [citation, id] : cases) {
    INFO(citation);
    const LookupResult r = lookup.find(citation, kToday);
    if (std::string(id) == "(unknown)") {
      CHECK(r.status == LookupStatus::NotFound);
      continue;
    }
    REQUIRE(r.message == "");
    REQUIRE(r.status == LookupStatus::Found);
    CHECK(r.id().str() == id);
  }
}

TEST_CASE("The provision text is the source's own text", "[lookup]") {
  Lookup lookup(store());
  LookupResult r = lookup.find("反间谍法第十四条", kToday);
  REQUIRE(r.status == LookupStatus::Found);
  CHECK(provision_text(*r.zh, r.path) == raw_line("cel-2023", "第十四条 "));
  CHECK(chapter_label(*r.zh, *r.article) == "第二章 安全防范");
  CHECK(citation_zh(*r.law, r.path) == "反间谍法第十四条");
  CHECK(citation_en(*r.law, r.path) == "CEL Art. 14");

  r = lookup.find("反间谍法第四条第一款第（三）项", kToday);
  REQUIRE(r.status == LookupStatus::Found);
  CHECK(provision_text(*r.zh, r.path) == "（三）" + raw_line("cel-2023", "（三）"));  // art. 4 holds the file's first items

  r = lookup.find("反间谍法第四条", kToday);
  const std::string whole = provision_text(*r.zh, r.path);
  CHECK(whole.rfind(raw_line("cel-2023", "第四条 ") + "\n（一）", 0) == 0);
  CHECK(std::count(whole.begin(), whole.end(), '\n') == 7);  // paragraph, six items, paragraph
}

TEST_CASE("An abbreviated name resolves when it names one law, with a note, and lists the laws it could name", "[lookup]") {
  Lookup lookup(store());
  LookupResult r = lookup.find("实施细则第八条", kToday);
  REQUIRE(r.status == LookupStatus::Found);
  CHECK(r.note == "'实施细则' read as 反间谍法实施细则 (cel-rules-2017)");
  CHECK(lookup.find("反间谍法第八条", kToday).note.empty());  // a full name needs no note
  // 安全防范条例 abbreviates the four provincial regulations of that title, when they are read.
  CatalogStore with_locals(Catalog::scan(Registry::builtin(), {{test::core_dir(), test::local_dir()}, {}}));
  Lookup local(with_locals);
  r = local.find("安全防范条例第一条", kToday);
  CHECK(r.status == LookupStatus::BadInput);
  CHECK(r.message.rfind("'安全防范条例' abbreviates several laws: ", 0) == 0);
  CHECK(r.message.find("shanghai-ceprec-2021") != std::string::npos);
  // 安全法 is 国家安全法, not 举报奖励办法 (whose title merely holds 安…全…法).
  CHECK(local.find("安全法第一条", kToday).id().str() == "nsl-2015/art1");
}

TEST_CASE("An unqualified name means the version in force on the date asked", "[lookup]") {
  Lookup lookup(store());
  CHECK(lookup.find("反间谍法第一条", "2020-01-01").id().str() == "cel-2014/art1");
  CHECK(lookup.find("反间谍法第一条", "2023-06-30").id().str() == "cel-2014/art1");
  CHECK(lookup.find("反间谍法第一条", "2023-07-01").id().str() == "cel-2023/art1");
  const LookupResult r = lookup.find("反间谍法第一条", "2000-01-01");
  CHECK(r.status == LookupStatus::NotFound);
  CHECK(r.message == "反间谍法 was not in force on 2000-01-01 (in force from 2014-11-01)");
}

TEST_CASE("Not found and bad input get the right status and a one-line reason", "[lookup]") {
  Lookup lookup(store());
  const struct {
    const char* citation;
    LookupStatus status;
    const char* message;
  } cases[] = {
      {"反间谍法第七十二条", LookupStatus::NotFound, "no article 72 in 反间谍法 (cel-2023 has 71 articles)"},
      {"反间谍法第一百万条", LookupStatus::NotFound, "no article 1000000 in 反间谍法 (cel-2023 has 71 articles)"},
      {"反间谍法第二十条之一", LookupStatus::NotFound, "no 第二十条之一 in 反间谍法 (cel-2023 has 71 articles)"},
      {"网络安全法第一条", LookupStatus::NotFound, "unknown law '网络安全法'; did you mean 国家安全法 (nsl-2015)"},
      {"反间谍法第十四条第二款", LookupStatus::NotFound, "第十四条 of cel-2023 has only 1 paragraph"},
      {"反间谍法第四条第一款第（九）项", LookupStatus::NotFound, "第四条 of cel-2023 paragraph 1 has 6 items"},
      {"反间谍法第十四条第（一）项", LookupStatus::NotFound, "第十四条 of cel-2023 has no items"},
      {"jiangxi-cer-2024/art1", LookupStatus::NotFound,
       "jiangxi-cer-2024 has no text in the sources read; add its folder with --sources, or import it with: lawref import FILE --law jiangxi-cer-2024"},
      {"nosuch-law/art1", LookupStatus::NotFound, "unknown law id 'nosuch-law'"},
      {"第十四条", LookupStatus::BadInput, "which law? the citation names no law (e.g. 反间谍法第十四条)"},
      {"", LookupStatus::BadInput, "empty citation"},
  };
  for (const auto& c : cases) {
    INFO(c.citation);
    const LookupResult r = lookup.find(c.citation, kToday);
    CHECK(r.status == c.status);
    CHECK(r.message == c.message);
  }
}

TEST_CASE("JSON of a provision has the documented shape", "[lookup][json]") {
  Lookup lookup(store());
  const LookupResult r = lookup.find("2014年反间谍法第三十八条第一款第（二）项", kToday);
  REQUIRE(r.status == LookupStatus::Found);
  const auto j = render_json(r, store().registry());
  CHECK(j["id"] == "cel-2014/art38/para1/item2");
  CHECK(j["law"] == "cel-2014");
  CHECK(j["article"] == 38);
  CHECK(j["paragraph"] == 1);
  CHECK(j["item"] == 2);
  CHECK(j["citation"] == "反间谍法（2014）第三十八条第一款第（二）项");  // a superseded version carries its year
  CHECK(j["citation_en"] == "CEL (2014) Art. 38(1)(2)");
  CHECK(j["chapter"].get<std::string>().rfind("第五章", 0) == 0);
  CHECK(j["text"]["zh"].get<std::string>().rfind("（二）", 0) == 0);
  CHECK(j["text"]["en"].get<std::string>().rfind("(2) ", 0) == 0);
  CHECK(j["source"]["en"] == "unofficial translation (lawref)");
  CHECK(j["in_force"]["from"] == "2014-11-01");
  CHECK(j["in_force"]["to"] == "2023-07-01");
  CHECK_FALSE(j["version_note"].is_null());
}
