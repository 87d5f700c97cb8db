// The document model of a Chinese statute: law -> optional 编/分编/章/节 divisions ->
// article (条, with 之一 insertions) -> paragraph (款) -> item (项) -> sub-item (目).
//
// Divisions and articles are kept flat, in document order: an article names its innermost
// division, a division its parent and the index of the first article that follows it. That
// makes lookups by article number trivial and still describes the tree losslessly.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lawref {

// How lawref's own English text is labelled wherever it is shown: the Chinese is authoritative.
inline constexpr const char* kLawrefTranslation = "unofficial translation (lawref)";

enum class DivisionKind { Part, Subpart, Chapter, Section };  // 编, 分编, 章, 节

struct Item {
  int number = 0;            // 3 for （三）
  std::string num;           // as written: （三）, (三), 3., 3．
  std::string text;
  std::vector<Item> children;  // 目 inside a 项
  bool operator==(const Item&) const = default;
};

struct Paragraph {
  int number = 0;  // 1-based position in the article (款 are not numbered in the text)
  std::string text;
  std::vector<Item> items;
  bool operator==(const Paragraph&) const = default;
};

struct Article {
  int number = 0;
  int insertion = 0;  // 1 for 第二十条之一, 0 for an ordinary article
  std::string num;    // as written: 第二十条之一, Article 14
  int division = -1;  // innermost enclosing division, -1 when the law has none
  std::vector<Paragraph> paragraphs;
  int source_line = 0;  // 1-based line of the heading in the imported text; 0 when unknown
  bool operator==(const Article& o) const {
    return number == o.number && insertion == o.insertion && num == o.num && division == o.division &&
           paragraphs == o.paragraphs;  // source_line is provenance, not content
  }
};

struct Division {
  DivisionKind kind = DivisionKind::Chapter;
  int number = 0;
  std::string num;      // as written: 第一章, or 一、 for the numbered groups of judicial interpretations
  std::string heading;  // as written: 总则, 总　则 (a heading wrapped over two lines is joined)
  int parent = -1;
  std::size_t first_article = 0;  // index into LawText::articles of the first article after it
  bool operator==(const Division&) const = default;
};

// One language version of one law, as imported.
struct LawText {
  std::string law_id;
  std::string lang = "zh";       // zh or en
  std::string title;
  std::vector<std::string> preamble;  // history lines (adoption, amendments) and any 序言, as written
  std::vector<Division> divisions;
  std::vector<Article> articles;
  std::vector<std::string> appendix;  // lines after the articles introduced by 附件/附表/附：, as written
  std::string source;  // the file name it came from (no directory), for provenance only
  // The collection's comment lines before the first article (<!-- STATUS: 有效 -->, in order):
  // metadata about the text, never statute text.
  std::vector<std::pair<std::string, std::string>> source_metadata;
  // Who made this text when it is a translation: "unofficial translation (lawref)", or the source
  // an imported official translation names. Empty for the original.
  std::string translation;
  bool operator==(const LawText&) const = default;

  const Article* find_article(int number, int insertion = 0) const;
  // The value of a source_metadata key (STATUS, EFFECTIVE_FROM, SOURCE), or empty.
  std::string metadata(std::string_view key) const;
};

// The item numbered `number` (项 and 目 are found by number, not position), or null.
const Item* find_item(const std::vector<Item>& items, int number);

// 第一章 总则, or the heading alone where the text numbers none (民法典's 物权编 files).
std::string division_label(const Division& division);

// Chapter ids and headings.
const char* division_alias(DivisionKind kind);         // part, subpart, chp, sec
const char* division_akn_element(DivisionKind kind);   // part, subpart, chapter, section
const char* division_zh_unit(DivisionKind kind);       // 编, 分编, 章, 节

}  // namespace lawref
