#include "citation_list.h"

#include <algorithm>
#include <cctype>

#include "numerals.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref {
namespace {

using u32 = std::u32string;
using u32v = std::u32string_view;

CitationList expand(const std::string& law, const std::vector<std::pair<long long, long long>>& spans, bool chinese) {
  CitationList out;
  for (const auto& [from, to] : spans) {
    if (from <= 0 || to < from) {
      out.error = "the range " + std::to_string(from) + "–" + std::to_string(to) + " runs backwards";
      return out;
    }
    if (to - from + 1 > kMaxRange) {
      out.error = "a range of " + std::to_string(to - from + 1) + " articles; at most " + std::to_string(kMaxRange) + " at a time";
      return out;
    }
    for (long long n = from; n <= to; ++n)
      out.citations.push_back(chinese ? law + "第" + to_chinese_numeral(n) + "条" : law + " art. " + std::to_string(n));
  }
  return out;
}

bool numeral(char32_t c) { return is_chinese_numeral_char(c) || (c >= U'0' && c <= U'9'); }

void skip_spaces(u32v s, std::size_t& i) {
  while (i < s.size() && utf8::is_space(s[i])) ++i;
}

// [第]N条 at `i`: the article number, `i` past it; 0 when there is none.
long long article_zh(u32v s, std::size_t& i) {
  std::size_t j = i;
  skip_spaces(s, j);
  if (j < s.size() && s[j] == U'第') ++j;
  const std::size_t start = j;
  while (j < s.size() && numeral(s[j])) ++j;
  if (j == start || j >= s.size() || s[j] != U'条') return 0;
  const auto n = parse_number(s.substr(start, j - start));
  if (!n) return 0;
  i = j + 1;
  return *n;
}

bool take(u32v s, std::size_t& i, u32v word) {
  std::size_t j = i;
  skip_spaces(s, j);
  if (s.substr(j, word.size()) != word) return false;
  i = j + word.size();
  return true;
}

// 第十条至第十二条、第十四条: spans of articles, or none when the text is anything else.
std::vector<std::pair<long long, long long>> spans_zh(u32v rest) {
  std::vector<std::pair<long long, long long>> spans;
  std::size_t i = 0;
  while (true) {
    const long long from = article_zh(rest, i);
    if (!from) return {};
    long long to = from;
    if (take(rest, i, U"至") || take(rest, i, U"到")) {
      to = article_zh(rest, i);
      if (!to) return {};
    }
    spans.emplace_back(from, to);
    skip_spaces(rest, i);
    if (i == rest.size()) return spans;
    if (!(take(rest, i, U"、") || take(rest, i, U"和") || take(rest, i, U"及") || take(rest, i, U","))) return {};
  }
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    const bool sep = c == ' ' || c == '\t';
    const bool punct = c == ',' || c == '-';
    if (sep || punct) {
      if (!w.empty()) out.push_back(w), w.clear();
      if (punct) out.emplace_back(1, c);
      continue;
    }
    w.push_back(c);
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

bool is_number(const std::string& w) { return !w.empty() && w.size() <= 6 && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }); }

std::string join(const std::vector<std::string>& w, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to; ++k) out += (out.empty() ? "" : " ") + w[k];
  return out;
}

}  // namespace

CitationList split_citation_list(std::string_view input) {
  CitationList whole{{std::string(input)}, {}};
  if (input.size() > 4000) return whole;  // far longer than any citation: the lookup refuses it
  const std::string folded = text::fold(input);
  const u32 s = utf8::decode(folded);
  // Chinese: <law>第N条(至|、|和|及)第M条…
  if (const std::size_t at = s.find(U'第'); at != u32::npos && (s.find(U'至') != u32::npos || s.find(U'、') != u32::npos)) {
    const auto spans = spans_zh(u32v(s).substr(at));
    if (spans.empty() || (spans.size() == 1 && spans[0].first == spans[0].second)) return whole;
    return expand(utf8::encode(u32v(s).substr(0, at)), spans, true);
  }
  // English: <law> arts. 10-12 | art. 14, 15 | articles 10 to 12 of [the] <law>
  const std::vector<std::string> w = words_of(folded);
  for (std::size_t k = 0; k + 3 < w.size(); ++k) {  // unit, number, separator, number
    std::string unit = lower_ascii(w[k]);
    if (!unit.empty() && unit.back() == '.') unit.pop_back();
    if (unit != "art" && unit != "arts" && unit != "article" && unit != "articles") continue;
    const std::string sep = lower_ascii(w[k + 2]);
    if (!is_number(w[k + 1]) || (sep != "-" && sep != "to" && sep != "," && sep != "and") || !is_number(w[k + 3])) continue;
    const long long a = std::stoll(w[k + 1]), b = std::stoll(w[k + 3]);
    const bool list = sep == "," || sep == "and";
    std::string law;
    if (k + 4 == w.size() && k > 0) law = join(w, 0, k);  // CEL arts. 10-12
    else if (k == 0 && k + 5 <= w.size() && lower_ascii(w[k + 4]) == "of") {  // articles 10 to 12 of the CEL
      std::size_t from = k + 5;
      if (from < w.size() && lower_ascii(w[from]) == "the") ++from;
      law = join(w, from, w.size());
    }
    if (law.empty()) return whole;
    return list ? expand(law, {{a, a}, {b, b}}, false) : expand(law, {{a, b}}, false);
  }
  return whole;
}

}  // namespace lawref
