#include "command_suggestion.h"

#include <algorithm>
#include <limits>

namespace lawref::cli {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance over bytes: subcommand names are ASCII, and anything
  // else typed is far from all of them anyway.
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

std::string nearest_command(std::string_view typed, const std::vector<std::string>& names) {
  constexpr std::size_t kMaxEdits = 2;
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string& name : names) {
    // "comp" for compare: an abbreviation is as good as one edit.
    const bool prefix = typed.size() >= 2 && name.compare(0, typed.size(), typed) == 0;
    const std::size_t distance = prefix ? 1 : edit_distance(typed, name);
    if (distance <= kMaxEdits && distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace lawref::cli
