#include "line_patterns.h"

#include "numerals.h"
#include "utf8.h"

namespace lawref {
namespace {

bool is_arabic_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
bool is_open_bracket(char32_t c) { return c == U'（' || c == U'('; }
bool is_close_bracket(char32_t c) { return c == U'）' || c == U')'; }
// Texts in Traditional characters write 條, 節 and 編.
bool is_tiao(char32_t c) { return c == U'条' || c == U'條'; }
bool is_bian(char32_t c) { return c == U'编' || c == U'編'; }
bool is_jie(char32_t c) { return c == U'节' || c == U'節'; }

// Length of the run of numeral characters (Chinese or Arabic) starting at `pos`.
std::size_t numeral_run(std::u32string_view s, std::size_t pos, std::size_t max_len = 10) {
  std::size_t n = 0;
  while (pos + n < s.size() && n < max_len && (is_chinese_numeral_char(s[pos + n]) || is_arabic_digit(s[pos + n]))) ++n;
  return n;
}

std::optional<int> small_number(std::u32string_view s) {
  const auto v = parse_number(s);
  if (!v || *v <= 0 || *v > 100000) return std::nullopt;
  return static_cast<int>(*v);
}

bool has_clause_punctuation(std::u32string_view s) {
  for (char32_t c : s)
    if (c == U'，' || c == U'。' || c == U'；' || c == U'：' || c == U'、' || c == U',' || c == U';') return true;
  return false;
}

std::u32string_view rest_after(std::u32string_view s, std::size_t pos) { return utf8::trim(s.substr(pos)); }

char32_t ascii_lower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c - U'A' + U'a' : c; }

bool starts_with_word_ci(std::u32string_view s, std::u32string_view word) {
  if (s.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (ascii_lower(s[i]) != word[i]) return false;
  return s.size() == word.size() || utf8::is_space(s[word.size()]);
}

std::optional<int> roman_value(std::u32string_view s) {
  auto value = [](char32_t c) {
    switch (ascii_lower(c)) {
      case U'i': return 1; case U'v': return 5; case U'x': return 10;
      case U'l': return 50; case U'c': return 100; default: return 0;
    }
  };
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int v = value(s[i]);
    if (v == 0) return std::nullopt;
    const int next = i + 1 < s.size() ? value(s[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  return total > 0 ? std::optional<int>(total) : std::nullopt;
}

}  // namespace

std::optional<DivisionHeading> match_division_zh(std::u32string_view line, bool markdown_heading) {
  if (line.empty() || line[0] != U'第') return std::nullopt;
  const std::size_t n = numeral_run(line, 1);
  if (n == 0) return std::nullopt;
  std::size_t pos = 1 + n;
  DivisionKind kind;
  if (pos + 1 < line.size() && line[pos] == U'分' && is_bian(line[pos + 1])) kind = DivisionKind::Subpart, pos += 2;
  else if (pos < line.size() && is_bian(line[pos])) kind = DivisionKind::Part, pos += 1;
  else if (pos < line.size() && line[pos] == U'章') kind = DivisionKind::Chapter, pos += 1;
  else if (pos < line.size() && is_jie(line[pos])) kind = DivisionKind::Section, pos += 1;
  else return std::nullopt;
  const auto number = small_number(line.substr(1, n));
  if (!number) return std::nullopt;
  const std::u32string_view rest = line.substr(pos);
  const bool separated = rest.empty() || utf8::is_space(rest.front());
  // A plain-text line needs a separator, or must at least look like a short title
  // (第二章规定的… is a sentence, not a heading).
  if (!separated && !markdown_heading && (rest.size() > 16 || has_clause_punctuation(rest))) return std::nullopt;
  return DivisionHeading{kind, *number, line.substr(0, pos), utf8::trim(rest)};
}

std::optional<ArticleOpening> match_article_zh(std::u32string_view line) {
  if (line.empty() || line[0] != U'第') return std::nullopt;
  const std::size_t n = numeral_run(line, 1);
  if (n == 0 || 1 + n >= line.size()) return std::nullopt;
  std::size_t pos = 1 + n;
  bool space_before_tiao = false;
  if (utf8::is_space(line[pos]) && pos + 1 < line.size() && is_tiao(line[pos + 1])) {
    space_before_tiao = true;
    ++pos;
  }
  if (!is_tiao(line[pos])) return std::nullopt;
  const auto number = small_number(line.substr(1, n));
  if (!number) return std::nullopt;
  ++pos;
  int insertion = 0;
  if (pos < line.size() && line[pos] == U'之') {
    const std::size_t m = numeral_run(line, pos + 1);
    const auto ins = m ? small_number(line.substr(pos + 1, m)) : std::nullopt;
    if (!ins) return std::nullopt;
    insertion = *ins;
    pos += 1 + m;
  }
  // 第二十条规定的… opens a sentence, not an article: the number must be followed by a space
  // (unless the space slipped in before 条, which only happens in a heading).
  if (!space_before_tiao && pos < line.size() && !utf8::is_space(line[pos])) return std::nullopt;
  return ArticleOpening{*number, insertion, line.substr(0, pos), rest_after(line, pos), space_before_tiao};
}

bool looks_like_unreadable_article_zh(std::u32string_view line) {
  if (line.empty() || line[0] != U'第') return false;
  std::size_t tiao = 2;
  while (tiao < line.size() && tiao <= 9 && !is_tiao(line[tiao])) ++tiao;
  if (tiao >= line.size() || tiao > 9) return false;
  if (tiao + 1 < line.size() && !utf8::is_space(line[tiao + 1])) return false;
  return !match_article_zh(line);
}

std::optional<ItemOpening> match_item_zh(std::u32string_view line) {
  if (line.empty()) return std::nullopt;
  const bool open = is_open_bracket(line[0]);
  const std::size_t start = open ? 1 : 0;
  const std::size_t n = numeral_run(line, start, 4);
  if (n == 0) return std::nullopt;
  const bool arabic = is_arabic_digit(line[start]);
  const std::size_t after = start + n;
  if (after < line.size() && is_close_bracket(line[after])) {
    if (!open && arabic) return std::nullopt;  // 1) is rare; do not guess
    const auto number = small_number(line.substr(start, n));
    if (!number) return std::nullopt;
    return ItemOpening{*number, line.substr(0, after + 1), rest_after(line, after + 1), arabic, !open};
  }
  // 1. / 1． / 1、 (but not 1.5 or 1、2 in a sentence)
  if (!open && arabic && after < line.size() &&
      (line[after] == U'.' || line[after] == U'．' || line[after] == U'、') &&
      (after + 1 >= line.size() || !is_arabic_digit(line[after + 1]))) {
    const auto number = small_number(line.substr(start, n));
    if (!number) return std::nullopt;
    return ItemOpening{*number, line.substr(0, after + 1), rest_after(line, after + 1), true, false};
  }
  return std::nullopt;
}

std::optional<DivisionHeading> match_group_heading_zh(std::u32string_view line) {
  const std::size_t n = numeral_run(line, 0, 4);
  if (n == 0 || n >= line.size() || line[n] != U'、' || is_arabic_digit(line[0])) return std::nullopt;
  const auto number = small_number(line.substr(0, n));
  if (!number) return std::nullopt;
  return DivisionHeading{DivisionKind::Chapter, *number, line.substr(0, n + 1), rest_after(line, n + 1)};
}

bool opens_appendix_zh(std::u32string_view line) {
  if (line.empty() || line[0] != U'附') return false;
  std::u32string_view rest = line.substr(1);
  while (!rest.empty() && utf8::is_space(rest.front())) rest.remove_prefix(1);
  if (!rest.empty() && rest[0] == U'则') return false;  // 附则 is the closing chapter, not an appendix
  if (!rest.empty() && (rest[0] == U'件' || rest[0] == U'表' || rest[0] == U'录')) rest.remove_prefix(1);
  // What may follow: a number, a colon, or a short title (附件一：…, 附表 收费标准).
  std::size_t i = 0;
  while (i < rest.size() && (is_chinese_numeral_char(rest[i]) || is_arabic_digit(rest[i]))) ++i;
  return rest.size() == i || rest[i] == U'：' || rest[i] == U':' || utf8::is_space(rest[i]) || (i > 0 && rest.size() < 40);
}

std::size_t inline_article_start_zh(std::u32string_view line, int expected) {
  for (std::size_t pos = line.find(U'第'); pos != std::u32string_view::npos; pos = line.find(U'第', pos + 1)) {
    std::size_t before = pos;
    while (before > 0 && utf8::is_space(line[before - 1])) --before;
    if (before == pos || before == 0) continue;  // needs sentence end + space before it
    const char32_t end = line[before - 1];
    if (end != U'。' && end != U'；' && end != U'：') continue;
    const auto a = match_article_zh(line.substr(pos));
    if (a && a->number == expected && a->insertion == 0 && !a->space_before_tiao) return pos;
  }
  return std::u32string_view::npos;
}

std::optional<DivisionHeading> match_division_en(std::u32string_view line) {
  static constexpr std::pair<std::u32string_view, DivisionKind> words[] = {
      {U"part", DivisionKind::Part}, {U"chapter", DivisionKind::Chapter}, {U"section", DivisionKind::Section}};
  for (const auto& [word, kind] : words) {
    if (!starts_with_word_ci(line, word)) continue;
    std::size_t pos = word.size();
    while (pos < line.size() && utf8::is_space(line[pos])) ++pos;
    std::size_t end = pos;
    while (end < line.size() && !utf8::is_space(line[end]) && line[end] != U'.' && line[end] != U':') ++end;
    const std::u32string_view token = line.substr(pos, end - pos);
    std::optional<int> number = small_number(token);
    if (!number) number = roman_value(token);
    if (!number) return std::nullopt;
    std::size_t rest = end;
    while (rest < line.size() && (line[rest] == U'.' || line[rest] == U':')) ++rest;
    return DivisionHeading{kind, *number, line.substr(0, end), rest_after(line, rest)};
  }
  return std::nullopt;
}

std::optional<ArticleOpening> match_article_en(std::u32string_view line) {
  if (!starts_with_word_ci(line, U"article")) return std::nullopt;
  std::size_t pos = 7;
  while (pos < line.size() && utf8::is_space(line[pos])) ++pos;
  std::size_t end = pos;
  while (end < line.size() && is_arabic_digit(line[end])) ++end;
  const auto number = end > pos ? small_number(line.substr(pos, end - pos)) : std::nullopt;
  if (!number) return std::nullopt;
  int insertion = 0;
  if (end + 1 < line.size() && line[end] == U'-' && is_arabic_digit(line[end + 1])) {
    std::size_t e2 = end + 1;
    while (e2 < line.size() && is_arabic_digit(line[e2])) ++e2;
    insertion = small_number(line.substr(end + 1, e2 - end - 1)).value_or(0);
    end = e2;
  }
  std::size_t rest = end;
  while (rest < line.size() && (line[rest] == U'.' || line[rest] == U':')) ++rest;
  if (rest < line.size() && !utf8::is_space(line[rest])) return std::nullopt;
  return ArticleOpening{*number, insertion, line.substr(0, end), rest_after(line, rest)};
}

std::optional<ItemOpening> match_item_en(std::u32string_view line) {
  if (line.size() < 3 || line[0] != U'(') return std::nullopt;
  const std::size_t close = line.find(U')');
  if (close == std::u32string_view::npos || close < 2 || close > 4) return std::nullopt;
  const std::u32string_view token = line.substr(1, close - 1);
  if (const auto n = small_number(token); n && is_arabic_digit(token[0]))
    return ItemOpening{*n, line.substr(0, close + 1), rest_after(line, close + 1), false, false};
  if (token.size() == 1 && token[0] >= U'a' && token[0] <= U'z')
    return ItemOpening{static_cast<int>(token[0] - U'a' + 1), line.substr(0, close + 1), rest_after(line, close + 1), true, false};
  return std::nullopt;
}

}  // namespace lawref
