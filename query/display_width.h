// Terminal layout of mixed Chinese and English text: Chinese characters take two columns,
// so widths are counted in display columns (Unicode East Asian Width), not characters.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lawref {

// Display columns of a UTF-8 string: 2 for wide and full-width characters, 0 for combining marks.
int display_width(std::string_view utf8);

// Lines of at most `width` columns. English breaks at spaces where it can; Chinese anywhere,
// but never before closing punctuation (，。、；：）」) nor after opening punctuation.
std::vector<std::string> wrap(std::string_view utf8, int width);

// Two columns, each `column` wide, separated by " │ ": every row a pair of texts wrapped into
// their column, rows separated by a blank line.
std::string side_by_side(const std::vector<std::pair<std::string, std::string>>& rows, int column);

// The width of the terminal on standard output, or 0 when it is not a terminal.
int terminal_width();

// The first `chars` characters of a text (whole characters, never cut inside one), with "…"
// when it was longer.
std::string glimpse(std::string_view text, std::size_t chars);

}  // namespace lawref
