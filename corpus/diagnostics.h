// What an importer says about its input: warnings (imported, but look here) and
// errors (refused). `code` is a stable short key, used to group a bulk summary.
#pragma once
#include <string>
#include <vector>

namespace lawref {

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Warning;
  int line = 0;  // 1-based; 0 when it concerns the whole file
  std::string code;
  std::string message;
};

struct Diagnostics {
  std::vector<Diagnostic> items;

  void warn(int line, std::string code, std::string message) {
    items.push_back({Severity::Warning, line, std::move(code), std::move(message)});
  }
  void error(int line, std::string code, std::string message) {
    items.push_back({Severity::Error, line, std::move(code), std::move(message)});
  }
  bool has_errors() const {
    for (const auto& d : items)
      if (d.severity == Severity::Error) return true;
    return false;
  }
  bool has_warnings() const {
    for (const auto& d : items)
      if (d.severity == Severity::Warning) return true;
    return false;
  }
};

// "line 12: message" or just "message".
std::string format_diagnostic(const Diagnostic& d);

}  // namespace lawref
