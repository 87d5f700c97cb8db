#include "text_diff.h"

#include <algorithm>
#include <cstdint>

#include "utf8.h"

namespace lawref {
namespace {

constexpr std::size_t kMaxCells = 4'000'000;

using Op = DiffSegment::Op;

void push(std::vector<DiffSegment>& out, Op op, std::u32string_view text) {
  if (text.empty()) return;
  if (!out.empty() && out.back().op == op) out.back().text += utf8::encode(text);
  else out.push_back({op, utf8::encode(text)});
}

// LCS table over the middle parts; walks back to an edit script.
void lcs_diff(std::u32string_view a, std::u32string_view b, std::vector<DiffSegment>& out) {
  const std::size_t n = a.size(), m = b.size();
  if (n == 0 || m == 0 || n * m > kMaxCells) {
    push(out, Op::Delete, a);
    push(out, Op::Insert, b);
    return;
  }
  std::vector<std::uint16_t> t((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return t[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[i] == b[j] ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1) : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] == b[j]) {
      push(out, Op::Equal, a.substr(i++, 1));
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      push(out, Op::Delete, a.substr(i++, 1));
    } else {
      push(out, Op::Insert, b.substr(j++, 1));
    }
  }
  push(out, Op::Delete, a.substr(i));
  push(out, Op::Insert, b.substr(j));
}

// Deletions before insertions inside each change, so that a change reads [-old-]{+new+}.
std::vector<DiffSegment> normalise(const std::vector<DiffSegment>& in) {
  std::vector<DiffSegment> out;
  std::string del, ins;
  auto flush = [&] {
    if (!del.empty()) out.push_back({Op::Delete, del});
    if (!ins.empty()) out.push_back({Op::Insert, ins});
    del.clear();
    ins.clear();
  };
  for (const DiffSegment& s : in) {
    if (s.op == Op::Equal) {
      flush();
      if (!out.empty() && out.back().op == Op::Equal) out.back().text += s.text;
      else out.push_back(s);
    } else {
      (s.op == Op::Delete ? del : ins) += s.text;
    }
  }
  flush();
  return out;
}

// 的 kept between two changes says nothing: it joins them.
std::vector<DiffSegment> fold_islands(const std::vector<DiffSegment>& in) {
  std::vector<DiffSegment> out;
  for (std::size_t k = 0; k < in.size(); ++k) {
    const DiffSegment& s = in[k];
    const bool island = s.op == Op::Equal && k > 0 && k + 1 < in.size() && utf8::decode(s.text).size() == 1 &&
                        in[k - 1].op != Op::Equal && in[k + 1].op != Op::Equal;
    if (island) {
      out.push_back({Op::Delete, s.text});
      out.push_back({Op::Insert, s.text});
    } else {
      out.push_back(s);
    }
  }
  return normalise(out);
}

}  // namespace

std::vector<DiffSegment> diff_chars(std::string_view before, std::string_view after) {
  const std::u32string a = utf8::decode(before), b = utf8::decode(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
  std::vector<DiffSegment> out;
  const std::u32string_view av(a), bv(b);
  push(out, Op::Equal, av.substr(0, prefix));
  lcs_diff(av.substr(prefix, a.size() - prefix - suffix), bv.substr(prefix, b.size() - prefix - suffix), out);
  push(out, Op::Equal, av.substr(a.size() - suffix));
  return fold_islands(normalise(out));
}

std::string render_diff(const std::vector<DiffSegment>& diff, bool color) {
  std::string out;
  for (const DiffSegment& s : diff) {
    switch (s.op) {
      case Op::Equal: out += s.text; break;
      case Op::Delete: out += color ? "\x1b[31;9m" + s.text + "\x1b[0m" : "[-" + s.text + "-]"; break;
      case Op::Insert: out += color ? "\x1b[32m" + s.text + "\x1b[0m" : "{+" + s.text + "+}"; break;
    }
  }
  return out;
}

double diff_similarity(const std::vector<DiffSegment>& diff) {
  std::size_t equal = 0, before = 0, after = 0;
  for (const DiffSegment& s : diff) {
    const std::size_t n = utf8::decode(s.text).size();
    if (s.op != Op::Insert) before += n;
    if (s.op != Op::Delete) after += n;
    if (s.op == Op::Equal) equal += n;
  }
  return before + after == 0 ? 1.0 : 2.0 * static_cast<double>(equal) / static_cast<double>(before + after);
}

}  // namespace lawref
