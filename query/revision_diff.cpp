#include "revision_diff.h"

#include <algorithm>
#include <set>

#include "link_builder.h"
#include "provision_format.h"

namespace lawref {

std::string article_text(const LawText& law, const Article& article) {
  return provision_text(law, article_path(article));
}

RevisionDiff diff_revision(const LawText& before, const LawText& after, const std::vector<links::Link>& stored) {
  RevisionDiff out;
  std::vector<links::Link> mapping;
  for (const links::Link& l : stored)
    if (l.kind == links::LinkKind::Version && l.to.law == after.law_id) mapping.push_back(l);
  out.stored = !mapping.empty();
  if (mapping.empty()) mapping = links::version_links(before, after);

  std::set<const Article*> continued, reached;
  for (const links::Link& l : mapping) {
    const Article* a = before.find_article(l.from.path.article, l.from.path.insertion);
    const Article* b = after.find_article(l.to.path.article, l.to.path.insertion);
    if (!a || !b) continue;
    continued.insert(a);
    reached.insert(b);
    out.changes.push_back({a, b, l.basis, l.score, diff_chars(article_text(before, *a), article_text(after, *b))});
  }
  std::stable_sort(out.changes.begin(), out.changes.end(), [](const ArticleChange& x, const ArticleChange& y) {
    return std::tie(x.after->number, x.after->insertion, x.before->number) < std::tie(y.after->number, y.after->insertion, y.before->number);
  });
  for (const Article& a : before.articles)
    if (!continued.count(&a)) out.dropped.push_back(&a);
  for (const Article& b : after.articles)
    if (!reached.count(&b)) out.added.push_back(&b);
  return out;
}

}  // namespace lawref
