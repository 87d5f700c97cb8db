// Folding shared by the importer's recognisers, the citation parser and the search index:
// width and case (NFKC_Casefold) and Traditional -> Simplified Chinese.
//
// fold() makes a matching key, not a conversion for display: it maps each character on its
// own (ICU's mapping, generated into a table at build time), so a character folds the same
// way wherever it stands and index and query always agree. Text shown to users is never folded.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lawref::text {

// NFKC with case folding of the whole string: 第４条（一）ＡＢＣ -> 第4条(一)abc.
std::string nfkc_casefold(std::string_view utf8);

// Traditional -> Simplified, character by character (國家安全機關 -> 国家安全机关).
std::string to_simplified(std::string_view utf8);

// Both: the form every comparison uses. 反間諜法第１４條 -> 反间谍法第14条.
std::string fold(std::string_view utf8);

// fold() on code points, recording for every output character the index of the input
// character it came from (for highlighting matches in the original text).
void fold_chars(std::u32string_view in, std::u32string& out, std::vector<std::uint32_t>* origin = nullptr);

// Hanyu pinyin in plain ASCII, syllables joined without separators, other letters
// and digits kept, everything else dropped: 网络安全法 -> wangluoanquanfa.
std::string pinyin_slug(std::string_view utf8);

}  // namespace lawref::text
