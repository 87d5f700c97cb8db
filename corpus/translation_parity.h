// Does a translation have the structure of its original? The same articles, each with the same
// paragraphs (款), items (项) and sub-items (目) in the same order, none of them empty; the same
// divisions. One message per difference, citing the provision by its id.
#pragma once
#include <string>
#include <vector>

#include "model.h"

namespace lawref {

struct ParityProblem {
  enum class Kind { MissingArticle, ExtraArticle, ParagraphCount, MissingPart, ExtraPart, EmptyPart, Divisions } kind;
  std::string message;  // "art14: 2 paragraphs in the original, 1 in the translation"
};

struct ParityReport {
  std::vector<ParityProblem> problems;  // whole articles missing or extra first, then in document order
  int articles_translated = 0;        // articles of the original present in the translation
  int provisions = 0, provisions_translated = 0;  // paragraphs, items and sub-items
  bool ok() const { return problems.empty(); }
};

ParityReport compare_translation(const LawText& original, const LawText& translation);

}  // namespace lawref
