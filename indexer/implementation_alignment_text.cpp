#include "implementation_alignment_text.h"

#include <algorithm>
#include <string_view>

#include "utf8.h"

namespace lawref::links {
namespace {

// An inline item marker at `at`: （一） … （十九）, full- or half-width brackets.
bool item_marker_at(const std::u32string& t, std::size_t at) {
  if (at >= t.size() || (t[at] != U'（' && t[at] != U'(')) return false;
  std::size_t k = at + 1;
  while (k < t.size() && std::u32string_view(U"一二三四五六七八九十").find(t[k]) != std::u32string_view::npos) ++k;
  return k > at + 1 && k < t.size() && (t[k] == U'）' || t[k] == U')');
}

bool clause_end(char32_t c) { return c == U'，' || c == U'。' || c == U'；' || c == U'：' || c == U','; }

// Each clause of `t` (its text without the mark that ends it) through `keep`, which appends what
// stays of it to `out`; the mark is kept when `keep` returns true.
template <typename Keep>
std::u32string by_clause(const std::u32string& t, Keep keep) {
  std::u32string out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && !clause_end(t[i])) continue;
    const std::u32string_view clause(t.data() + start, i - start);
    if (keep(clause, out) && i < t.size()) out.push_back(t[i]);
    start = i + 1;
  }
  return out;
}

}  // namespace

std::vector<std::u32string> chinese_segments(const std::string& text) {
  const std::u32string t = utf8::decode(text);
  std::vector<std::u32string> out;
  std::u32string piece;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (item_marker_at(t, i) && !piece.empty()) out.push_back(std::move(piece)), piece.clear();
    piece.push_back(t[i]);
    if (t[i] == U'。') out.push_back(std::move(piece)), piece.clear();
  }
  if (!piece.empty()) out.push_back(std::move(piece));
  return out;
}

void drop_boilerplate(std::u32string& sentence) {
  const std::size_t made = sentence.find(U"制定本");
  if (made != std::u32string::npos) {
    std::size_t basis = std::u32string::npos;
    for (const std::u32string_view w : {U"根据", U"依据", U"依照"}) basis = std::min(basis, sentence.find(w));
    if (basis < made) {
      sentence.erase(basis);
      return;
    }
  }
  const bool territorial_scope = sentence.find(U"行政区域内") != std::u32string::npos &&
                                 (sentence.find(U"适用本条例") != std::u32string::npos || sentence.find(U"本条例适用") != std::u32string::npos);
  if (territorial_scope || sentence.find(U"从其规定") != std::u32string::npos) sentence.clear();
}

std::u32string without_approval_clauses(const std::u32string& sentence) {
  return by_clause(sentence, [](std::u32string_view clause, std::u32string& out) {
    const bool approval = clause.size() >= 3 && clause.front() == U'经' && clause.substr(clause.size() - 2) == U"批准";
    if (!approval) out += clause;
    return !approval;
  });
}

std::u32string without_long_lists(const std::u32string& sentence, std::size_t min_pieces) {
  if (min_pieces == 0) return sentence;
  return by_clause(sentence, [&](std::u32string_view clause, std::u32string& out) {
    const std::size_t first = clause.find(U'、'), last = clause.rfind(U'、');
    const auto pieces = static_cast<std::size_t>(std::count(clause.begin(), clause.end(), U'、')) + 1;
    if (first == std::u32string_view::npos || pieces < min_pieces) out += clause;
    else out.append(clause.substr(0, first)).append(clause.substr(last + 1));
    return true;
  });
}

}  // namespace lawref::links
