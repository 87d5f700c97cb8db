// Two Xapian matches that must be the same: the remembering posting sources (remembered_lengths.h,
// remembered_sources.h) against Xapian's own, rank by rank.
#pragma once
#include <catch2/catch.hpp>
#include <xapian.h>

namespace lawref::test {

inline void require_same_mset(const Xapian::MSet& a, const Xapian::MSet& b) {
  REQUIRE(a.size() == b.size());
  REQUIRE(a.get_matches_estimated() == b.get_matches_estimated());
  REQUIRE(a.get_matches_lower_bound() == b.get_matches_lower_bound());
  REQUIRE(a.get_matches_upper_bound() == b.get_matches_upper_bound());
  REQUIRE(a.get_max_possible() == b.get_max_possible());
  for (Xapian::doccount k = 0; k < a.size(); ++k) {
    INFO("rank " << k);
    REQUIRE(*a[k] == *b[k]);
    REQUIRE(a[k].get_weight() == b[k].get_weight());  // exact: the weights are printed and compared
  }
}

}  // namespace lawref::test
