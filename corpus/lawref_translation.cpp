#include "lawref_translation.h"

#include <string>

#include "embedded_files.h"
#include "statute_parser.h"

namespace lawref {

std::optional<LawText> lawref_translation(std::string_view law_id) {
  const std::string name = std::string(law_id) + ".en.md";
  for (const embedded::EmbeddedFile& f : embedded::translations()) {
    if (f.name != name) continue;
    ParseOptions options;
    options.lang = "en";
    options.strict_numbering = false;
    ParseResult result = parse_statute(f.content, options);
    if (!result.ok()) return std::nullopt;
    result.law.law_id = std::string(law_id);
    result.law.translation = kLawrefTranslation;
    return std::move(result.law);
  }
  return std::nullopt;
}

}  // namespace lawref
