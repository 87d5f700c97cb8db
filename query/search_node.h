// The compiled form of a search query: a tree whose leaves are concepts that must appear in
// the text, in any of their forms, each with the Xapian query that finds its candidates.
#pragma once
#include <string>
#include <vector>
#include <xapian.h>

namespace lawref::searching {

struct Node {
  enum class Kind { Leaf, And, Or, Not } kind = Kind::Leaf;
  std::vector<std::u32string> alternatives;  // Leaf: folded forms, any of which satisfies it
  bool verify = true;                        // Leaf: check on the text (false: the index term is the truth)
  bool exact = false;                        // Leaf: the index query is exactly the leaf (safe inside AND_NOT)
  bool from_glossary = false;                // Leaf: the Chinese terms of an English word, not typed Chinese
  std::vector<std::string> proving_terms;    // Leaf: index terms whose presence alone proves a form (two-character Chinese forms)
  Xapian::Query query;                       // Leaf: candidates
  // Leaf of a glossary concept: the forms and candidates of the concept it is built on
  // (Glossary::broader), which the broader tier accepts in its place.
  std::vector<std::u32string> broader;
  Xapian::Query broader_query;
  std::vector<Node> children;
  Xapian::Query hint;                        // the root's: optional terms that raise what answers the question (question_cues.h)
  Xapian::Query ranking_words;               // the root's: English words outside the glossary, beside its concepts: they rank, not filter
};

// A leaf for the folded forms of one concept; its forms weigh as one term (OP_SYNONYM).
Node leaf(std::vector<std::u32string> alternatives);

// Candidates: a superset of the documents that match. NOT only narrows it when exact.
Xapian::Query candidates(const Node& n);

// The forms of the leaves not under a NOT: what a snippet marks.
void positive_alternatives(const Node& n, std::vector<std::u32string>& out);
// The leaves not under a NOT.
void leaves(Node& n, std::vector<Node*>& out);

// The tree, indented by `depth`, one line per node, for --explain.
void describe(const Node& n, int depth, std::vector<std::string>& out);

}  // namespace lawref::searching
