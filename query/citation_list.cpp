#include "citation_list.h"

#include <regex>

#include "numerals.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref {
namespace {

// 十 or 10, as a number; 0 when it is not one.
long long number_of(const std::string& s) { return parse_number(s).value_or(0); }

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

}  // namespace

CitationList split_citation_list(std::string_view input) {
  CitationList whole{{std::string(input)}, {}};
  const std::string s = text::fold(input);
  // Chinese: <law>第N条(至|、|和|及)第M条…  (第 may be left out after the first: 第十四条、十五条)
  static const std::regex zh_head(R"(^(.*?)(第[0-9一二三四五六七八九十百千零〇两]+条.*)$)");
  std::smatch m;
  if (std::regex_match(s, m, zh_head) && (s.find("至") != std::string::npos || s.find("、") != std::string::npos)) {
    const std::string law = m[1];
    std::string rest = m[2];
    static const std::regex part(R"(^\s*第?([0-9一二三四五六七八九十百千零〇两]+)条\s*)");
    std::vector<std::pair<long long, long long>> spans;
    while (!rest.empty()) {
      std::smatch p;
      if (!std::regex_search(rest, p, part)) return whole;  // 第四条第一款、第二款 and the like: one citation
      const long long n = number_of(p[1]);
      rest = p.suffix();
      if (rest.rfind("至", 0) == 0 || rest.rfind("到", 0) == 0) {
        rest = rest.substr(std::string("至").size());
        std::smatch q;
        if (!std::regex_search(rest, q, part)) return whole;
        spans.emplace_back(n, number_of(q[1]));
        rest = q.suffix();
      } else {
        spans.emplace_back(n, n);
      }
      for (const char* sep : {"、", "和", "及", ","})
        if (rest.rfind(sep, 0) == 0) {
          rest = rest.substr(std::string(sep).size());
          break;
        }
      if (!rest.empty() && !std::regex_search(rest, p, part)) return whole;
    }
    if (spans.size() == 1 && spans[0].first == spans[0].second) return whole;
    return expand(law, spans, true);
  }
  // English: <law> arts. 10-12 | art. 14, 15 | articles 10 to 12 of <law>
  static const std::regex en_after(R"(^(.*?)\s+(?:articles|arts\.?|art\.?|article)\s+(\d+)\s*(?:-|–|to|,|and)\s*(\d+)\s*$)", std::regex::icase);
  static const std::regex en_before(R"(^(?:articles|arts\.?)\s+(\d+)\s*(?:-|–|to|,|and)\s*(\d+)\s+of\s+(?:the\s+)?(.+)$)", std::regex::icase);
  if (std::regex_match(s, m, en_after) || std::regex_match(s, m, en_before)) {
    const bool after = std::regex_match(s, en_after);
    const std::string law = after ? std::string(m[1]) : std::string(m[3]);
    const long long a = std::stoll(after ? std::string(m[2]) : std::string(m[1]));
    const long long b = std::stoll(after ? std::string(m[3]) : std::string(m[2]));
    const std::string joined = std::regex_replace(std::string(m[0]), std::regex(R"(\s+)"), " ");
    const bool list = joined.find(',') != std::string::npos || std::regex_search(joined, std::regex(R"(\d\s+and\s+\d)", std::regex::icase));
    if (list) return expand(law, {{a, a}, {b, b}}, false);
    return expand(law, {{a, b}}, false);
  }
  return whole;
}

}  // namespace lawref
