// lawref compare LAW --locals --html: one national law against every local regulation that
// implements it, as a page: per national article the articles of each locality, per locality
// its coverage and its additions, and the full texts the table points at.
#pragma once
#include <string>

#include "law_store.h"
#include "localities_view.h"

namespace lawref::html {

// `store` gives the local regulations' texts (the view holds only their articles' numbers).
std::string localities_page(const LocalitiesView& view, LawStore& store);

}  // namespace lawref::html
