#include "source_decoding.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "utf8.h"

namespace lawref {
namespace {

// Strict conversion: any unmappable or illegal byte fails the whole conversion.
bool convert_strict(std::string_view bytes, const char* charset, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return false;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> guard(conv, &ucnv_close);
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  std::u16string utf16(bytes.size() + 1, u'\0');
  const int32_t n = ucnv_toUChars(conv, reinterpret_cast<UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()),
                                  bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  utf16.resize(static_cast<std::size_t>(n));
  out.clear();
  out.reserve(utf16.size() * 3);
  for (std::size_t i = 0; i < utf16.size(); ++i) {
    char32_t c = utf16[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < utf16.size()) {
      c = 0x10000 + ((c - 0xD800) << 10) + (utf16[i + 1] - 0xDC00);
      ++i;
    }
    utf8::append(out, c);
  }
  return true;
}

// ICU's detector ranks charsets; we only trust the Chinese ones and UTF-16.
std::string detect_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> guard(det, &ucsdet_close);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &count, &status);
  if (U_FAILURE(status)) return {};
  for (int32_t i = 0; i < count; ++i) {
    const std::string name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status)) return {};
    if (name == "GB18030" || name == "Big5" || name == "UTF-16LE" || name == "UTF-16BE") return name;
  }
  return {};
}

// Where UTF-8 breaks, and how much of it does not: a UTF-8 text with a bad byte or two
// has far more good multi-byte sequences than bad bytes; GB18030, Big5 and UTF-16 text has
// almost none, since their byte pairs rarely form UTF-8.
struct Utf8Damage {
  std::size_t first_bad = std::string_view::npos;
  std::size_t bad = 0, good_multibyte = 0;
  bool mostly_utf8() const { return bad > 0 && good_multibyte >= 16 * bad; }
};

Utf8Damage scan_utf8(std::string_view bytes) {
  Utf8Damage d;
  std::size_t pos = 0;
  while (pos <= bytes.size()) {
    const std::string_view rest = bytes.substr(pos);
    const std::size_t bad = utf8::first_invalid(rest);
    for (char c : rest.substr(0, bad)) d.good_multibyte += (static_cast<unsigned char>(c) & 0xC0) == 0xC0;  // lead bytes
    if (bad == std::string_view::npos) break;
    if (d.bad++ == 0) d.first_bad = pos + bad;
    pos += bad + 1;
  }
  return d;
}

// "byte 1234 (0xFF, line 56)": where a text stops being UTF-8.
std::string where(std::string_view bytes, std::size_t offset, int& line) {
  line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[offset])));
  return "byte " + std::to_string(offset) + " (" + hex + ")";
}

}  // namespace

DecodedSource decode_source(std::string_view bytes, Diagnostics& diagnostics) {
  DecodedSource out;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

  std::string charset;
  if (bytes.substr(0, 2) == "\xFF\xFE") charset = "UTF-16LE";
  else if (bytes.substr(0, 2) == "\xFE\xFF") charset = "UTF-16BE";

  const Utf8Damage damage = charset.empty() ? scan_utf8(bytes) : Utf8Damage{};
  if (charset.empty() && damage.bad == 0) {
    out.text = std::string(bytes);
  } else {
    int line = 0;
    const std::string first_bad = charset.empty() ? where(bytes, damage.first_bad, line) : std::string();
    // One damaged byte in a UTF-8 text is that, not a text in another encoding.
    if (damage.mostly_utf8()) {
      const std::string more = damage.bad > 1 ? " (and " + std::to_string(damage.bad - 1) + " more invalid bytes)" : "";
      diagnostics.error(line, "encoding",
                        "invalid UTF-8 at " + first_bad + more + "; the rest of the file is UTF-8 (fix or remove the damaged bytes)");
      return out;
    }
    if (charset.empty()) charset = detect_charset(bytes);
    if (charset.empty()) {
      diagnostics.error(line, "encoding", "not UTF-8 (invalid at " + first_bad + "), and not recognisably GB18030, Big5 or UTF-16");
      return out;
    }
    if (!convert_strict(bytes, charset.c_str(), out.text)) {
      diagnostics.error(0, "encoding", "not UTF-8; looks like " + charset + " but does not convert cleanly");
      return out;
    }
    if (out.text.substr(0, 3) == "\xEF\xBB\xBF") out.text.erase(0, 3);
    out.converted_from = charset;
    diagnostics.warn(0, "converted-encoding", "converted from " + charset + " to UTF-8");
  }

  // Control characters mean a binary or damaged file, and XML 1.0 cannot carry them.
  int line = 1;
  for (char32_t c : utf8::decode(out.text)) {
    if (c == U'\n') ++line;
    const bool control = (c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
    if (control) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      diagnostics.error(line, "control-character", std::string("control character ") + code + " in the text (a binary or damaged file?)");
      return out;
    }
  }

  if (utf8::trim(std::string_view(out.text)).empty()) {
    diagnostics.error(0, "empty", "the file is empty");
    return out;
  }
  out.ok = true;
  return out;
}

}  // namespace lawref
