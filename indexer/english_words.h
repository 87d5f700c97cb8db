// The content words of an English text, as the English similarity of implementation alignment
// compares them: folded, split into words, function words dropped, each reduced to its stem
// (Xapian's English stemmer), so that "reports", "reporting" and "reported" are one word.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lawref::analysis {

// The stems of `text`'s words in order, repeats kept; numbers and function words (the, of,
// and) left out.
std::vector<std::string> english_stems(std::string_view text);

}  // namespace lawref::analysis
