// ICU-backed folding shared by the importer, the citation parser and (later) the index:
// width/case folding (NFKC_Casefold) and Traditional -> Simplified Chinese.
#pragma once
#include <string>
#include <string_view>

namespace lawref::text {

// NFKC with case folding: 第４条（一）ＡＢＣ -> 第4条(一)abc.
std::string nfkc_casefold(std::string_view utf8);

// Traditional -> Simplified (國家安全機關 -> 国家安全机关). Only this direction is safe.
std::string to_simplified(std::string_view utf8);

// Both, in the order that makes them idempotent: the form every comparison uses.
std::string fold(std::string_view utf8);

// Hanyu pinyin in plain ASCII, syllables joined without separators, other letters
// and digits kept, everything else dropped: 网络安全法 -> wangluoanquanfa.
std::string pinyin_slug(std::string_view utf8);

}  // namespace lawref::text
