// One national law against every local regulation that implements it: for each national
// article, which article of each locality restates, details or applies it; and for each
// locality what it adds that no national text has. Built from the index's implementation
// links; a regulation made under an earlier version of the national law (Sichuan 2019 under
// the 2014 Counter-Espionage Law) reaches today's articles through the version links.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "link_graph.h"

namespace lawref {

struct LocalMatch {
  ProvisionPath local;     // the local article
  ProvisionPath national;  // the national article, or the paragraph or item the local one matched
  double score = 0;
  links::LinkBasis basis = links::LinkBasis::None;  // citation or similarity
  // How it was reached when the regulation was made under an earlier version: the earlier
  // provision it implements (cel-2014/art24), or "aligned with cel-2023 directly".
  std::string via;
};

struct NationalRow {
  const Article* article = nullptr;                      // of the national text
  std::map<std::string, std::vector<LocalMatch>> locals;  // local law id -> its articles implementing this one
};

struct LocalLaw {
  const LawInfo* info = nullptr;
  std::vector<std::string> implements;  // the versions of the national law it implements (cel-2014, cel-2023)
  std::vector<const Article*> additions;  // articles with no national counterpart (commencement clauses aside)
  std::size_t articles = 0, aligned = 0;  // its articles, and those linked to the national law
};

struct LocalitiesView {
  const LawInfo* national = nullptr;
  const LawText* text = nullptr;
  std::vector<LocalLaw> locals;  // in registry order
  std::vector<NationalRow> rows;  // one per national article, in order
};

// Throws IndexOpenError when the index's links are damaged.
LocalitiesView localities_view(IndexStore& store, LinkGraph& graph, const LawInfo& national);

}  // namespace lawref
