// "lawref serach": the subcommand a mistyped name most likely meant.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lawref::cli {

// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The name within two edits of `typed` (or that `typed` begins), nearest first; empty when none
// is close enough to be a plausible typo.
std::string nearest_command(std::string_view typed, const std::vector<std::string>& names);

}  // namespace lawref::cli
