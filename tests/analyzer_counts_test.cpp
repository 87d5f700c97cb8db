// analysis::TermCounts (indexer/analyzer_counts.h) against analysis::analyze(): the index builder
// counts terms the fast way, and must give every term the count the analyzer's own list gives it.
#include <catch2/catch.hpp>

#include <functional>
#include <map>

#include "analyzer.h"
#include "analyzer_counts.h"
#include "importer.h"
#include "test_support.h"

using namespace lawref;

namespace {

using Counts = std::map<std::string, std::uint32_t>;

// The analyzer's terms of `texts`, counted.
Counts by_analyze(const std::vector<std::string>& texts, const analysis::AnalyzerOptions& options) {
  std::vector<std::string> terms;
  for (const std::string& t : texts) analysis::analyze(t, options, terms);
  Counts out;
  for (const std::string& t : terms) ++out[t];
  return out;
}

// TermCounts' terms of `texts`; a term given twice would fail.
Counts by_term_counts(analysis::TermCounts& counts, const std::vector<std::string>& texts, const analysis::AnalyzerOptions& options) {
  counts.clear();
  for (const std::string& t : texts) counts.add(t, options);
  Counts out;
  counts.for_each([&](const std::string& term, std::uint32_t n) {
    INFO(term);
    CHECK(out.emplace(term, n).second);
  });
  return out;
}

}  // namespace

TEST_CASE("TermCounts counts the terms the analyzer gives", "[analyzer]") {
  static const std::vector<std::vector<std::string>> rows = {
      {"快递企业应当协助快递企业"},
      {"國家安全機關，依照cel第１４条。", "国家安全机关"},  // Traditional and full-width fold; two texts share terms
      {"法", "法", "法律"},                                  // one character: a run end, three times
      {"Couriers assisting couriers", "ＣＯＵＲＩＥＲ"},
      {"𠀀𠀁𠀀𠀁 extension B ideographs"},                // four-byte UTF-8 code points pack and spell back
      {"", " \t\u3000", "。，！"},
      {"e-mail 3.5 2023年7月1日"},
  };
  analysis::TermCounts counts;  // reused, as the builder reuses one per law: clear() must forget
  for (const auto& texts : rows)
    for (const bool english : {false, true})
      for (const bool words : {false, true}) {
        CAPTURE(texts, english, words);
        const Counts expected = by_analyze(texts, {english, words});
        CHECK(by_term_counts(counts, texts, {english, words}) == expected);
      }
  // Nothing added since the last clear(): no terms.
  counts.clear();
  std::size_t calls = 0;
  counts.for_each([&](const std::string&, std::uint32_t) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("TermCounts agrees with the analyzer on every article of the core statutes", "[core]") {
  analysis::TermCounts counts;
  std::size_t articles = 0;
  for (const char* id : {"cel-2023", "cel-2014", "nsl-2015", "cel-rules-2017", "nil-2018", "ssl-2024", "report-reward-2022", "cq-cer-2023",
                         "mss-precautions-2021"}) {
    const ParseResult r = import_statute_file(test::core_file(id));
    REQUIRE(r.ok());
    for (const Article& a : r.law.articles) {
      std::vector<std::string> texts;
      std::function<void(const Item&)> item = [&](const Item& it) {
        texts.push_back(it.text);
        for (const Item& c : it.children) item(c);
      };
      for (const Paragraph& p : a.paragraphs) {
        texts.push_back(p.text);
        for (const Item& it : p.items) item(it);
      }
      CAPTURE(id, a.num);
      for (const bool words : {false, true}) CHECK(by_term_counts(counts, texts, {false, words}) == by_analyze(texts, {false, words}));
      ++articles;
    }
  }
  CHECK(articles == 402);
}
