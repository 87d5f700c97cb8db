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

// Many LawInfos as one line each of tab-separated, escaped fields: the index stores the
// registry this way because it decodes ~20x faster than JSON (an index of 3,475 laws opens
// in a few milliseconds instead of 100).
std::string encode_law_infos(const std::vector<LawInfo>& laws);
std::vector<LawInfo> decode_law_infos(std::string_view text);  // throws std::runtime_error

}  // namespace lawref
