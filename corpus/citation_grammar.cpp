#include "citation_grammar.h"

namespace lawref::citation {
namespace {

using u32v = std::u32string_view;

bool is_numeral(char32_t c) { return (c >= U'0' && c <= U'9') || is_chinese_numeral_char(c); }

struct Number {
  Refusal refusal = Refusal::NoNumeral;
  int value = 0;
  std::size_t end = 0;  // past the number (and its closing bracket)
};

// One number at `at`: 三, (三), 3. The whole numeral run is read, however long: runs never
// overlap, so reading them stays linear in the text, and a run too long is refused whole.
Number read_number(u32v s, std::size_t at) {
  Number n;
  std::size_t j = at;
  const bool bracket = j < s.size() && s[j] == U'(';
  if (bracket) ++j;
  const std::size_t digits = j;
  while (j < s.size() && is_numeral(s[j])) ++j;
  if (j == digits) return n;
  const auto value = parse_number(s.substr(digits, j - digits));
  if (bracket) {
    if (j >= s.size() || s[j] != U')') {
      n.refusal = Refusal::UnclosedBracket;
      n.end = j;
      return n;
    }
    ++j;
  }
  n.end = j;
  if (!value || *value <= 0 || *value > kMaxNumber) {
    n.refusal = Refusal::BadNumber;
    return n;
  }
  n.refusal = Refusal::None;
  n.value = static_cast<int>(*value);
  return n;
}

}  // namespace

std::optional<Unit> unit_of(char32_t c) {
  switch (c) {
    case U'条': return Unit::Article;
    case U'款': return Unit::Paragraph;
    case U'项': return Unit::Item;
    case U'目': return Unit::Subitem;
    default: return std::nullopt;
  }
}

int& number_of(ProvisionPath& path, Unit unit) {
  switch (unit) {
    case Unit::Article: return path.article;
    case Unit::Paragraph: return path.paragraph;
    case Unit::Item: return path.item;
    case Unit::Subitem: break;
  }
  return path.subitem;
}

int number_of(const ProvisionPath& path, Unit unit) { return number_of(const_cast<ProvisionPath&>(path), unit); }

Designation read_designation(u32v s, std::size_t at) {
  Designation d;
  if (at >= s.size() || s[at] != U'第') return d;
  const Number first = read_number(s, at + 1);
  d.refusal = first.refusal;
  d.unit_at = first.end;
  if (first.refusal == Refusal::NoNumeral || first.refusal == Refusal::UnclosedBracket) return d;
  std::size_t j = first.end;
  if (first.refusal == Refusal::None) {
    d.number = first.value;
    int last = first.value;
    while (j < s.size() && (s[j] == kEach || s[j] == kThrough)) {
      const Number next = read_number(s, j + 1);
      if (next.refusal != Refusal::None) break;
      if (s[j] == kEach) {
        d.more.push_back(next.value);
      } else if (next.value > last && next.value - last <= kMaxRangeSpan) {
        for (int v = last + 1; v <= next.value; ++v) d.more.push_back(v);
      } else {
        break;  // 第五至三项: the unit is then missing, and the whole designation refused
      }
      last = next.value;
      j = next.end;
    }
  }
  d.unit_at = j;
  d.unit = j < s.size() ? unit_of(s[j]) : std::nullopt;
  if (d.refusal == Refusal::BadNumber) return d;
  if (!d.unit) {
    d.refusal = Refusal::NoUnit;
    return d;
  }
  d.end = j + 1;
  // 之 starts an insertion only before a numeral: 第二十条之规定 is article 20 and 之规定.
  if (*d.unit == Unit::Article && d.end + 1 < s.size() && s[d.end] == U'之' && is_numeral(s[d.end + 1])) {
    const Number insertion = read_number(s, d.end + 1);
    if (insertion.refusal == Refusal::None) {
      d.insertion = insertion.value;
      d.end = insertion.end;
    } else {
      d.unreadable_insertion = true;
    }
  }
  return d;
}

Chain read_chain(u32v s, std::size_t at, Unit top) {
  Chain c;
  c.end = at;
  while (true) {
    Designation d = read_designation(s, c.end);
    const bool fits = d.refusal == Refusal::None && (c.designations == 0 ? *d.unit >= top : *d.unit > c.last);
    if (!fits) {
      c.next = std::move(d);
      break;
    }
    if (c.designations++ == 0) c.first = *d.unit;
    c.last = *d.unit;
    number_of(c.path, c.last) = d.number;
    if (c.last == Unit::Article) {
      c.path.insertion = d.insertion;
      c.unreadable_insertion = d.unreadable_insertion;
    }
    c.last_at = c.end;
    c.end = d.end;
    c.more = std::move(d.more);
    if (!c.more.empty()) break;
  }
  return c;
}

}  // namespace lawref::citation
