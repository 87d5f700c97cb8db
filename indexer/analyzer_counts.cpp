#include "analyzer_counts.h"

#include <algorithm>

#include "index_schema.h"
#include "utf8.h"

namespace lawref::analysis {
namespace {

// A code point has 21 bits: a bigram packs two below bit 42, a run end sets bit 42 above one.
constexpr std::uint64_t kRunEndBit = std::uint64_t{1} << 42;
constexpr std::uint64_t kCodePointMask = (std::uint64_t{1} << 21) - 1;

std::uint64_t pack_bigram(char32_t a, char32_t b) { return (std::uint64_t{a} << 21) | b; }
std::uint64_t pack_run_end(char32_t c) { return kRunEndBit | c; }

// The term a packed value stands for, as bigram_term and run_end_term spell it.
void spell(std::uint64_t packed, std::string& out) {
  out.clear();
  if (packed & kRunEndBit) {
    out = schema::kRunEnd;
    utf8::append(out, static_cast<char32_t>(packed & kCodePointMask));
  } else {
    utf8::append(out, static_cast<char32_t>(packed >> 21));
    utf8::append(out, static_cast<char32_t>(packed & kCodePointMask));
  }
}

// Calls f(value, count) for each distinct value of `v`, sorting it first.
template <class T, class F>
void each_distinct(std::vector<T>& v, F f) {
  std::sort(v.begin(), v.end());
  for (std::size_t i = 0; i < v.size();) {
    std::size_t e = i + 1;
    while (e < v.size() && v[e] == v[i]) ++e;
    f(v[i], static_cast<std::uint32_t>(e - i));
    i = e;
  }
}

}  // namespace

void TermCounts::add(std::string_view text, const AnalyzerOptions& options) { analyze(text, options, *this); }

void TermCounts::bigram(char32_t a, char32_t b) { packed_.push_back(pack_bigram(a, b)); }
void TermCounts::run_end(char32_t c) { packed_.push_back(pack_run_end(c)); }
void TermCounts::term(std::string term) { spelt_.push_back(std::move(term)); }

void TermCounts::for_each(const std::function<void(const std::string& term, std::uint32_t count)>& f) {
  each_distinct(packed_, [&](std::uint64_t packed, std::uint32_t count) {
    spell(packed, scratch_);
    f(scratch_, count);
  });
  each_distinct(spelt_, [&](const std::string& term, std::uint32_t count) { f(term, count); });
}

void TermCounts::clear() {
  packed_.clear();
  spelt_.clear();
}

}  // namespace lawref::analysis
