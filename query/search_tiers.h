// Tiers: the compiled query as typed, then relaxed forms of it, best first. Each adds the
// articles the earlier ones lack until the page is full, so a precise query still shows a page
// of useful provisions. Only plain queries (no operators, no quotes) relax.
#pragma once
#include <vector>

#include "search_types.h"
#include "search_compiler.h"
#include "search_node.h"

namespace lawref::searching {

struct Tier {
  SearchMode mode;
  Node node;
};

// exact: `node`; for a plain query, then words (its phrases split into words), broader (each
// glossary concept that is built on another, 国家情报工作机构 on 国家情报工作, accepting that one
// too), most (all its concepts but one) and any (any of its words), each when it differs from
// the one before.
// `dictionary_words`: the index holds ICU words, which then boost the split words.
std::vector<Tier> make_tiers(const Node& node, bool plain, bool dictionary_words, const QueryCompiler& compiler, SearchResult& result);

// How much more what the question asks for (question_cues.h: an amount, a penalty, a period)
// weighs in a tier than in the exact one: 1 for exact, more for the relaxed tiers, whose hits
// lack part of the query and answer the question mostly when they hold what it asks for.
double cue_scale(SearchMode mode);

// With dictionary words in the index, documents that hold a leaf's words rank higher.
void boost_with_words(Node& n);

// Each leaf with a broader concept (Node::broader) accepts it as well; false when none has one.
// `dictionary_words`: as boost_with_words, for the leaves it rebuilds.
bool broaden(Node& n, bool dictionary_words);

// All but one of the concepts of an And of 3 to 8 concepts (leaves, or the words of a split
// phrase); of an English query's two branches (the English text, the Chinese through the
// glossary) each on its own, since no document has both languages. False when no part of
// the query has enough concepts.
bool most_of(const Node& n, Node& out);

// Any one of the query's leaves not under a NOT.
Node any_of(Node n);

}  // namespace lawref::searching
