// lawref diff OLD NEW --html: a revision as a page, the way 新旧对照 tables show it: each
// article of the new text beside the article it continues, deletions and insertions marked
// (<del>, <ins>), moved, split, merged, new and dropped articles labelled, and a table of
// contents by chapter.
#pragma once
#include <string>

#include "registry.h"
#include "revision_diff.h"

namespace lawref::html {

std::string diff_page(const LawInfo& old_info, const LawText& before, const LawInfo& new_info, const LawText& after, const RevisionDiff& diff);

}  // namespace lawref::html
