// lawref diff OLD NEW: what a revision changed, article by article. The mapping is the
// index's version links when NEW succeeds OLD, else it is aligned on the spot (any two texts).
#pragma once
#include <string>
#include <vector>

#include "link_graph.h"
#include "model.h"
#include "text_diff.h"

namespace lawref {

struct ArticleChange {
  const Article* before = nullptr;
  const Article* after = nullptr;
  links::LinkBasis basis = links::LinkBasis::None;  // same, changed, split, merged
  double score = 0;   // similarity of the two articles (0..1)
  std::vector<DiffSegment> diff;
};

struct RevisionDiff {
  std::vector<ArticleChange> changes;     // in the new text's order
  std::vector<const Article*> dropped;    // old articles nothing continues
  std::vector<const Article*> added;      // new articles nothing leads to
  bool stored = false;                    // the mapping came from the index's version links
};

// `links`: the old law's outgoing links (version links to `after` are used when present).
RevisionDiff diff_revision(const LawText& before, const LawText& after, const std::vector<links::Link>& links);

// The article's text as lawref show prints it (paragraphs on their own lines).
std::string article_text(const LawText& law, const Article& article);

}  // namespace lawref
