// Every refusal of the importer, with its message.
#include <catch2/catch.hpp>

#include "importer.h"
#include "test_support.h"

using namespace lawref;

namespace {

const std::string kValid = "# 示例法\n\n第一条 为了示例，制定本法。\n\n第二条 本法自公布之日起施行。\n";

const Diagnostic* first_error(const ParseResult& r) {
  for (const auto& d : r.diagnostics.items)
    if (d.severity == Severity::Error) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("Empty and whitespace-only files are refused", "[refusals]") {
  for (const std::string& bytes : {std::string(), std::string("\n\r\n  \u3000\n"), std::string("\xEF\xBB\xBF")}) {
    const ParseResult r = import_statute_bytes(bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r)->code == "empty");
    CHECK(first_error(r)->message == "the file is empty");
  }
}

TEST_CASE("A file without articles is refused", "[refusals]") {
  const ParseResult r = import_statute_bytes("# 某案例\n\n## 基本案情\n\n原告诉称某事。\n");
  REQUIRE_FALSE(r.ok());
  CHECK(first_error(r)->code == "no-articles");
  CHECK(first_error(r)->message == "no articles (第…条) found");
}

TEST_CASE("Article numbers that jump, repeat or start late are refused and reported, never renumbered", "[refusals]") {
  SECTION("jump") {
    const ParseResult r = import_statute_bytes("# 示例法\n第一条 甲。\n第二条 乙。\n第四条 丁。\n");
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r)->code == "article-gap");
    CHECK(first_error(r)->line == 4);
    CHECK(first_error(r)->message == "article numbers jump: 第二条 is followed by 第四条");
    CHECK(r.law.articles[2].number == 4);
  }
  SECTION("repeat") {
    const ParseResult r = import_statute_bytes("# 示例法\n第一条 甲。\n第二条 乙。\n第二条 乙。\n");
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r)->code == "article-repeat");
    CHECK(first_error(r)->message == "article number repeats: 第二条 is followed by 第二条");
  }
  SECTION("late start") {
    const ParseResult r = import_statute_bytes("# 示例法\n第三条 丙。\n第四条 丁。\n");
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r)->code == "article-start");
  }
  SECTION("an insertion out of order") {
    const ParseResult r = import_statute_bytes("# 示例法\n第一条 甲。\n第二条之二 乙。\n");
    REQUIRE_FALSE(r.ok());
  }
  SECTION("lenient mode imports with warnings instead") {
    ParseOptions lenient;
    lenient.strict_numbering = false;
    const ParseResult r = import_statute_bytes("# 示例法\n第一条 甲。\n第三条 丙。\n", lenient);
    REQUIRE(r.ok());
    CHECK(r.diagnostics.items.at(0).code == "article-gap");
    CHECK(r.law.articles.size() == 2);
  }
}

TEST_CASE("GB18030 input is detected, converted and reported", "[refusals][encoding]") {
  const std::string gb = test::encode_as(kValid, "GB18030");
  REQUIRE(gb != kValid);
  const ParseResult r = import_statute_bytes(gb);
  REQUIRE(r.ok());
  CHECK(r.law.title == "示例法");
  CHECK(r.law.articles.size() == 2);
  CHECK(r.diagnostics.items.at(0).code == "converted-encoding");
  CHECK(r.diagnostics.items.at(0).message == "converted from GB18030 to UTF-8");
}

TEST_CASE("Big5 input is detected, converted and reported", "[refusals][encoding]") {
  const std::string traditional =
      "# 示例法\n\n第一條 為了維護國家安全，保護人民利益，制定本法。本法適用於國家機關、社會團體、企業事業組織和其他社會組織。\n\n"
      "第二條 國家安全機關是本法規定事項的主管機關，應當依照法律規定履行職責，保障公民和組織的合法權益。\n\n"
      "第三條 本法自公布之日起施行。\n";
  const std::string big5 = test::encode_as(traditional, "Big5");
  const ParseResult r = import_statute_bytes(big5);
  REQUIRE(r.ok());
  CHECK(r.law.articles.size() == 3);
  CHECK(r.diagnostics.items.at(0).message == "converted from Big5 to UTF-8");
  CHECK(r.law.articles[1].paragraphs[0].text.find("國家安全機關") == 0);
}

TEST_CASE("UTF-8 with a BOM is read as is", "[refusals][encoding]") {
  const ParseResult r = import_statute_bytes("\xEF\xBB\xBF" + kValid);
  REQUIRE(r.ok());
  CHECK(r.law.title == "示例法");
  CHECK_FALSE(r.diagnostics.has_warnings());
}

TEST_CASE("Undecodable bytes are refused with a clear message", "[refusals][encoding]") {
  std::string garbage;
  for (int i = 0; i < 400; ++i) garbage += static_cast<char>((i * 37 + 11) % 256 | 0x80);
  const ParseResult r = import_statute_bytes(garbage);
  REQUIRE_FALSE(r.ok());
  CHECK(first_error(r)->code == "encoding");
}

TEST_CASE("A missing file and a folder are I/O errors, not crashes", "[refusals]") {
  test::TempDir dir;
  ParseResult r = import_statute_file(dir.path / "nope.md");
  REQUIRE_FALSE(r.ok());
  CHECK(first_error(r)->code == "io");
  r = import_statute_file(dir.path);
  REQUIRE_FALSE(r.ok());
  CHECK(first_error(r)->message.find("is a directory") != std::string::npos);
}

TEST_CASE("Control characters are refused with their line", "[refusals]") {
  const ParseResult r = import_statute_bytes(std::string("# 示例法\n第一条 甲") + '\x01' + "乙。\n");
  REQUIRE_FALSE(r.ok());
  CHECK(first_error(r)->code == "control-character");
  CHECK(first_error(r)->line == 2);
  CHECK(first_error(r)->message == "control character U+0001 in the text (a binary or damaged file?)");
  CHECK_FALSE(import_statute_bytes(std::string("# a\n第一条 ") + '\0').ok());
}
