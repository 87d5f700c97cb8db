// The forms a printer writes a result in. Each printer says which it offers; asked for
// another, it throws std::invalid_argument (a bug of the caller, not of the input).
#pragma once
#include <stdexcept>
#include <string>

namespace lawref {

enum class OutputFormat { Text, Json, Csv, Html };

inline const char* to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: return "text";
    case OutputFormat::Json: return "JSON";
    case OutputFormat::Csv: return "CSV";
    case OutputFormat::Html: return "HTML";
  }
  return "?";
}

[[noreturn]] inline void throw_unsupported(OutputFormat format, const std::string& what) {
  throw std::invalid_argument(what + " has no " + to_string(format) + " form");
}

}  // namespace lawref
