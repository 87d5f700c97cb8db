#include "search_snippets.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>

#include "search_types.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::searching {

using u32 = std::u32string;

std::vector<TextUnit> text_units(const Article& a) {
  std::vector<TextUnit> out;
  std::function<void(int, const Item&)> item = [&](int p, const Item& it) {
    const bool ascii_num = !it.num.empty() && static_cast<unsigned char>(it.num.back()) < 0x80;
    out.push_back({p, &it.text, it.num + (ascii_num ? " " : "")});  // (1) text, but （一）text
    for (const Item& c : it.children) item(p, c);
  };
  for (const Paragraph& p : a.paragraphs) {
    out.push_back({p.number, &p.text, ""});
    for (const Item& it : p.items) item(p.number, it);
  }
  return out;
}

Snippet make_snippet(const std::vector<TextUnit>& units, const std::vector<u32>& needles) {
  constexpr std::size_t kWindow = 120;  // characters shown around the matches
  Snippet best;
  for (const TextUnit& u : units) {
    const u32 original = utf8::decode(*u.text);
    u32 folded;
    std::vector<std::uint32_t> origin;
    text::fold_chars(original, folded, &origin);
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // in original characters
    for (const u32& n : needles) {
      if (n.empty()) continue;
      for (std::size_t at = folded.find(n); at != u32::npos; at = folded.find(n, at + 1))
        ranges.emplace_back(origin[at], origin[at + n.size() - 1] + 1);
    }
    const int score = static_cast<int>(ranges.size());
    if (!best.text.empty() && score <= best.score) continue;
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& r : ranges) {
      if (!merged.empty() && r.first <= merged.back().second) merged.back().second = std::max(merged.back().second, r.second);
      else merged.push_back(r);
    }
    std::size_t from = 0, to = original.size();
    if (original.size() > kWindow) {
      const std::size_t first = merged.empty() ? 0 : merged.front().first;
      from = first > kWindow / 4 ? first - kWindow / 4 : 0;
      to = std::min(original.size(), from + kWindow);
    }
    std::string s = utf8::encode(utf8::decode(u.prefix));
    if (from > 0) s += "…";
    std::size_t pos = from;
    for (const auto& [a, b] : merged) {
      if (b <= from || a >= to) continue;
      const std::size_t ca = std::max(a, from), cb = std::min(b, to);
      s += utf8::encode(std::u32string_view(original).substr(pos, ca - pos)) + kMarkOpen +
           utf8::encode(std::u32string_view(original).substr(ca, cb - ca)) + kMarkClose;
      pos = cb;
    }
    s += utf8::encode(std::u32string_view(original).substr(pos, to - pos));
    if (to < original.size()) s += "…";
    best = {s, u.paragraph, score};
  }
  return best;
}

}  // namespace lawref::searching
