// Bytes of a statute file -> UTF-8 text. Never edits the text: a UTF-8 BOM is skipped,
// legacy Chinese encodings (GB18030, Big5) and UTF-16 are converted with ICU and reported,
// anything undecodable is refused.
#pragma once
#include <string>
#include <string_view>

#include "diagnostics.h"

namespace lawref {

struct DecodedSource {
  std::string text;            // UTF-8, without BOM
  std::string converted_from;  // empty when the input was UTF-8
  bool ok = false;
};

DecodedSource decode_source(std::string_view bytes, Diagnostics& diagnostics);

}  // namespace lawref
