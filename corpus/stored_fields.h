// Fields of the tab-separated records lawref stores in the index (law records, the catalog memo):
// a field is escaped so that it holds no raw separator, and a record is split back into views.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lawref {

// Appends `field` with \ -> \\, tab -> \t, newline -> \n, | -> \p.
void put_escaped(std::string& out, std::string_view field);

// The inverse of put_escaped; a lone trailing backslash stays as it is.
std::string unescape_field(std::string_view field);

// "a<sep>b<sep>" -> {"a", "b", ""}: every field, empty ones included, as views into `s`.
std::vector<std::string_view> split_fields(std::string_view s, char sep);

}  // namespace lawref
