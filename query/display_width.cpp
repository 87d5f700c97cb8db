#include "display_width.h"

#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unistd.h>

#include "utf8.h"

namespace lawref {
namespace {

int char_width(char32_t c) {
  if (c == 0 || c == U'\n') return 0;
  const auto cat = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
  if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR) return 0;
  const int ea = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

bool no_break_before(char32_t c) {
  static constexpr std::u32string_view closing = U"，。、；：？！）」』》〉”’,.;:?!)]";
  return closing.find(c) != std::u32string_view::npos;
}

bool no_break_after(char32_t c) {
  static constexpr std::u32string_view opening = U"（「『《〈“‘([";
  return opening.find(c) != std::u32string_view::npos;
}

std::string pad(const std::string& s, int width) { return s + std::string(static_cast<std::size_t>(std::max(0, width - display_width(s))), ' '); }

}  // namespace

int display_width(std::string_view text) {
  int w = 0;
  for (char32_t c : utf8::decode(text)) w += char_width(c);
  return w;
}

std::vector<std::string> wrap(std::string_view text, int width) {
  std::vector<std::string> lines;
  const std::u32string s = utf8::decode(text);
  std::size_t start = 0;
  while (start < s.size()) {
    while (start < s.size() && s[start] == U' ') ++start;  // a wrapped line does not start with a space
    if (start < s.size() && s[start] == U'\n') {
      lines.emplace_back();
      ++start;
      continue;
    }
    int w = 0;
    std::size_t end = start, last_space = std::u32string::npos;
    while (end < s.size() && s[end] != U'\n' && w + char_width(s[end]) <= width) {
      if (s[end] == U' ') last_space = end;
      w += char_width(s[end]);
      ++end;
    }
    if (end < s.size() && s[end] != U'\n') {
      // Inside English, go back to the last space; around punctuation, keep pairs together.
      const bool ascii_word = end > start && s[end - 1] < 0x80 && s[end] < 0x80 && s[end] != U' ';
      if (ascii_word && last_space != std::u32string::npos && last_space > start) end = last_space;
      else
        while (end > start + 1 && (no_break_before(s[end]) || no_break_after(s[end - 1]))) --end;
    }
    if (end == start) {
      if (start == s.size()) break;
      end = start + 1;  // a character wider than the column: place it anyway
    }
    lines.push_back(utf8::encode(std::u32string_view(s).substr(start, end - start)));
    start = end;
    if (start < s.size() && s[start] == U'\n') ++start;
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

std::string side_by_side(const std::vector<std::pair<std::string, std::string>>& rows, int column) {
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (r) out += "\n";
    const std::vector<std::string> left = wrap(rows[r].first, column), right = wrap(rows[r].second, column);
    for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i) {
      std::string line = pad(i < left.size() ? left[i] : "", column) + " │ " + (i < right.size() ? right[i] : "");
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
  }
  return out;
}

int terminal_width() {
  if (!::isatty(STDOUT_FILENO)) return 0;
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return 80;
  return ws.ws_col;
}

std::string glimpse(std::string_view text, std::size_t chars) {
  const std::u32string s = utf8::decode(text);
  if (s.size() <= chars) return std::string(text);
  return utf8::encode(std::u32string_view(s).substr(0, chars)) + "…";
}

}  // namespace lawref
