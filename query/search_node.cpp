#include "search_node.h"

#include <algorithm>
#include <set>

#include "analyzer.h"
#include "search_text.h"
#include "search_verify.h"
#include "utf8.h"

namespace lawref::searching {
namespace {

using u32 = std::u32string;

Xapian::Query run_query(const analysis::Run& r) {
  if (r.kind == analysis::RunKind::Cjk) {
    if (r.text.size() == 1) {
      // Every occurrence of a character starts a bigram or ends a run.
      return Xapian::Query(Xapian::Query::OP_OR,
                           Xapian::Query(Xapian::Query::OP_WILDCARD, utf8::encode(r.text), 2000, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT),
                           Xapian::Query(analysis::run_end_term(r.text[0])));
    }
    std::vector<Xapian::Query> bigrams;
    std::set<std::string> seen;
    for (std::size_t k = 0; k + 1 < r.text.size(); ++k) {
      std::string t = analysis::bigram_term(r.text[k], r.text[k + 1]);
      if (seen.insert(t).second) bigrams.emplace_back(t);
    }
    return Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end());
  }
  const std::string word = utf8::encode(r.text);
  if (r.kind == analysis::RunKind::Word) return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(word), Xapian::Query(analysis::stem_term(word)));
  return Xapian::Query(word);
}

}  // namespace

Node leaf(std::vector<u32> alternatives) {
  Node n;
  std::vector<Xapian::Query> alts;
  bool exact = alternatives.size() == 1;
  for (const u32& a : alternatives) {
    const std::vector<analysis::Run> runs = analysis::runs(a);
    std::vector<Xapian::Query> parts;
    for (const analysis::Run& r : runs) {
      // A single character that the form itself closes (the 境 of 出国（境）) ends a run wherever
      // the form stands in a text: its run-end term finds it, without expanding to every bigram
      // it could start (a costly OR).
      const bool closed = r.kind == analysis::RunKind::Cjk && r.text.size() == 1 && r.end < a.size();
      parts.push_back(closed ? Xapian::Query(analysis::run_end_term(r.text[0])) : run_query(r));
    }
    if (parts.empty()) continue;
    const bool one_bigram = runs.size() == 1 && runs[0].kind == analysis::RunKind::Cjk && runs[0].text.size() == 2;
    if (one_bigram) n.proving_terms.push_back(analysis::bigram_term(runs[0].text[0], runs[0].text[1]));
    exact = exact && one_bigram;
    alts.push_back(parts.size() == 1 ? parts[0] : Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
  }
  n.alternatives = std::move(alternatives);
  n.exact = exact;
  // The forms of one concept weigh as one term (OP_SYNONYM): a document does not outrank
  // another just by using several synonyms of the same concept.
  n.query = alts.empty() ? Xapian::Query() : alts.size() == 1 ? alts[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end());
  return n;
}

Xapian::Query candidates(const Node& n) {
  switch (n.kind) {
    case Node::Kind::Leaf: return n.query;
    case Node::Kind::Or: {
      std::vector<Xapian::Query> qs;
      for (const Node& c : n.children) qs.push_back(candidates(c));
      return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
    }
    case Node::Kind::And: {
      std::vector<Xapian::Query> pos;
      std::vector<Xapian::Query> neg;
      for (const Node& c : n.children) {
        if (c.kind != Node::Kind::Not) pos.push_back(candidates(c));
        else if (c.children[0].kind == Node::Kind::Leaf && c.children[0].exact) neg.push_back(c.children[0].query);
      }
      Xapian::Query q(Xapian::Query::OP_AND, pos.begin(), pos.end());
      for (const Xapian::Query& x : neg) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, x);
      return q;
    }
    case Node::Kind::Not: return Xapian::Query::MatchAll;  // only reachable inside OR, refused earlier
  }
  return {};
}

void positive_alternatives(const Node& n, std::vector<u32>& out) {
  if (n.kind == Node::Kind::Not) return;
  if (n.kind == Node::Kind::Leaf) out.insert(out.end(), n.alternatives.begin(), n.alternatives.end());
  for (const Node& c : n.children) positive_alternatives(c, out);
}

void leaves(Node& n, std::vector<Node*>& out) {
  if (n.kind == Node::Kind::Leaf) out.push_back(&n);
  if (n.kind == Node::Kind::Not) return;
  for (Node& c : n.children) leaves(c, out);
}

namespace {

// `unchecked`: the node sits under an Or beside a child that matches every text (an English
// branch: search_verify.h), so no text is ever read for its Chinese forms.
void describe_node(const Node& n, int depth, bool unchecked, std::vector<std::string>& out) {
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  switch (n.kind) {
    case Node::Kind::Leaf: {
      std::string forms;
      for (const u32& a : n.alternatives) forms += (forms.empty() ? "" : " | ") + utf8::encode(a);
      const bool cjk = std::any_of(n.alternatives.begin(), n.alternatives.end(), has_cjk);
      const char* note = !cjk                     ? "  (word or stem, in the English text)"
                         : !n.verify || n.exact ? ""
                         : unchecked            ? "  (its character pairs only, not checked on the text: the English side holds)"
                                                : "  (characters together, checked on the text)";
      out.push_back(indent + (cjk ? (n.alternatives.size() > 1 ? "concept " : "phrase ") : "English ") + forms + note);
      return;
    }
    case Node::Kind::And: out.push_back(indent + "all of:"); break;
    case Node::Kind::Or: out.push_back(indent + "any of:"); break;
    case Node::Kind::Not: out.push_back(indent + "not:"); break;
  }
  const bool beside_english = n.kind == Node::Kind::Or && std::any_of(n.children.begin(), n.children.end(), matches_every_text);
  for (const Node& c : n.children) describe_node(c, depth + 1, unchecked || beside_english, out);
}

}  // namespace

void describe(const Node& n, int depth, std::vector<std::string>& out) { describe_node(n, depth, false, out); }

}  // namespace lawref::searching
