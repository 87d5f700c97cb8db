// The designation grammar both citation readers share, table-driven (each row an input, as the
// readers see it after folding, and what the grammar makes of it): the units, the numeral
// forms, 之N, brackets, numbers sharing a unit, and the limits with the refusals just past them.
#include <catch2/catch.hpp>

#include "citation_grammar.h"
#include "text_folding.h"
#include "utf8.h"

using namespace lawref;
using namespace lawref::citation;

namespace {

struct Row {
  const char* input;
  const char* expected;
};

std::u32string folded(const char* input) { return utf8::decode(text::fold(input)); }

std::string refusal_name(Refusal r) {
  switch (r) {
    case Refusal::None: return "none";
    case Refusal::NoNumeral: return "no numeral";
    case Refusal::UnclosedBracket: return "unclosed bracket";
    case Refusal::BadNumber: return "bad number";
    case Refusal::NoUnit: return "no unit";
  }
  return "?";
}

const char* unit_name(Unit u) {
  static const char* const names[] = {"条", "款", "项", "目"};
  return names[static_cast<int>(u)];
}

// 条 20 之1 · rest   |   项 1,2,3 · rest   |   refused: bad number
std::string describe(const Designation& d, std::u32string_view s) {
  if (d.refusal != Refusal::None) return "refused: " + refusal_name(d.refusal);
  std::string out = std::string(unit_name(*d.unit)) + " " + std::to_string(d.number);
  if (d.more.size() > 4) {
    out += "," + std::to_string(d.more.front()) + "…" + std::to_string(d.more.back()) + " (" + std::to_string(d.more.size() + 1) + ")";
  } else {
    for (int v : d.more) out += "," + std::to_string(v);
  }
  if (d.insertion) out += " 之" + std::to_string(d.insertion);
  if (d.unreadable_insertion) out += " 之?";
  if (d.end < s.size()) out += " · " + utf8::encode(s.substr(d.end));
  return out;
}

// art4-1/para1/item3/sub2, the units not written left out.
std::string path_name(const ProvisionPath& p) {
  std::string out;
  auto part = [&](const char* name, int v) {
    if (v) out += (out.empty() ? "" : "/") + std::string(name) + std::to_string(v);
  };
  part("art", p.article);
  if (p.insertion) out += "-" + std::to_string(p.insertion);
  part("para", p.paragraph);
  part("item", p.item);
  part("sub", p.subitem);
  return out;
}

// art4/para1/item3 · rest · out of order (when the next designation is fine but not below)
std::string describe(const Chain& c, std::u32string_view s) {
  if (c.designations == 0) return "none: " + describe(c.next, s);
  std::string out = path_name(c.path);
  for (int v : c.more) out += "," + std::to_string(v);
  if (c.end < s.size()) out += " · " + utf8::encode(s.substr(c.end));
  if (c.next.refusal == Refusal::None) out += " · out of order";
  return out;
}

// Each row's input, folded, described by `read`, against its expected description.
template <std::size_t N, class Read>
void check(const Row (&rows)[N], Read read) {
  for (const Row& row : rows) {
    INFO(row.input);
    CHECK(read(folded(row.input)) == row.expected);
  }
}

}  // namespace

TEST_CASE("The designation grammar reads units, numerals, 之N and brackets", "[citation][grammar]") {
  static const Row rows[] = {
      // The four units.
      {"第十四条", "条 14"},
      {"第二款", "款 2"},
      {"第三项", "项 3"},
      {"第一目", "目 1"},
      // Numeral forms: Chinese with units, 两, 〇-digits, Arabic, full-width (folded to Arabic), financial.
      {"第一百零一条", "条 101"},
      {"第一千二百六十条", "条 1260"},
      {"第两款", "款 2"},
      {"第一〇一条", "条 101"},
      {"第77条", "条 77"},
      {"第７７条", "条 77"},
      {"第柒拾柒条", "条 77"},
      // Brackets, half- and full-width, on any unit.
      {"第(三)项", "项 3"},
      {"第（三）项", "项 3"},
      {"第（3）项", "项 3"},
      {"第(十四)条", "条 14"},
      // 之N after 条 only, and only before a numeral.
      {"第二十条之一", "条 20 之1"},
      {"第一百二十条之六", "条 120 之6"},
      {"第20条之1", "条 20 之1"},
      {"第二十条之规定", "条 20 · 之规定"},
      {"第二十条之(一)", "条 20 · 之(一)"},
      {"第二款之一", "款 2 · 之一"},
      {"第二十条之零", "条 20 之? · 之零"},
      // Numbers sharing a unit.
      {"第三、四款", "款 3,4"},
      {"第（一）、（三）项", "项 1,3"},
      {"第(一)至(三)项", "项 1,2,3"},
      {"第一、三至五项", "项 1,3,4,5"},
      {"第五至三项", "refused: no unit"},
      {"第三、x款", "refused: no unit"},
      // What follows a designation is not part of it.
      {"第十四条第二款", "条 14 · 第二款"},
      {"第十四条的规定", "条 14 · 的规定"},
      // Refusals.
      {"第", "refused: no numeral"},
      {"第x条", "refused: no numeral"},
      {"第()项", "refused: no numeral"},
      {"第(三项", "refused: unclosed bracket"},
      {"第(三", "refused: unclosed bracket"},
      {"第零条", "refused: bad number"},
      {"第(〇)项", "refused: bad number"},
      {"第一百二条", "refused: bad number"},  // colloquial 120 or 102: ambiguous
      {"第十百条", "refused: bad number"},
      {"第三次", "refused: no unit"},
      {"第一章", "refused: no unit"},
      {"第十四", "refused: no unit"},
      {"前款", "refused: no numeral"},
      // The limits: any number the numeral reader reads (1 … 99,999,999), 16 characters at most;
      // a range of at most 200 steps.
      {"第九千九百九十九万九千九百九十九条", "条 99999999"},
      {"第99999999条", "条 99999999"},
      {"第100000000条", "refused: bad number"},
      {"第一百万条", "条 1000000"},
      {"第一万零一款", "款 10001"},
      {"第十万零一项", "项 100001"},
      {"第二十条之一百", "条 20 之100"},
      {"第0000000000000001条", "条 1"},
      {"第00000000000000001条", "refused: bad number"},
      {"第(一)至(二百零一)项", "项 1,2…201 (201)"},
      {"第(一)至(二百零二)项", "refused: no unit"},
      {"第五至二百零五项", "项 5,6…205 (201)"},
  };
  check(rows, [](std::u32string_view s) { return describe(read_designation(s, 0), s); });
}

TEST_CASE("The designation grammar reads chains down the hierarchy and says why they stop", "[citation][grammar]") {
  static const Row rows[] = {
      {"第四条第一款第(三)项", "art4/para1/item3"},
      {"第四条第一款第（三）项第2目", "art4/para1/item3/sub2"},
      {"第四条第(三)项", "art4/item3"},
      {"第二十条之一第二款", "art20-1/para2"},
      {"第十四条第二款的规定", "art14/para2 · 的规定"},
      {"第二款第三项", "para2/item3"},
      {"第(一)、(三)项", "item1,3"},
      {"第八条第(一)、(三)项或者第三、四款", "art8/item1,3 · 或者第三、四款"},
      // Nothing may follow a designation naming several provisions.
      {"第三、四款第一项", "para3,4 · 第一项"},
      // Out of order: a unit at or above the last.
      {"第十四条第二项第一款", "art14/item2 · 第一款 · out of order"},
      {"第十四条第二款第二款", "art14/para2 · 第二款 · out of order"},
      {"第十四条第二条", "art14 · 第二条 · out of order"},
      // A later designation refused ends the chain before it.
      {"第十四条第(二款", "art14 · 第(二款"},
      {"第十四条第一章", "art14 · 第一章"},
      {"第零条第一款", "none: refused: bad number"},
  };
  check(rows, [](std::u32string_view s) { return describe(read_chain(s, 0), s); });
  // A chain may be required to start below the article (本条第一款, 前款第(一)项).
  const std::u32string s = folded("第四条第一款");
  CHECK(read_chain(s, 0, Unit::Paragraph).designations == 0);
  CHECK(describe(read_chain(s, 3, Unit::Paragraph), s) == "para1");
}
