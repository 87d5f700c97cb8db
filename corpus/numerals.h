// Numbers as Chinese statutes write them: 一 … 九十九, 一百零一, 两, 〇/零,
// Arabic and full-width digits.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace lawref {

// Largest value parse_number accepts; anything larger is "not a number we handle".
inline constexpr long long kMaxNumeral = 99'999'999;

// Chinese numerals with units (二十一, 一百零一, 一千零一十, 两百, 十万),
// digit-by-digit forms (二〇二三), ASCII digits and full-width digits (１４).
// Returns nullopt for anything else, including an empty string and mixed scripts.
std::optional<long long> parse_number(std::u32string_view s);
std::optional<long long> parse_number(std::string_view utf8);

// The conventional Chinese numeral: 10 -> 十, 14 -> 十四, 101 -> 一百零一, 110 -> 一百一十.
// Defined for 0 <= n <= kMaxNumeral.
std::string to_chinese_numeral(long long n);

// True for the characters that can appear in a Chinese numeral (digits and units).
bool is_chinese_numeral_char(char32_t c);

}  // namespace lawref
