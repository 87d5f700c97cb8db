// Compact, reversible JSON for the model and the registry entries, as the index stores them.
#pragma once
#include <nlohmann/json.hpp>

#include "model.h"
#include "registry.h"

namespace lawref {

nlohmann::json article_to_json(const Article& a);
Article article_from_json(const nlohmann::json& j);

// Everything of a LawText except its articles (title, preamble, divisions, appendix, source).
nlohmann::json law_header_to_json(const LawText& law);
LawText law_header_from_json(const nlohmann::json& j);

nlohmann::json law_info_to_json(const LawInfo& info);
LawInfo law_info_from_json(const nlohmann::json& j);

}  // namespace lawref
