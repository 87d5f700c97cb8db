// lawref compare LOCAL NATIONAL --html: a local (or implementing) law against a national one
// as a page: each local article beside the national provisions it implements, with the
// basis and score, the articles with no counterpart marked, every provision linked to its
// full text on the page.
#pragma once
#include <string>
#include <vector>

#include "links.h"
#include "model.h"
#include "registry.h"

namespace lawref::html {

// `table`: alignment_table(local, national, …); `stored`: it came from the index (else it
// was aligned for this comparison, and the page says so).
std::string compare_page(const LawInfo& local_info, const LawText& local, const LawInfo& national_info, const LawText& national,
                         const std::vector<links::Link>& table, bool stored);

}  // namespace lawref::html
