// Alignment quality against pairs labelled by reading the texts (tests/data/alignment/*.tsv):
// which articles of a local or implementing text restate, detail or apply which national
// articles, and which are local additions. Scored at article level, so that a labelled pair
// naming a paragraph or item counts when the article is linked.
#pragma once
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "links.h"

namespace lawref {

struct GoldPair {
  ProvisionId local, national;
  bool core = true;  // false: "related", a defensible but looser pair
};

struct GoldSet {
  std::string local_law;
  std::set<std::string> national_laws;   // the laws the labeller compared against
  std::vector<GoldPair> pairs;
  std::vector<ProvisionId> additions;    // local articles with no national counterpart
};

struct GoldError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// local<TAB>national|none<TAB>core|related|-<TAB>note; '#' lines are comments. Throws GoldError
// naming the line of a malformed entry.
GoldSet parse_gold(std::string_view tsv);

struct AlignmentScore {
  std::size_t predicted = 0, predicted_right = 0;  // article pairs proposed, and how many are labelled pairs
  std::size_t gold = 0, gold_found = 0;            // labelled article pairs (core and related), found
  std::size_t core = 0, core_found = 0;            // labelled core pairs, found
  std::size_t additions = 0, additions_kept = 0;   // labelled local additions, left without a link
  std::vector<std::pair<std::string, std::string>> wrong, missed;  // article ids, for reading
  double precision() const { return predicted ? static_cast<double>(predicted_right) / predicted : 1.0; }
  double recall() const { return gold ? static_cast<double>(gold_found) / gold : 1.0; }
  double core_recall() const { return core ? static_cast<double>(core_found) / core : 1.0; }
};

// `links`: the local law's outgoing links; implements links into the gold set's national laws
// are the predictions.
AlignmentScore score_alignment(const GoldSet& gold, const std::vector<links::Link>& links);

}  // namespace lawref
