// Tiers interleaved on the page (search_interleave.h): tables of small synthetic hit lists, so
// nothing here reads the corpus.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hit_lists.h"
#include "search_interleave.h"

using namespace lawref;
using namespace lawref::searching;
using lawref::test::hits_of;
using lawref::test::ids_of;

TEST_CASE("A relaxed tier's hit goes above exact hits only when it weighs several times more", "[search_parts]") {
  struct Row {
    const char* hits;
    std::size_t keep;
    const char* page;
  };
  const Row rows[] = {
      // In tier order when the relaxed hits weigh less than their factor allows.
      {"E1:20 E2:10 A1:30 A2:20", 1, "E1 E2 A1 A2"},
      // An any hit at 3.5 × an exact one's weight (0.3 × 35 = 10.5 > 10) goes above it.
      {"E1:20 E2:10 A1:35 A2:20", 1, "E1 A1 E2 A2"},
      // The first hit stays first however much a relaxed hit weighs; with keep 0 it does not.
      {"E1:5 E2:4 A1:90", 1, "E1 A1 E2"},
      {"E1:5 E2:4 A1:90", 0, "A1 E1 E2"},
      // Each tier keeps its own order, even where a later hit of it weighs more.
      {"E1:20 E2:9 A1:10 A2:40", 1, "E1 E2 A1 A2"},
      // most (0.5) before any (0.3) at equal weight; words (0.8) above an exact hit it outweighs by 1.25 ×.
      {"E1:20 E2:5 M1:20 A1:20", 1, "E1 M1 A1 E2"},
      {"E1:20 E2:10 W1:13", 1, "E1 W1 E2"},
      {"E1:20 E2:10 W1:12", 1, "E1 E2 W1"},
      // A tie goes to the earlier tier.
      {"E1:20 E2:5 M1:10", 1, "E1 E2 M1"},
      // Folded or not, a page of one tier is as it was.
      {"E1:1 E2:2 E3:3", 1, "E1 E2 E3"},
      {"", 1, ""},
  };
  for (const Row& row : rows) {
    INFO(row.hits << " keep " << row.keep);
    CHECK(ids_of(interleave_tiers(hits_of(row.hits), row.keep)) == row.page);
  }
}

TEST_CASE("A page interleaves from its first place", "[search_parts]") {
  struct Row {
    const char* hits;
    const char* page;
  };
  const Row rows[] = {
      // A page whose first tier is relaxed: the next tier's head outweighs it (0.5 × 23 > 0.8 × 14)
      // and takes the first place; then W1 (11.2) before M2 (11).
      {"W1:14 W2:13 M1:23 M2:22", "M1 W1 M2 W2"},
      // An exact head keeps the first place whenever no relaxed hit outweighs it by its factor.
      {"E1:20 E2:10 A1:35", "E1 A1 E2"},
      {"E1:10 W1:13", "W1 E1"},
  };
  for (const Row& row : rows) {
    INFO(row.hits);
    CHECK(ids_of(interleave_tiers(hits_of(row.hits), kHitsKeptFirst)) == row.page);
  }
}
