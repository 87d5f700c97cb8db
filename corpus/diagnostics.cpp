#include "diagnostics.h"

namespace lawref {

std::string format_diagnostic(const Diagnostic& d) {
  std::string s = d.severity == Severity::Error ? "error: " : "warning: ";
  if (d.line > 0) s += "line " + std::to_string(d.line) + ": ";
  return s + d.message;
}

}  // namespace lawref
