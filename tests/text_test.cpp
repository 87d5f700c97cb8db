#include <catch2/catch.hpp>

#include <memory>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "text_folding.h"
#include "utf8.h"

using namespace lawref;

TEST_CASE("NFKC case folding turns full-width forms into plain ones", "[text]") {
  CHECK(text::nfkc_casefold("第４条（一）ＡＢＣ") == "第4条(一)abc");
  CHECK(text::nfkc_casefold("Counter-Espionage LAW") == "counter-espionage law");
}

TEST_CASE("Traditional Chinese folds to Simplified", "[text]") {
  CHECK(text::to_simplified("國家安全機關依照本法第四條") == "国家安全机关依照本法第四条");
  CHECK(text::fold("反間諜法第十四條") == "反间谍法第十四条");
  CHECK(text::fold("ＣＥＬ") == "cel");
}

TEST_CASE("Pinyin slugs are plain ASCII", "[text]") {
  CHECK(text::pinyin_slug("网络安全法") == "wangluoanquanfa");
  CHECK(text::pinyin_slug("刑法修正案（十二）") == "xingfaxiuzhenganshier");
}

// pinyin_slug runs Latin-ASCII character by character where that is the same as over the whole
// text: compared with the compound transliterator it replaced, on titles with tone marks, context
// (重庆 is chong, not zhong), full-width and Latin punctuation, ligatures, combining marks, Hangul.
TEST_CASE("Pinyin slugs are what ICU's Han-Latin; Latin-ASCII makes of the whole text", "[text]") {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Transliterator> compound(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  auto reference = [&](const std::string& in) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(in);
    compound->transliterate(s);
    std::string u, out;
    s.toUTF8String(u);
    for (char c : u)
      if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    return out;
  };
  for (const std::string in : {"重庆市人民防空条例", "绿色出行促进条例（试行）", "嗯呣女律", "ÆON Œuvre ǅemal ß", "Ⅻ号①２０２３年",
                               "e\u0302\u0304 ê̄ a\u0301", "한국어 조례 法", "中华人民共和国民法典", "", "ＡＢＣ－ｄｅｆ·“引号”"}) {
    CAPTURE(in);
    CHECK(text::pinyin_slug(in) == reference(in));
  }
  CHECK(text::pinyin_slug("重庆市人民防空条例") == "chongqingshirenminfangkongtiaoli");
}

TEST_CASE("UTF-8 validation rejects ill-formed input", "[text]") {
  CHECK(utf8::is_valid("第一条"));
  CHECK_FALSE(utf8::is_valid("\xC0\xAF"));      // overlong
  CHECK_FALSE(utf8::is_valid("\xED\xA0\x80"));  // surrogate
  CHECK_FALSE(utf8::is_valid("\xE7\xAC"));      // truncated
  CHECK_FALSE(utf8::is_valid("\xB5\xDA"));      // GB18030 bytes
}

TEST_CASE("Trimming removes ASCII, ideographic and no-break spaces", "[text]") {
  CHECK(utf8::trim(std::string_view("\u3000 总则 \u00A0\r")) == "总则");
  CHECK(utf8::trim(std::string_view("　　")).empty());
  CHECK(utf8::trim(std::string_view("条")) == "条");
}

TEST_CASE("Folding is a per-character key that agrees with ICU wherever ICU needs no context", "[text]") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> icu_t2s(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  const char* samples[] = {
      "中華人民共和國反間諜法第十四條", "國家安全機關依照本法規定履行職責，保障公民和組織的合法權益。",
      "第二節 調查處置；第一分編 通則", "關鍵信息基礎設施的網絡攻擊、侵入、干擾、破壞", "臺灣 台灣 後來",
  };
  for (const char* s : samples) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    icu_t2s->transliterate(u);
    std::string expected;
    u.toUTF8String(expected);
    INFO(s);
    CHECK(text::to_simplified(s) == expected);
  }
  // Context-free by design: ICU keeps 著作 but maps 著 alone; the key maps it everywhere,
  // so a query and a text that both say 著作 still meet.
  CHECK(text::fold("著作权") == text::fold("著作權"));
}

TEST_CASE("fold_chars records where every folded character came from", "[text]") {
  std::u32string out;
  std::vector<std::uint32_t> origin;
  text::fold_chars(U"Ａ㈠國", out, &origin);
  CHECK(out == U"a(一)国");
  CHECK(origin == std::vector<std::uint32_t>{0, 1, 1, 1, 2});
  CHECK(text::fold("第４条（一）ＡＢＣ") == text::nfkc_casefold("第４条（一）ＡＢＣ"));
}
