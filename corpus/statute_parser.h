// Statute text (plain text or the markdown of ../shared/corpus) -> LawText.
// Line-oriented: headings, article openings, items and paragraphs are recognised per line;
// the source is never edited (quirks such as full-width spaces are kept in the text and
// tolerated by the recognisers).
#pragma once
#include <string>
#include <string_view>

#include "diagnostics.h"
#include "model.h"

namespace lawref {

struct ParseOptions {
  std::string lang = "zh";  // zh: 第X条 / 第X章 / （一）; en: Article N / Chapter N / (1)
  // Article numbers that jump or repeat are errors (the file is refused) when true,
  // warnings when false. They are never renumbered.
  bool strict_numbering = true;
};

struct ParseResult {
  LawText law;
  Diagnostics diagnostics;
  bool ok() const { return !diagnostics.has_errors(); }
};

ParseResult parse_statute(std::string_view utf8_text, const ParseOptions& options = {});

}  // namespace lawref
