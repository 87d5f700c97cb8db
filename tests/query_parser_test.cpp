// The search query language (query/query_parser.h), table-driven as Xapian's api_termgen.cc:
// each row is an input and the tree (or the error) it parses to, reported with its input.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "query_parser.h"

using namespace lawref;

namespace {

// A tree as a string: a phrase as typed ("…" when quoted), (AND …), (OR …), (NOT …); or
// "error: …" for a refused query.
std::string render(const QueryNode& n) {
  switch (n.kind) {
    case QueryNode::Kind::Phrase: return n.quoted ? "\"" + n.text + "\"" : n.text;
    case QueryNode::Kind::And:
    case QueryNode::Kind::Or:
    case QueryNode::Kind::Not: {
      std::string s = n.kind == QueryNode::Kind::And ? "(AND" : n.kind == QueryNode::Kind::Or ? "(OR" : "(NOT";
      for (const QueryNode& c : n.children) s += " " + render(c);
      return s + ")";
    }
  }
  return "?";
}

std::string render(const QueryParse& p) { return p.ok ? render(p.root) : "error: " + p.error; }

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("The query parser: words, phrases, operators, parentheses and refusals", "[query]") {
  static const struct {
    std::string input;
    std::string expected;
  } rows[] = {
      // Words and implicit AND.
      {"快递", "快递"},
      {"快递 传唤", "(AND 快递 传唤)"},
      {"  快递\t传唤  ", "(AND 快递 传唤)"},
      {"快递\u3000传唤", "(AND 快递 传唤)"},  // a full-width space separates words too
      {"国家安全机关", "国家安全机关"},           // a Chinese run is one phrase, never split here
      {"CEL 第14条", "(AND CEL 第14条)"},         // mixed Chinese and English
      {"courier快递", "courier快递"},             // no space: one word, split later by the analyzer
      {"間諜組織", "間諜組織"},                   // the parser does not fold; search does
      {"a-b", "a-b"},                             // a hyphen inside a word is part of it
      {"。，！", "。，！"},                       // punctuation is a word here; search refuses it
      // Operators.
      {"快递 AND 传唤", "(AND 快递 传唤)"},
      {"快递 && 传唤", "(AND 快递 传唤)"},
      {"快递 OR 传唤", "(OR 快递 传唤)"},
      {"快递 || 传唤", "(OR 快递 传唤)"},
      {"快递 或 传唤", "(OR 快递 传唤)"},
      {"快递 or 传唤", "(AND 快递 or 传唤)"},  // operators are upper case: "or" is a word
      {"快递 OR 传唤 OR 寄递", "(OR 快递 传唤 寄递)"},
      {"快递 传唤 OR 寄递", "(OR (AND 快递 传唤) 寄递)"},  // AND binds tighter than OR
      {"传唤 NOT 快递", "(AND 传唤 (NOT 快递))"},
      {"传唤 -快递", "(AND 传唤 (NOT 快递))"},
      {"-快递 传唤", "(AND (NOT 快递) 传唤)"},
      {"传唤 - 快递", "(AND 传唤 - 快递)"},  // a '-' before a space is no operator
      // Quotes: ASCII and Chinese quotation marks.
      {"\"国家安全机关\"", "\"国家安全机关\""},
      {"\"state security\" 快递", "(AND \"state security\" 快递)"},
      {"“国家安全机关”", "\"国家安全机关\""},
      {"快递“国家秘密”", "(AND 快递 \"国家秘密\")"},  // a quotation mark ends a word
      {"\"AND\"", "\"AND\""},                        // quoted, an operator is a word
      // Parentheses, ASCII and full-width.
      {"(快递 OR 寄递) 国家秘密", "(AND (OR 快递 寄递) 国家秘密)"},
      {"(快递 OR 寄递)国家秘密", "(AND (OR 快递 寄递) 国家秘密)"},
      {"（快递 OR 寄递 ） 国家秘密", "(AND (OR 快递 寄递) 国家秘密)"},
      {"（快递 OR 寄递）国家秘密", "(AND (OR 快递 寄递) 国家秘密)"},  // was "unbalanced '('": ） ended no word
      {"（快递 或 寄递）", "(OR 快递 寄递)"},
      {"((快递))", "快递"},
      // Full-width parentheses inside a word belong to it: citations and names keep them.
      {"反间谍法（2014） 出境", "(AND 反间谍法（2014） 出境)"},
      {"第（三）项", "第（三）项"},
      {"（反间谍法（2014） OR 国家安全法）", "(OR 反间谍法（2014） 国家安全法)"},
      // Refusals, one line each.
      {"", "error: empty query"},
      {"   ", "error: empty query"},
      {"\u3000\t", "error: empty query"},
      {"AND", "error: an operator has nothing to work on"},
      {"OR OR", "error: an operator has nothing to work on"},
      {"快递 OR", "error: an operator has nothing to work on"},
      {"()", "error: an operator has nothing to work on"},
      {"快递 NOT", "error: the query ends after an operator"},
      {"NOT 快递", "error: the query has nothing to look for (only NOT, or only operators)"},
      {"-快递", "error: the query has nothing to look for (only NOT, or only operators)"},
      {"NOT NOT 快递", "error: the query has nothing to look for (only NOT, or only operators)"},
      {"快递 OR -寄递", "error: the query has nothing to look for (only NOT, or only operators)"},
      {"(快递", "error: unbalanced '(' in the query"},
      {"（快递", "error: unbalanced '(' in the query"},
      {"快递)", "error: unbalanced ')' in the query"},
      {"快递 ）", "error: unbalanced ')' in the query"},
      {"\"快递", "error: unclosed quote in the query"},
      {"“快递", "error: unclosed quote in the query"},
      {"\"\"", "error: empty quotes in the query"},
      {"\" \t\"", "error: empty quotes in the query"},
      {"快递\x01", "error: control character in the query"},
      {"快递\n传唤", "error: control character in the query"},
      {"快递\x7f", "error: control character in the query"},
      {"\xff\xfe", "error: the query is not valid UTF-8"},
      {"\xe5\xbf", "error: the query is not valid UTF-8"},  // 快 cut short
      // Long inputs: the length is counted in characters, nesting is bounded.
      {repeat("法", 1000), repeat("法", 1000)},
      {repeat("法", 1001), "error: query too long (1001 characters; at most 1000)"},
      {repeat("a ", 501), "error: query too long (1002 characters; at most 1000)"},
      {repeat("a ", 499) + "a", "(AND " + repeat("a ", 499) + "a)"},  // 999 characters: 500 words
      {repeat("(", 100) + "快递" + repeat(")", 100), "快递"},
      {repeat("(", 101) + "快递" + repeat(")", 101), "error: the query nests too deeply"},
      {repeat("NOT ", 101) + "快递", "error: the query nests too deeply"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    CHECK(render(parse_query(row.input)) == row.expected);
  }
}

TEST_CASE("The query parser: the phrases a hit shows highlighted", "[query]") {
  static const struct {
    std::string input;
    std::vector<std::string> expected;
  } rows[] = {
      {"快递", {"快递"}},
      {"快递 传唤", {"快递", "传唤"}},
      {"快递 -寄递", {"快递"}},
      {"快递 NOT (寄递 OR 邮政)", {"快递"}},
      {"(快递 OR \"国家 秘密\") 传唤", {"快递", "国家 秘密", "传唤"}},
      {"“国家安全机关” 出境", {"国家安全机关", "出境"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    const QueryParse p = parse_query(row.input);
    REQUIRE(p.ok);
    CHECK(positive_phrases(p.root) == row.expected);
  }
}
