// The terms of one document counted, for the index builder: what analysis::analyze() yields for
// its texts, each distinct term once with its number of occurrences (its wdf). Bigrams and run
// ends, nine postings in ten, are counted as packed code points; only each distinct one is then
// spelt out as a string, where a string per occurrence cost an allocation and a string sort.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"

namespace lawref::analysis {

class TermCounts : private TermSink {
 public:
  // Adds the terms of `text` (analyze(text, options)).
  void add(std::string_view text, const AnalyzerOptions& options);
  // Calls `f` once per distinct term added since the last clear(), with its count; order unspecified.
  void for_each(const std::function<void(const std::string& term, std::uint32_t count)>& f);
  void clear();

 private:
  void bigram(char32_t a, char32_t b) override;
  void run_end(char32_t c) override;
  void term(std::string term) override;

  std::vector<std::uint64_t> packed_;  // bigrams and run ends (pack_* in the .cpp)
  std::vector<std::string> spelt_;     // every other term
  std::string scratch_;
};

}  // namespace lawref::analysis
