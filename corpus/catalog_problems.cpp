#include "catalog_problems.h"

namespace lawref {

std::string CatalogProblem::message() const {
  if (kind == CatalogProblemKind::MissingSource) return "source " + path.string() + " does not exist";
  return path.string() + ": " + reason;
}

std::string summarize_problems(const std::vector<CatalogProblem>& problems, std::size_t shown) {
  if (problems.empty()) return {};
  std::string out = "skipped " + std::to_string(problems.size()) + (problems.size() == 1 ? " path: " : " paths: ");
  for (std::size_t i = 0; i < problems.size() && i < shown; ++i) out += (i ? "; " : "") + problems[i].message();
  if (problems.size() > shown) out += "; and " + std::to_string(problems.size() - shown) + " more (lawref check lists them all)";
  return out;
}

}  // namespace lawref
