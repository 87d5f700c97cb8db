#include <catch2/catch.hpp>

#include <algorithm>

#include "analyzer.h"
#include "index_schema.h"
#include "utf8.h"

using namespace lawref;

namespace {
std::vector<std::string> terms_of(const std::string& text, bool english = false) {
  std::vector<std::string> t;
  analysis::analyze(text, {english, false}, t);
  return t;
}
}  // namespace

TEST_CASE("Runs split Chinese, words and numbers at punctuation and script changes", "[analyzer]") {
  const auto rs = analysis::runs(U"国家安全机关，依照cel第14条。");
  REQUIRE(rs.size() == 6);  // 国家安全机关 | 依照 | cel | 第 | 14 | 条
  CHECK(rs[0].text == U"国家安全机关");
  CHECK(rs[1].kind == analysis::RunKind::Cjk);
  CHECK(rs[1].text == U"依照");
  CHECK(rs[2].kind == analysis::RunKind::Word);
  CHECK(rs[2].text == U"cel");
  CHECK(rs[3].text == U"第");
  CHECK(rs[4].kind == analysis::RunKind::Number);
  CHECK(rs[5].text == U"条");
}

TEST_CASE("A Chinese run yields its bigrams and its last character", "[analyzer]") {
  const auto t = terms_of("快递企业");
  const std::vector<std::string> expected = {"快递", "递企", "企业", "XE业"};
  CHECK(t == expected);
  CHECK(terms_of("法") == std::vector<std::string>{"XE法"});
}

TEST_CASE("Traditional, full-width and case variants analyse to the same terms", "[analyzer]") {
  CHECK(terms_of("國家安全機關") == terms_of("国家安全机关"));
  CHECK(terms_of("第１４条 ＣＥＬ") == terms_of("第14条 cel"));
}

TEST_CASE("English text gets stems as well as words", "[analyzer]") {
  const auto t = terms_of("Couriers assisting", true);
  CHECK(std::count(t.begin(), t.end(), "couriers") == 1);
  CHECK(std::count(t.begin(), t.end(), "Zcourier") == 1);
  CHECK(std::count(t.begin(), t.end(), "Zassist") == 1);
}

TEST_CASE("ICU dictionary segmentation gives the words of a run", "[analyzer]") {
  const auto words = analysis::dictionary_words(U"快递企业应当协助");
  CHECK(std::find(words.begin(), words.end(), U"快递") != words.end());
  CHECK(std::find(words.begin(), words.end(), U"协助") != words.end());
  for (const auto& w : words) CHECK(w.size() >= 2);
}
