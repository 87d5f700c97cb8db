// The texts of a stored article in one or two bytes a character instead of UTF-8's three.
// Xapian deflates each document's data on its own, and a short article gives zlib little to
// learn from: the same articles packed first take about a quarter less room in the index
// (bench/README.md, "Index size, round seven").
//
//   00–7F        that ASCII byte
//   80–D1 xx     U+4E00 + (lead − 80) · 256 + xx: the CJK Unified Ideographs
//   D2–FC        one of the 43 characters most frequent in the statutes (kFrequentCharacters)
//   FD xx        U+3000 + xx: CJK punctuation (、。《》「」)
//   FE xx        U+FF00 + xx: full-width forms (，；：（）)
//   FF xx        the byte xx as it is: any other character, byte by byte, and bytes that are not
//                UTF-8 at all, so that every string packs and unpacks to itself
#pragma once
#include <string>
#include <string_view>

namespace lawref {

std::string pack_text(std::string_view text);

// The text pack_text was given; throws ArticleRecordError when `packed` ends inside a character.
std::string unpack_text(std::string_view packed);

// The same text as code points, appended to `out`: what utf8::decode(unpack_text(packed)) gives
// (an ill-formed byte is U+FFFD), without building the UTF-8 between. A search checks the texts of
// hundreds of candidates by their code points; the round trip through UTF-8 was a tenth of it.
// Throws ArticleRecordError where unpack_text does.
void unpack_text_chars(std::string_view packed, std::u32string& out);

}  // namespace lawref
