// The lines of a text, as views into it: "a\nb\n" -> {"a", "b"} (no empty last line).
#pragma once
#include <string_view>
#include <vector>

namespace lawref {

inline std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
  }
  return lines;
}

}  // namespace lawref
