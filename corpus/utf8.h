// UTF-8 <-> code points, and the whitespace rules of Chinese statute texts.
#pragma once
#include <string>
#include <string_view>

namespace lawref::utf8 {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool is_valid(std::string_view s);
// Byte offset of the first ill-formed sequence, or std::string_view::npos when `s` is valid.
std::size_t first_invalid(std::string_view s);

// Decodes well-formed UTF-8; an ill-formed byte becomes U+FFFD.
std::u32string decode(std::string_view s);
// The same into `out` (replaced), reusing its storage: for loops that decode many strings.
void decode(std::string_view s, std::u32string& out);
std::string encode(std::u32string_view s);
void append(std::string& out, char32_t c);

// ASCII whitespace, ideographic space (U+3000), no-break space and the other Unicode spaces.
bool is_space(char32_t c);
bool is_cjk_ideograph(char32_t c);

// Trims is_space() characters from both ends.
std::string_view trim(std::string_view s);
std::u32string_view trim(std::u32string_view s);

}  // namespace lawref::utf8
