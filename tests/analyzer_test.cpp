// Text analysis shared by indexing and querying (indexer/analyzer.h), table-driven as Xapian's
// api_termgen.cc: each row is an input and the runs or terms it gives, reported with its input.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analyzer.h"
#include "index_schema.h"
#include "text_folding.h"
#include "utf8.h"

using namespace lawref;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The runs of a text after folding, as "C:国家@0 W:cel@6 N:14@9" (kind, text, start offset).
std::string runs_of(const std::string& text) {
  std::u32string folded;
  text::fold_chars(utf8::decode(text), folded);
  std::string out;
  for (const analysis::Run& r : analysis::runs(folded)) {
    const char kind = r.kind == analysis::RunKind::Cjk ? 'C' : r.kind == analysis::RunKind::Word ? 'W' : 'N';
    CHECK(r.end == r.begin + r.text.size());
    CHECK(folded.substr(r.begin, r.end - r.begin) == r.text);
    out += (out.empty() ? "" : " ") + std::string(1, kind) + ":" + utf8::encode(r.text) + "@" + std::to_string(r.begin);
  }
  return out;
}

// The terms of a text, space-separated, in the order the analyzer gives them.
std::string terms_of(const std::string& text, bool english = false) {
  std::vector<std::string> t;
  analysis::analyze(text, {english, false}, t);
  std::string out;
  for (const std::string& term : t) out += (out.empty() ? "" : " ") + term;
  return out;
}

}  // namespace

TEST_CASE("Runs split Chinese, words and numbers at punctuation and script changes", "[analyzer]") {
  static const struct {
    std::string input;
    std::string expected;
  } rows[] = {
      {"国家安全机关，依照cel第14条。", "C:国家安全机关@0 C:依照@7 W:cel@9 C:第@12 N:14@13 C:条@15"},
      {"", ""},
      {"   \t\u3000 ", ""},
      {"。，！、；：（）《》", ""},                          // full-width punctuation only
      {"快递", "C:快递@0"},
      {"国家（安全）", "C:国家@0 C:安全@3"},                  // full-width brackets separate runs
      {"art14 14art", "W:art14@0 N:14@6 W:art@8"},             // a word may hold digits, a number no letters
      {"2023年7月1日", "N:2023@0 C:年@4 N:7@5 C:月@6 N:1@7 C:日@8"},
      {"２０２３年７月１日", "N:2023@0 C:年@4 N:7@5 C:月@6 N:1@7 C:日@8"},  // full-width digits fold
      {"CEL Art. 14", "W:cel@0 W:art@4 N:14@9"},              // case folds
      {"ＣＥＬ", "W:cel@0"},                                  // full-width letters fold
      {"國家安全機關", "C:国家安全机关@0"},                    // Traditional folds to Simplified
      {"二〇二三年", "C:二〇二三年@0"},                        // 〇 is a Chinese numeral, not punctuation
      {"courier快递company", "W:courier@0 C:快递@7 W:company@9"},
      {"e-mail", "W:e@0 W:mail@2"},
      {"3.5", "N:3@0 N:5@2"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(runs_of(row.input) == row.expected);
  }
}

TEST_CASE("Terms: bigrams and the last character of a Chinese run, words, and English stems", "[analyzer]") {
  static const struct {
    std::string input;
    bool english;
    std::string expected;
  } rows[] = {
      {"快递企业", false, "快递 递企 企业 XE业"},
      {"法", false, "XE法"},
      {"国家安全机关，依照", false, "国家 家安 安全 全机 机关 XE关 依照 XE照"},
      {"", false, ""},
      {" \t\u3000\n", false, ""},
      {"。，！", false, ""},
      {"第14条", false, "XE第 14 XE条"},
      {"cel第14条", false, "cel XE第 14 XE条"},
      {"Couriers assisting", false, "couriers assisting"},
      {"Couriers assisting", true, "Zcourier couriers Zassist assisting"},  // stems only for English text
      {"快递 courier", true, "快递 XE递 Zcourier courier"},
      {"14 2023", true, "14 2023"},                                           // numbers get no stem
      {"“国家安全”", false, "国家 家安 安全 XE全"},                             // quotation marks are punctuation
      {"間諜組織", false, "间谍 谍组 组织 XE织"},
      {"ＣＯＵＲＩＥＲ", true, "Zcourier courier"},
      {repeat("长", 1000), false, repeat("长长 ", 999) + "XE长"},              // a long run: every bigram kept (repeats make the wdf)
  };
  for (const auto& row : rows) {
    CAPTURE(row.input, row.english);
    CHECK(terms_of(row.input, row.english) == row.expected);
  }
}

TEST_CASE("Traditional, full-width and case variants analyse to the same terms", "[analyzer]") {
  static const struct {
    std::string variant;
    std::string plain;
  } rows[] = {
      {"國家安全機關", "国家安全机关"},
      {"間諜組織", "间谍组织"},
      {"第１４条 ＣＥＬ", "第14条 cel"},
      {"ＣＯＵＲＩＥＲ Companies", "courier companies"},
      {"國家秘密，保密", "国家秘密、保密"},  // one punctuation mark for another
  };
  for (const auto& row : rows) {
    CAPTURE(row.variant, row.plain);
    REQUIRE_FALSE(terms_of(row.plain).empty());
    CHECK(terms_of(row.variant) == terms_of(row.plain));
    CHECK(terms_of(row.variant, true) == terms_of(row.plain, true));
  }
}

TEST_CASE("ICU dictionary segmentation gives the words of a run", "[analyzer]") {
  static const struct {
    std::u32string input;
    std::vector<std::u32string> contains;  // among the words (the dictionary may find more)
  } rows[] = {
      {U"快递企业应当协助", {U"快递", U"协助"}},
      {U"国家安全机关", {U"国家安全", U"机关"}},
      {U"", {}},
      {U"法", {}},  // one character: nothing beyond the run end term
  };
  for (const auto& row : rows) {
    CAPTURE(utf8::encode(row.input));
    const auto words = analysis::dictionary_words(row.input);
    if (row.contains.empty()) CHECK(words.empty());
    for (const auto& w : row.contains) CHECK(std::find(words.begin(), words.end(), w) != words.end());
    for (const auto& w : words) {
      CHECK(w.size() >= 2);
      CHECK(row.input.find(w) != std::u32string::npos);
    }
  }
}
