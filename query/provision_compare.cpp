#include "provision_compare.h"

#include "article_alignment.h"
#include "link_builder.h"
#include "provision_format.h"

namespace lawref {
namespace {

// A one-article text holding just the cited part, for the similarity measure.
LawText excerpt(const LawText& law, const ProvisionPath& path) {
  LawText t;
  t.law_id = law.law_id;
  Article a;
  a.number = 1;
  Paragraph p;
  p.number = 1;
  p.text = provision_text(law, path);
  a.paragraphs.push_back(p);
  t.articles.push_back(a);
  return t;
}

}  // namespace

std::vector<links::Link> alignment_table(const LawText& local, const LawText& national, const std::vector<links::Link>& local_links,
                                         bool* stored) {
  std::vector<links::Link> out;
  for (const links::Link& l : local_links)
    if (l.kind == links::LinkKind::Implements && l.to.law == national.law_id) out.push_back(l);
  if (stored) *stored = !out.empty();
  if (out.empty()) out = links::implementation_links(local, {&national}, local_links);
  return out;
}

ProvisionComparison compare_provisions(const LawText& left_law, const ProvisionPath& left, const LawText& right_law,
                                       const ProvisionPath& right) {
  ProvisionComparison c;
  c.left = provision_text(left_law, left);
  c.right = provision_text(right_law, right);
  c.diff = diff_chars(c.left, c.right);
  const links::SimilarityMatrix sim(excerpt(left_law, left), excerpt(right_law, right));
  c.similarity = sim(0, 0);
  return c;
}

}  // namespace lawref
