// The search query language: words and "quoted phrases", AND (implicit), OR, NOT or a
// leading '-', and parentheses. A run of Chinese characters, quoted or not, is a phrase:
// its characters must stand together in the provision (as a lawyer expects 国家安全机关 to).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lawref {

struct QueryNode {
  enum class Kind { Phrase, And, Or, Not } kind = Kind::Phrase;
  std::string text;  // Phrase: the words as typed
  bool quoted = false;
  std::vector<QueryNode> children;
};

struct QueryParse {
  bool ok = false;
  QueryNode root;
  std::string error;  // one line, when !ok
};

inline constexpr std::size_t kMaxQueryLength = 1000;  // characters

QueryParse parse_query(std::string_view query);

// A plain query: words and phrases, none quoted, with no operator but the implicit AND.
bool is_plain_query(const QueryNode& node);

// The phrases of the query that are not under a NOT (what a hit should show highlighted).
std::vector<std::string> positive_phrases(const QueryNode& node);

}  // namespace lawref
