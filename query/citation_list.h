// Several provisions in one citation, as lawyers write them: a range (反间谍法第十条至第十二条,
// CEL arts. 10-12, articles 10 to 12 of the CEL) or a list (反间谍法第十四条、第十五条, CEL art. 14,
// 15). Each becomes a citation of one article of the same law; anything else is left whole.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lawref {

inline constexpr int kMaxRange = 100;  // articles one range may name

struct CitationList {
  std::vector<std::string> citations;  // one per provision, in order; the input itself when it names one
  std::string error;                   // a range too long or backwards: one line
};

CitationList split_citation_list(std::string_view citation);

}  // namespace lawref
