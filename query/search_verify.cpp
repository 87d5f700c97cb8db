#include "search_verify.h"

#include <algorithm>

#include "search_text.h"

namespace lawref::searching {
namespace {

bool has_negated_ascii(const Node& n, bool negated = false) {
  if (n.kind == Node::Kind::Leaf)
    return negated && std::any_of(n.alternatives.begin(), n.alternatives.end(), [](const std::u32string& a) { return !has_cjk(a); });
  for (const Node& c : n.children)
    if (has_negated_ascii(c, negated || n.kind == Node::Kind::Not)) return true;
  return false;
}

}  // namespace

bool matches(const Node& n, const std::u32string& text) {
  switch (n.kind) {
    case Node::Kind::Leaf:
      if (!n.verify) return true;
      return std::any_of(n.alternatives.begin(), n.alternatives.end(), [&](const std::u32string& a) { return contains_word(text, a); });
    case Node::Kind::And:
      return std::all_of(n.children.begin(), n.children.end(), [&](const Node& c) { return matches(c, text); });
    case Node::Kind::Or:
      return std::any_of(n.children.begin(), n.children.end(), [&](const Node& c) { return matches(c, text); });
    case Node::Kind::Not:
      return !matches(n.children[0], text);
  }
  return false;
}

bool matches_every_text(const Node& n) {
  switch (n.kind) {
    case Node::Kind::Leaf: return !n.verify;
    case Node::Kind::And: return std::all_of(n.children.begin(), n.children.end(), matches_every_text);
    case Node::Kind::Or: return std::any_of(n.children.begin(), n.children.end(), matches_every_text);
    case Node::Kind::Not: return false;
  }
  return false;
}

bool holds_on_terms(const Node& n, const std::function<bool(const std::string&)>& has_term) {
  switch (n.kind) {
    case Node::Kind::Leaf:
      return !n.verify || std::any_of(n.proving_terms.begin(), n.proving_terms.end(), has_term);
    case Node::Kind::And:
      return std::all_of(n.children.begin(), n.children.end(), [&](const Node& c) { return holds_on_terms(c, has_term); });
    case Node::Kind::Or:
      return std::any_of(n.children.begin(), n.children.end(), [&](const Node& c) { return holds_on_terms(c, has_term); });
    case Node::Kind::Not:
      return false;  // absence is only known from the text
  }
  return false;
}

bool needs_verification(const Node& n) {
  switch (n.kind) {
    case Node::Kind::Leaf: return n.verify && !n.exact;
    case Node::Kind::Not: return true;
    default:
      return std::any_of(n.children.begin(), n.children.end(), needs_verification);
  }
}

bool checkable_on_stored_data(const Node& n, const std::vector<std::u32string>& needles) {
  return std::all_of(needles.begin(), needles.end(), has_cjk) && !has_negated_ascii(n);
}

}  // namespace lawref::searching
