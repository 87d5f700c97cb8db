#include "query_parser.h"

#include <algorithm>

#include "utf8.h"

namespace lawref {
namespace {

struct Token {
  enum class Kind { Word, Quoted, And, Or, Not, Open, Close } kind;
  std::string text;
};

bool is_break(char32_t c) { return utf8::is_space(c) || c == U'(' || c == U')' || c == U'"' || c == U'“' || c == U'”'; }

std::vector<Token> tokenize(std::u32string_view s, std::string& error) {
  std::vector<Token> out;
  std::size_t i = 0;
  int open = 0;  // parentheses opened as operators and not yet closed
  while (i < s.size()) {
    const char32_t c = s[i];
    if (utf8::is_space(c)) {
      ++i;
    } else if (c == U'(' || c == U'（') {
      out.push_back({Token::Kind::Open, ""});
      ++open;
      ++i;
    } else if (c == U')' || c == U'）') {
      out.push_back({Token::Kind::Close, ""});
      if (open > 0) --open;
      ++i;
    } else if (c == U'"' || c == U'“' || c == U'”') {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != U'"' && s[j] != U'”' && s[j] != U'“') ++j;
      if (j >= s.size()) {
        error = "unclosed quote in the query";
        return {};
      }
      out.push_back({Token::Kind::Quoted, utf8::encode(s.substr(i + 1, j - i - 1))});
      i = j + 1;
    } else if (c == U'-' && i + 1 < s.size() && !utf8::is_space(s[i + 1])) {
      out.push_back({Token::Kind::Not, ""});
      ++i;
    } else {
      // Full-width parentheses inside a word are part of it (反间谍法（2014）, 第（三）项), but a
      // ） that matches none of them closes an operator （ before the word: （快递 OR 寄递）国家秘密.
      std::size_t j = i;
      int inner = 0;
      for (; j < s.size() && !is_break(s[j]); ++j) {
        if (s[j] == U'（') ++inner;
        else if (s[j] == U'）' && inner > 0) --inner;
        else if (s[j] == U'）' && open > 0) break;
      }
      const std::string word = utf8::encode(s.substr(i, j - i));
      if (word == "AND" || word == "&&") out.push_back({Token::Kind::And, ""});
      else if (word == "OR" || word == "||" || word == "或") out.push_back({Token::Kind::Or, ""});
      else if (word == "NOT") out.push_back({Token::Kind::Not, ""});
      else out.push_back({Token::Kind::Word, word});
      i = j;
    }
  }
  return out;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  QueryParse run() {
    QueryParse r;
    if (t_.empty()) return fail("empty query");
    r.root = or_expr();
    if (!error_.empty()) return fail(error_);
    if (pos_ < t_.size()) return fail(t_[pos_].kind == Token::Kind::Close ? "unbalanced ')' in the query" : "cannot read the query");
    if (!has_positive(r.root)) return fail("the query has nothing to look for (only NOT, or only operators)");
    r.ok = true;
    return r;
  }

 private:
  QueryParse fail(std::string message) {
    QueryParse r;
    r.error = std::move(message);
    return r;
  }

  bool at(Token::Kind k) const { return pos_ < t_.size() && t_[pos_].kind == k; }

  QueryNode or_expr() {
    QueryNode first = and_expr();
    if (!at(Token::Kind::Or)) return first;
    QueryNode node{QueryNode::Kind::Or, "", false, {std::move(first)}};
    while (at(Token::Kind::Or) && error_.empty()) {
      ++pos_;
      node.children.push_back(and_expr());
    }
    return node;
  }

  QueryNode and_expr() {
    QueryNode node{QueryNode::Kind::And, "", false, {}};
    while (pos_ < t_.size() && error_.empty() && !at(Token::Kind::Or) && !at(Token::Kind::Close)) {
      if (at(Token::Kind::And)) {
        ++pos_;
        continue;
      }
      node.children.push_back(unary());
    }
    if (node.children.empty() && error_.empty()) error_ = "an operator has nothing to work on";
    if (node.children.size() == 1) return std::move(node.children[0]);
    return node;
  }

  QueryNode unary() {
    if (at(Token::Kind::Not)) {
      ++pos_;
      if (++depth_ > 100) {
        error_ = "the query nests too deeply";
        return {};
      }
      QueryNode inner = unary();
      --depth_;
      return QueryNode{QueryNode::Kind::Not, "", false, {std::move(inner)}};
    }
    return primary();
  }

  QueryNode primary() {
    if (pos_ >= t_.size()) {
      error_ = "the query ends after an operator";
      return {};
    }
    const Token& tok = t_[pos_++];
    switch (tok.kind) {
      case Token::Kind::Word: return QueryNode{QueryNode::Kind::Phrase, tok.text, false, {}};
      case Token::Kind::Quoted:
        if (tok.text.find_first_not_of(" \t") == std::string::npos) error_ = "empty quotes in the query";
        return QueryNode{QueryNode::Kind::Phrase, tok.text, true, {}};
      case Token::Kind::Open: {
        if (++depth_ > 100) {
          error_ = "the query nests too deeply";
          return {};
        }
        QueryNode inner = or_expr();
        --depth_;
        if (!at(Token::Kind::Close)) {
          if (error_.empty()) error_ = "unbalanced '(' in the query";
          return inner;
        }
        ++pos_;
        return inner;
      }
      default:
        error_ = "an operator has nothing to work on";
        return {};
    }
  }

  static bool has_positive(const QueryNode& n) {
    switch (n.kind) {
      case QueryNode::Kind::Phrase: return true;
      case QueryNode::Kind::Not: return false;
      case QueryNode::Kind::Or:
        for (const QueryNode& c : n.children)
          if (!has_positive(c)) return false;
        return !n.children.empty();
      case QueryNode::Kind::And:
        for (const QueryNode& c : n.children)
          if (has_positive(c)) return true;
        return false;
    }
    return false;
  }

  std::vector<Token> t_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
};

void collect(const QueryNode& n, std::vector<std::string>& out) {
  if (n.kind == QueryNode::Kind::Not) return;
  if (n.kind == QueryNode::Kind::Phrase) out.push_back(n.text);
  for (const QueryNode& c : n.children) collect(c, out);
}

}  // namespace

QueryParse parse_query(std::string_view query) {
  QueryParse r;
  if (!utf8::is_valid(query)) {
    r.error = "the query is not valid UTF-8";
    return r;
  }
  const std::u32string s = utf8::decode(query);
  if (s.size() > kMaxQueryLength) {
    r.error = "query too long (" + std::to_string(s.size()) + " characters; at most " + std::to_string(kMaxQueryLength) + ")";
    return r;
  }
  for (char32_t c : s)
    if ((c < 0x20 && c != U'\t') || c == 0x7F) {
      r.error = "control character in the query";
      return r;
    }
  std::string error;
  std::vector<Token> tokens = tokenize(s, error);
  if (!error.empty()) {
    r.error = error;
    return r;
  }
  return Parser(std::move(tokens)).run();
}

std::vector<std::string> positive_phrases(const QueryNode& node) {
  std::vector<std::string> out;
  collect(node, out);
  return out;
}

bool is_plain_query(const QueryNode& q) {
  if (q.kind == QueryNode::Kind::Phrase) return !q.quoted;
  if (q.kind != QueryNode::Kind::And) return false;
  return std::all_of(q.children.begin(), q.children.end(), [](const QueryNode& c) { return c.kind == QueryNode::Kind::Phrase && !c.quoted; });
}

}  // namespace lawref
