#include "import_summary.h"

#include <algorithm>
#include <set>
#include <vector>

namespace lawref {

void ImportSummary::add(const std::string& file, const ParseResult& result) {
  ++files;
  if (!result.ok()) {
    ++refused;
    for (const Diagnostic& d : result.diagnostics.items) {
      if (d.severity != Severity::Error) continue;
      Group& g = refusals[d.code];
      if (g.files++ == 0) g.example = file + ": " + format_diagnostic(d);
      break;
    }
    return;
  }
  if (!result.diagnostics.has_warnings()) {
    ++clean;
    return;
  }
  ++with_warnings;
  std::set<std::string> seen;
  for (const Diagnostic& d : result.diagnostics.items) {
    if (!seen.insert(d.code).second) continue;
    Group& g = warnings[d.code];
    if (g.files++ == 0) g.example = file + ": " + format_diagnostic(d);
  }
}

std::string ImportSummary::render() const {
  std::string out = std::to_string(files) + " files: " + std::to_string(clean) + " imported cleanly, " +
                    std::to_string(with_warnings) + " imported with warnings, " + std::to_string(refused) + " refused\n";
  auto section = [&out](const char* title, const std::map<std::string, Group>& groups) {
    if (groups.empty()) return;
    std::vector<std::pair<std::string, Group>> sorted(groups.begin(), groups.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second.files > b.second.files; });
    out += title;
    for (const auto& [code, g] : sorted)
      out += "  " + std::to_string(g.files) + "\t" + code + "\te.g. " + g.example + "\n";
  };
  section("refused, by reason (files):\n", refusals);
  section("warnings, by kind (files):\n", warnings);
  return out;
}

}  // namespace lawref
