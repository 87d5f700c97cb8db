// lawref's own English translation of a law (data/translations/<law>.en.md, compiled into the
// binary), parsed, for the parts that compare texts without going through the catalog.
#pragma once
#include <optional>
#include <string_view>

#include "model.h"

namespace lawref {

// The parsed translation of `law_id`, or nothing when lawref ships none or it does not parse.
std::optional<LawText> lawref_translation(std::string_view law_id);

}  // namespace lawref
