#include "text_folding.h"

#include <memory>
#include <stdexcept>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace lawref::text {
namespace {

const icu::Normalizer2& nfkc_cf() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
  return *n;
}

// Transliterators are not thread-safe, so each thread gets its own.
icu::Transliterator& transliterator(const char* id) {
  struct Holder {
    std::unique_ptr<icu::Transliterator> t;
    explicit Holder(const char* name) {
      UErrorCode status = U_ZERO_ERROR;
      t.reset(icu::Transliterator::createInstance(name, UTRANS_FORWARD, status));
      if (U_FAILURE(status) || !t) throw std::runtime_error(std::string("ICU transliterator ") + name + ": " + u_errorName(status));
    }
  };
  if (std::string_view(id) == "Traditional-Simplified") {
    thread_local Holder h("Traditional-Simplified");
    return *h.t;
  }
  thread_local Holder h("Han-Latin; Latin-ASCII");
  return *h.t;
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

std::string nfkc_casefold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString out = nfkc_cf().normalize(in, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalize: ") + u_errorName(status));
  return to_utf8(out);
}

std::string to_simplified(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  transliterator("Traditional-Simplified").transliterate(s);
  return to_utf8(s);
}

std::string fold(std::string_view utf8) { return to_simplified(nfkc_casefold(utf8)); }

std::string pinyin_slug(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  transliterator("Han-Latin").transliterate(s);
  std::string out;
  for (char c : to_utf8(s)) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

}  // namespace lawref::text
