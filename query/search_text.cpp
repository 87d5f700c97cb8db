#include "search_text.h"

#include <algorithm>

#include "analyzer.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::searching {

using u32 = std::u32string;

bool has_cjk(const u32& s) {
  return std::any_of(s.begin(), s.end(), [](char32_t c) { return analysis::is_cjk(c); });
}

bool is_english(const std::string& s) {
  bool letter = false;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letter = true;
    else if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return letter;
}

u32 fold_phrase(const std::string& text) {
  u32 folded;
  text::fold_chars(utf8::decode(text), folded);
  u32 out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (utf8::is_space(folded[i])) {
      std::size_t j = i;
      while (j < folded.size() && utf8::is_space(folded[j])) ++j;
      const bool cjk_around = (!out.empty() && analysis::is_cjk(out.back())) || (j < folded.size() && analysis::is_cjk(folded[j]));
      if (!cjk_around && !out.empty() && j < folded.size()) out.push_back(U' ');
      i = j - 1;
      continue;
    }
    out.push_back(folded[i]);
  }
  return out;
}

bool contains_word(const u32& text, const u32& needle) {
  const bool ascii = std::all_of(needle.begin(), needle.end(), [](char32_t c) { return c < 0x80; });
  for (std::size_t at = text.find(needle); at != u32::npos; at = text.find(needle, at + 1)) {
    if (!ascii) return true;
    auto alnum = [](char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9'); };
    const bool left = at == 0 || !alnum(text[at - 1]);
    const bool right = at + needle.size() >= text.size() || !alnum(text[at + needle.size()]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace lawref::searching
