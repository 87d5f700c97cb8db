#include "search_tiers.h"

#include <algorithm>

#include "analyzer.h"

namespace lawref::searching {

void boost_with_words(Node& n) {
  if (n.kind == Node::Kind::Not) return;
  for (Node& c : n.children) boost_with_words(c);
  if (n.kind != Node::Kind::Leaf || n.query.empty()) return;
  std::vector<Xapian::Query> words;
  for (const std::u32string& a : n.alternatives)
    for (const analysis::Run& r : analysis::runs(a))
      if (r.kind == analysis::RunKind::Cjk)
        for (const std::u32string& w : analysis::dictionary_words(r.text)) words.emplace_back(analysis::word_term(w));
  if (!words.empty())
    n.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, n.query, Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
}

// 1.25 chosen on the tuning sets (1, 1.25, 1.5, 1.75, 2, 2.5: chinese-2 recall 0.883, 0.892,
// 0.892, 0.892…; english recall 0.831 up to 1.5, 0.825 from 1.75; see bench/README.md).
double cue_scale(SearchMode mode) {
  constexpr double kRelaxedCueScale = 1.25;
  return mode == SearchMode::Exact ? 1.0 : kRelaxedCueScale;
}

bool broaden(Node& n, bool dictionary_words) {
  if (n.kind == Node::Kind::Not) return false;
  bool changed = false;
  for (Node& c : n.children) changed = broaden(c, dictionary_words) || changed;
  if (n.kind != Node::Kind::Leaf || n.broader.empty()) return changed;
  std::vector<std::u32string> forms = n.alternatives;
  forms.insert(forms.end(), n.broader.begin(), n.broader.end());
  if (n.verify) {  // Chinese forms, checked on the text: a leaf of them all, with its proving terms
    Node wider = leaf(std::move(forms));
    wider.from_glossary = n.from_glossary;
    if (dictionary_words) boost_with_words(wider);
    n = std::move(wider);
  } else {  // English words, which the index settles
    n.alternatives = std::move(forms);
    n.query = Xapian::Query(Xapian::Query::OP_SYNONYM, n.query, n.broader_query);
    n.exact = false;
  }
  n.broader.clear();
  n.broader_query = Xapian::Query();
  return true;
}

bool most_of(const Node& n, Node& out) {
  if (n.kind == Node::Kind::Or) {
    out.kind = Node::Kind::Or;
    out.children.clear();
    for (const Node& branch : n.children) {
      Node m;
      if (most_of(branch, m)) out.children.push_back(std::move(m));
    }
    return !out.children.empty();
  }
  if (n.kind != Node::Kind::And || n.children.size() < 3 || n.children.size() > 8) return false;
  // A concept is a leaf, or the words a Chinese phrase was split into (an And of leaves): the
  // words tier splits 公安机关 into 公安 机关, which is still one concept to leave out.
  const auto concept_node = [](const Node& c) {
    return c.kind == Node::Kind::Leaf ||
           (c.kind == Node::Kind::And && std::all_of(c.children.begin(), c.children.end(), [](const Node& w) { return w.kind == Node::Kind::Leaf; }));
  };
  if (!std::all_of(n.children.begin(), n.children.end(), concept_node)) return false;
  out.kind = Node::Kind::Or;
  out.children.clear();
  for (std::size_t skip = 0; skip < n.children.size(); ++skip) {
    Node group;
    group.kind = Node::Kind::And;
    for (std::size_t k = 0; k < n.children.size(); ++k)
      if (k != skip) group.children.push_back(n.children[k]);
    out.children.push_back(std::move(group));
  }
  return true;
}

Node any_of(Node n) {
  Node any;
  any.kind = Node::Kind::Or;
  std::vector<Node*> ls;
  leaves(n, ls);
  for (Node* l : ls) any.children.push_back(*l);
  return any;
}

std::vector<Tier> make_tiers(const Node& node, bool plain, bool dictionary_words, const QueryCompiler& compiler, SearchResult& result) {
  std::vector<Tier> tiers;
  tiers.push_back({SearchMode::Exact, node});
  if (!plain) return tiers;
  Node words = node;
  const bool split = compiler.split_into_words(words, result);
  Node any = any_of(split ? words : node);  // any word of the phrases, not any phrase
  if (split) {
    if (dictionary_words) boost_with_words(words);
    tiers.push_back({SearchMode::Words, words});
  }
  // A broader concept in place of a narrower one, before leaving a concept out: of "must
  // companies help intelligence agencies", the duty to assist national intelligence work.
  if (Node broader = node; broaden(broader, dictionary_words)) tiers.push_back({SearchMode::Broader, std::move(broader)});
  // All the concepts but one, before any one of them: of a question in many words
  // (how do I report a suspected spy), the provisions that answer most of it come first.
  if (Node most; most_of(split ? words : node, most)) tiers.push_back({SearchMode::Most, std::move(most)});
  if (any.children.size() > 1) tiers.push_back({SearchMode::Any, std::move(any)});
  for (Tier& t : tiers) {  // what the question asks for, and the words outside the glossary, raise a hit in every tier
    t.node.hint = node.hint.empty() || cue_scale(t.mode) == 1.0 ? node.hint : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, node.hint, cue_scale(t.mode));
    t.node.ranking_words = node.ranking_words;
  }
  return tiers;
}

}  // namespace lawref::searching
