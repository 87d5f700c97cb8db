#include "analyzer.h"

#include <memory>
#include <stdexcept>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include "index_schema.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::analysis {
namespace {

bool is_ascii_letter(char32_t c) { return c >= U'a' && c <= U'z'; }
bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
    return b;
  }();
  return *breaker;
}

}  // namespace

bool is_cjk(char32_t c) { return utf8::is_cjk_ideograph(c); }

void run_spans(std::u32string_view s, std::vector<RunSpan>& out) {
  out.clear();
  std::uint32_t i = 0;
  const auto n = static_cast<std::uint32_t>(s.size());
  while (i < n) {
    const char32_t c = s[i];
    RunKind kind;
    std::uint32_t j = i + 1;
    if (is_cjk(c)) {
      kind = RunKind::Cjk;
      while (j < n && is_cjk(s[j])) ++j;
    } else if (is_ascii_letter(c)) {
      kind = RunKind::Word;
      while (j < n && (is_ascii_letter(s[j]) || is_ascii_digit(s[j]))) ++j;
    } else if (is_ascii_digit(c)) {
      kind = RunKind::Number;
      while (j < n && is_ascii_digit(s[j])) ++j;
    } else {
      ++i;
      continue;
    }
    out.push_back(RunSpan{kind, i, j});
    i = j;
  }
}

std::vector<Run> runs(std::u32string_view s) {
  std::vector<RunSpan> spans;
  run_spans(s, spans);
  std::vector<Run> out;
  out.reserve(spans.size());
  for (const RunSpan& r : spans) out.push_back(Run{r.kind, std::u32string(s.substr(r.begin, r.end - r.begin)), r.begin, r.end});
  return out;
}

std::string bigram_term(char32_t a, char32_t b) {
  std::string t;
  utf8::append(t, a);
  utf8::append(t, b);
  return t;
}

std::string run_end_term(char32_t c) {
  std::string t = schema::kRunEnd;
  utf8::append(t, c);
  return t;
}

std::string word_term(std::u32string_view word) { return schema::kWord + utf8::encode(word); }

std::vector<std::u32string> dictionary_words(std::u32string_view run) {
  std::vector<std::u32string> out;
  if (run.size() < 2) return out;
  const std::string utf8_run = utf8::encode(run);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8_run);
  icu::BreakIterator& b = word_breaker();
  b.setText(u);
  for (int32_t start = b.first(), end = b.next(); end != icu::BreakIterator::DONE; start = end, end = b.next()) {
    if (end - start < 2 || b.getRuleStatus() < UBRK_WORD_IDEO) continue;  // single characters add nothing over unigrams
    std::u32string w;
    for (int32_t k = start; k < end; k = u.moveIndex32(k, 1)) w.push_back(static_cast<char32_t>(u.char32At(k)));
    if (w.size() >= 2) out.push_back(std::move(w));
  }
  return out;
}

std::string stem_term(const std::string& word) {
  thread_local Xapian::Stem stemmer("english");
  return schema::kStem + stemmer(word);
}

void analyze(std::string_view text, const AnalyzerOptions& options, TermSink& sink) {
  // Reused by every text a thread analyses: an index build analyses ~600,000 of them.
  thread_local std::u32string decoded, folded;
  thread_local std::vector<RunSpan> spans;
  utf8::decode(text, decoded);
  text::fold_chars(decoded, folded);
  run_spans(folded, spans);
  for (const RunSpan& r : spans) {
    const std::u32string_view run = std::u32string_view(folded).substr(r.begin, r.end - r.begin);
    if (r.kind == RunKind::Cjk) {
      for (std::size_t k = 0; k + 1 < run.size(); ++k) sink.bigram(run[k], run[k + 1]);
      sink.run_end(run.back());
      if (options.dictionary_words)
        for (const std::u32string& w : dictionary_words(run)) sink.term(word_term(w));
    } else {
      std::string word = utf8::encode(run);
      if (options.english && r.kind == RunKind::Word) sink.term(stem_term(word));
      sink.term(std::move(word));
    }
  }
}

void analyze(std::string_view text, const AnalyzerOptions& options, std::vector<std::string>& terms) {
  struct Spelt : TermSink {
    explicit Spelt(std::vector<std::string>& t) : terms(t) {}
    void bigram(char32_t a, char32_t b) override { terms.push_back(bigram_term(a, b)); }
    void run_end(char32_t c) override { terms.push_back(run_end_term(c)); }
    void term(std::string t) override { terms.push_back(std::move(t)); }
    std::vector<std::string>& terms;
  } spelt(terms);
  analyze(text, options, spelt);
}

}  // namespace lawref::analysis
