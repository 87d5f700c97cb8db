// Verification: the index holds no positions, so a candidate's text is checked against the
// compiled query (phrases standing together, NOT leaves absent) before it counts as a hit.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "search_node.h"

namespace lawref::searching {

// Whether the folded `text` satisfies the query.
bool matches(const Node& n, const std::u32string& text);

// Whether a document satisfies the query on the index's terms alone, without its text: a leaf
// holds where the document has the bigram term of one of its two-character Chinese forms (as a
// leaf of that one form is never checked on the text). `has_term` tells whether the document has
// a proving term (search.cpp asks a TermPresence read for the whole batch). False means "read the
// text", not "fails".
bool holds_on_terms(const Node& n, const std::function<bool(const std::string&)>& has_term);

// Whether `matches` holds for every text: an English leaf (the index's terms decide it), and what is
// built of such nodes alone. An Or beside such a child reads no text for its other children.
bool matches_every_text(const Node& n);

// Whether some candidate of the query can fail on its text (a phrase the index only
// approximates, or a NOT); when not, every candidate is a hit.
bool needs_verification(const Node& n);

// Whether the query can be checked on a document's stored data as it is, unparsed: only when
// every needle is Chinese, since JSON punctuation separates every field and no Chinese phrase
// can span two; an ASCII needle could meet a JSON key.
bool checkable_on_stored_data(const Node& n, const std::vector<std::u32string>& needles);

}  // namespace lawref::searching
