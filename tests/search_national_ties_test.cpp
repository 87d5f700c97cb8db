// National articles above near-equal local ones within a tier (search_national_ties.h): tables of
// small synthetic hit lists, so nothing here reads the corpus.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hit_lists.h"
#include "search_national_ties.h"

using namespace lawref;
using namespace lawref::searching;
using lawref::test::hits_of;
using lawref::test::ids_of;

namespace {

bool national(const SearchHit& h) { return h.id.front() == 'N'; }

}  // namespace

TEST_CASE("A national hit rises above the local hits that weigh about as much, and no further", "[search]") {
  struct Row {
    const char* hits;
    std::size_t from;
    double tolerance;
    const char* expected;
  };
  const std::vector<Row> rows = {
      {"L1:20 N1:19.9", 0, 0.02, "N1 L1"},                        // within 2%: the national text first
      {"L1:20 N1:19", 0, 0.02, "L1 N1"},                          // 5% more: the local article matches better
      {"L1:20 N1:19", 0, 0.1, "N1 L1"},                           // … unless the tolerance is wider
      {"L1:20 L2:19.95 N1:19.9", 0, 0.02, "N1 L1 L2"},            // above every near-equal local hit in a row
      {"L1:25 L2:19.95 N1:19.9", 0, 0.02, "L1 N1 L2"},            // but not above one that weighs clearly more
      {"N1:20 L1:19.95 N2:19.9", 0, 0.02, "N1 N2 L1"},            // nor above another national hit
      {"L1:20 N1:19.9", 1, 0.02, "L1 N1"},                        // nor above the hits before `from` (another tier's)
      {"E1:30 L1:20 N1:19.9 L2:19.8 N2:19.7", 1, 0.02, "E1 N1 N2 L1 L2"},  // local and national orders kept
      {"L1:20 N1:19.9", 0, 0.0, "L1 N1"},                         // tolerance 0: only a tie moves it
      {"L1:20 N1:20", 0, 0.0, "N1 L1"},
      {"", 0, 0.02, ""},
  };
  for (const Row& row : rows) {
    INFO(row.hits << " from " << row.from << " tolerance " << row.tolerance);
    std::vector<SearchHit> hits = hits_of(row.hits);
    national_before_near_ties(hits, row.from, national, row.tolerance);
    CHECK(ids_of(hits) == row.expected);
  }
}
