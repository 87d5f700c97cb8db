#include "article_record_text.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "article_record.h"
#include "utf8.h"

namespace lawref {
namespace {

// Counted once over the articles of lawrefbook (3,475 texts), most frequent first. Fixed: a
// stored article must unpack with any later binary of the same index schema.
constexpr std::u32string_view kFrequentCharacters = U"，的、。人条第行法应定和当十规民管政理以有者业关；部或门（）用设会工务一市机二国建本保";

constexpr unsigned char kIdeographLead = 0x80, kFrequentLead = 0xD2, kPunctuationLead = 0xFD, kFullWidthLead = 0xFE, kRawLead = 0xFF;
constexpr char32_t kIdeographs = 0x4E00, kIdeographsEnd = 0xA000, kPunctuation = 0x3000, kFullWidth = 0xFF00;
static_assert(kFrequentLead + kFrequentCharacters.size() == kPunctuationLead);
static_assert(kIdeographLead + (kIdeographsEnd - kIdeographs) / 256 == kFrequentLead);

// The one-byte code of a frequent character, by its code point; 0 for the others.
const std::array<unsigned char, 0x10000>& frequent_codes() {
  static const auto codes = [] {
    std::array<unsigned char, 0x10000> c{};
    for (std::size_t k = 0; k < kFrequentCharacters.size(); ++k) c[kFrequentCharacters[k]] = static_cast<unsigned char>(kFrequentLead + k);
    return c;
  }();
  return codes;
}

// utf8::append inlined for the Basic Multilingual Plane, the only plane the packing covers: it runs
// once per character of every article shown, in another translation unit it costs a call each.
void put_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

[[noreturn]] void damaged() { throw ArticleRecordError(); }

bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

std::string pack_text(std::string_view text) {
  const auto& frequent = frequent_codes();
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    // A well-formed three-byte sequence: its code point (never an overlong form or a surrogate in
    // the ranges below, so unpacking writes back the same bytes).
    if ((b & 0xF0) == 0xE0 && i + 2 < text.size() && continuation(static_cast<unsigned char>(text[i + 1])) &&
        continuation(static_cast<unsigned char>(text[i + 2]))) {
      const char32_t c = (char32_t{b} & 0x0F) << 12 | (static_cast<char32_t>(text[i + 1]) & 0x3F) << 6 | (static_cast<char32_t>(text[i + 2]) & 0x3F);
      if (frequent[c]) {
        out.push_back(static_cast<char>(frequent[c]));
        i += 3;
        continue;
      }
      if (c >= kIdeographs && c < kIdeographsEnd) {
        out.push_back(static_cast<char>(kIdeographLead + ((c - kIdeographs) >> 8)));
        out.push_back(static_cast<char>((c - kIdeographs) & 0xFF));
        i += 3;
        continue;
      }
      if ((c >= kPunctuation && c < kPunctuation + 0x100) || c >= kFullWidth) {
        out.push_back(static_cast<char>(c >= kFullWidth ? kFullWidthLead : kPunctuationLead));
        out.push_back(static_cast<char>(c & 0xFF));
        i += 3;
        continue;
      }
    }
    out.push_back(static_cast<char>(kRawLead));
    out.push_back(static_cast<char>(b));
    ++i;
  }
  return out;
}

std::string unpack_text(std::string_view packed) {
  std::string out;
  out.reserve(packed.size() * 3 / 2);
  for (std::size_t i = 0; i < packed.size();) {
    const auto b = static_cast<unsigned char>(packed[i++]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
    } else if (b >= kFrequentLead && b < kPunctuationLead) {
      put_utf8(out, kFrequentCharacters[b - kFrequentLead]);
    } else {
      if (i >= packed.size()) damaged();
      const auto x = static_cast<unsigned char>(packed[i++]);
      if (b < kFrequentLead) put_utf8(out, kIdeographs + (static_cast<char32_t>(b - kIdeographLead) << 8 | x));
      else if (b == kPunctuationLead) put_utf8(out, kPunctuation + x);
      else if (b == kFullWidthLead) put_utf8(out, kFullWidth + x);
      else out.push_back(static_cast<char>(x));
    }
  }
  return out;
}

void unpack_text_chars(std::string_view packed, std::u32string& out) {
  // At most one character a byte: written in place, the string cut to its length at the end.
  const std::size_t start = out.size();
  out.resize(start + packed.size());
  char32_t* at = out.data() + start;
  // A run of raw bytes is decoded as a whole, as UTF-8: a character that is not packed is raw
  // byte by byte. Decoding the runs apart gives what decoding the whole text gives, because every
  // packed character starts with a byte that is not a continuation byte (ASCII or a lead byte):
  // a sequence cut short by it is ill-formed either way.
  std::string raw;
  std::u32string decoded;
  const auto flush = [&] {
    if (raw.empty()) return;
    utf8::decode(raw, decoded);  // no more characters than bytes, so no more than their FF pairs took
    at = std::copy(decoded.begin(), decoded.end(), at);
    raw.clear();
  };
  for (std::size_t i = 0; i < packed.size();) {
    const auto b = static_cast<unsigned char>(packed[i++]);
    if (b < 0x80) {
      flush();
      *at++ = b;
    } else if (b >= kFrequentLead && b < kPunctuationLead) {
      flush();
      *at++ = kFrequentCharacters[b - kFrequentLead];
    } else {
      if (i >= packed.size()) damaged();
      const auto x = static_cast<unsigned char>(packed[i++]);
      if (b == kRawLead) {
        raw.push_back(static_cast<char>(x));
        continue;
      }
      flush();
      if (b < kFrequentLead) *at++ = kIdeographs + (static_cast<char32_t>(b - kIdeographLead) << 8 | x);
      else if (b == kPunctuationLead) *at++ = kPunctuation + x;
      else *at++ = kFullWidth + x;
    }
  }
  flush();
  out.resize(static_cast<std::size_t>(at - out.data()));
}

}  // namespace lawref
