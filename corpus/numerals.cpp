#include "numerals.h"

#include "utf8.h"

namespace lawref {
namespace {

int digit_value(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'贰': case U'兩': return 2;
    case U'三': case U'叁': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

long long unit_value(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    case U'万': case U'萬': return 10000;
    default: return 0;
  }
}

int arabic_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

// Every character a digit (by `digit`), read positionally: 14, １４, 二〇二三.
std::optional<long long> parse_positional(std::u32string_view s, int (*digit)(char32_t)) {
  long long v = 0;
  for (char32_t c : s) {
    const int d = digit(c);
    if (d < 0) return std::nullopt;
    v = v * 10 + d;
    if (v > kMaxNumeral) return std::nullopt;
  }
  return v;
}

// Numerals with units. Units inside a 万-group must strictly decrease (一百二十, not 十百);
// 零 may stand only between non-zero parts; a leading 十 means 一十.
std::optional<long long> parse_with_units(std::u32string_view s) {
  long long total = 0;     // completed 万 groups
  long long section = 0;   // current group below 万
  int pending = -1;        // a digit waiting for its unit
  long long last_unit = 100000;  // the previous unit inside the section
  bool zero_seen = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (const int d = digit_value(c); d >= 0) {
      if (d == 0) {
        if (pending >= 0 || i == 0 || i + 1 == s.size()) return std::nullopt;
        zero_seen = true;
        continue;
      }
      if (pending >= 0) return std::nullopt;  // two digits without a unit
      pending = d;
      continue;
    }
    const long long unit = unit_value(c);
    if (unit == 0) return std::nullopt;
    if (unit == 10000) {
      if (pending >= 0) section += pending;
      if (section == 0 && pending < 0) return std::nullopt;
      if (total != 0) return std::nullopt;  // 万 twice
      total = section * 10000;
      section = 0, pending = -1, last_unit = 100000, zero_seen = false;
      continue;
    }
    if (unit >= last_unit) return std::nullopt;
    if (pending < 0) {
      // A bare 十 opens a group: 十四, 十万; anywhere else a unit needs its digit.
      const bool opens_group = i == 0 || s[i - 1] == U'万' || s[i - 1] == U'萬';
      if (unit != 10 || section != 0 || !opens_group) return std::nullopt;
      pending = 1;
    }
    section += pending * unit;
    pending = -1;
    last_unit = unit;
    zero_seen = false;
  }
  if (pending >= 0) {
    // 二十一 and 一百零一 are fine; 一百二 (colloquial 120) is ambiguous in a citation.
    if (last_unit > 10 && last_unit != 100000 && !zero_seen) return std::nullopt;
    section += pending;
  }
  const long long v = total + section;
  if (v > kMaxNumeral) return std::nullopt;
  return v;
}

}  // namespace

bool is_chinese_numeral_char(char32_t c) { return digit_value(c) >= 0 || unit_value(c) != 0; }

std::optional<long long> parse_number(std::u32string_view s) {
  if (s.empty() || s.size() > 16) return std::nullopt;
  if (arabic_value(s.front()) >= 0) return parse_positional(s, arabic_value);
  bool has_unit = false;
  for (char32_t c : s) has_unit = has_unit || unit_value(c) != 0;
  return has_unit ? parse_with_units(s) : parse_positional(s, digit_value);
}

std::optional<long long> parse_number(std::string_view utf8) {
  if (utf8.size() > 64) return std::nullopt;
  return parse_number(std::u32string_view(utf8::decode(utf8)));
}

std::string to_chinese_numeral(long long n) {
  static constexpr char32_t digits[] = U"零一二三四五六七八九";
  if (n < 0 || n > kMaxNumeral) return {};
  if (n == 0) return "零";
  // Below 万, then the 万 group in front of it.
  auto below_wan = [&](long long v, bool leading) {
    std::u32string out;
    static constexpr long long units[] = {1000, 100, 10, 1};
    static constexpr char32_t names[] = {U'千', U'百', U'十', 0};
    bool need_zero = false;
    bool started = !leading;
    for (int k = 0; k < 4; ++k) {
      const long long d = (v / units[k]) % 10;
      if (d == 0) {
        if (started) need_zero = true;
        continue;
      }
      if (need_zero) out.push_back(U'零');
      need_zero = false;
      // 十四 rather than 一十四 when 十 leads the whole number.
      if (!(k == 2 && d == 1 && !started && leading)) out.push_back(digits[d]);
      if (names[k]) out.push_back(names[k]);
      started = true;
    }
    return out;
  };
  std::u32string out;
  const long long wan = n / 10000, rest = n % 10000;
  if (wan > 0) {
    out = below_wan(wan, true);
    out.push_back(U'万');
    if (rest > 0) {
      if (rest < 1000) out.push_back(U'零');
      std::u32string r = below_wan(rest, false);
      while (!r.empty() && r.front() == U'零') r.erase(r.begin());
      out += r;
    }
  } else {
    out = below_wan(rest, true);
  }
  return utf8::encode(out);
}

}  // namespace lawref
