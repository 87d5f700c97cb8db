// Character-level helpers the search parts share: which script a query word is in, how a typed
// phrase is folded, and whether a folded text holds a word.
#pragma once
#include <string>

namespace lawref::searching {

bool has_cjk(const std::u32string& s);
// ASCII letters and no non-ASCII characters: a word for the glossary and the English text.
bool is_english(const std::string& s);
// Folded (text_folding.h); spaces between Chinese characters dropped: 国家 安全 -> 国家安全.
std::u32string fold_phrase(const std::string& text);
// `needle` in `text` (both folded); an ASCII needle only on word boundaries (cel is not in parcel).
bool contains_word(const std::u32string& text, const std::u32string& needle);

}  // namespace lawref::searching
