#include "source_decoding.h"

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

}  // namespace

DecodedSource decode_source(std::string_view bytes, Diagnostics& diagnostics) {
  DecodedSource out;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

  std::string charset;
  if (bytes.substr(0, 2) == "\xFF\xFE") charset = "UTF-16LE";
  else if (bytes.substr(0, 2) == "\xFE\xFF") charset = "UTF-16BE";

  if (charset.empty() && utf8::is_valid(bytes)) {
    out.text = std::string(bytes);
  } else {
    if (charset.empty()) charset = detect_charset(bytes);
    if (charset.empty()) {
      diagnostics.error(0, "encoding", "not UTF-8, and not recognisably GB18030, Big5 or UTF-16");
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
