// Snippets: the part of an article that best shows why it matched, with the matches marked
// between kMarkOpen and kMarkClose (search.h).
#pragma once
#include <string>
#include <vector>

#include "model.h"

namespace lawref::searching {

// One text unit of an article (a paragraph, item or sub-item) and the paragraph it is in.
struct TextUnit {
  int paragraph;
  const std::string* text;  // into the Article: it must outlive the units
  std::string prefix;       // the item number, shown before the text
};

// Every paragraph, item and sub-item of the article, in order.
std::vector<TextUnit> text_units(const Article& article);

struct Snippet {
  std::string text;
  int paragraph = 0;
  int score = 0;  // how many matches the unit holds
};

// The unit with most matches of the (folded) needles, cut to a window around its first match,
// matches marked; the first unit when none matches.
Snippet make_snippet(const std::vector<TextUnit>& units, const std::vector<std::u32string>& needles);

}  // namespace lawref::searching
