#include "search_types.h"

#include <utility>

namespace lawref {
namespace {

constexpr std::pair<SearchMode, const char*> kModeNames[] = {
    {SearchMode::None, ""}, {SearchMode::Exact, "exact"}, {SearchMode::Words, "words"}, {SearchMode::Broader, "broader"}, {SearchMode::Most, "most"}, {SearchMode::Any, "any"}, {SearchMode::Linked, "linked"}};

}  // namespace

const char* to_string(SearchMode mode) {
  for (const auto& [m, name] : kModeNames)
    if (m == mode) return name;
  return "?";
}

std::optional<SearchMode> parse_search_mode(std::string_view name) {
  for (const auto& [m, n] : kModeNames)
    if (name == n) return m;
  return std::nullopt;
}

}  // namespace lawref
