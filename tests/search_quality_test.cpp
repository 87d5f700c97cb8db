// Search quality floors: MRR and recall@10 of every labelled set of bench/eval on the default index
// (core + local), scored as build/bench/search_eval scores them. A ranking change that lowers a set
// below its floor fails here; raise a floor when a change raises the set (bench/README.md).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "search.h"
#include "test_support.h"

using namespace lawref;

namespace {

struct Labelled {
  std::string lang, query;
  std::set<std::string> accepted;
};

std::vector<Labelled> read_set(const std::string& name) {
  std::ifstream in(std::string(LAWREF_SOURCE_DIR) + "/bench/eval/" + name + ".tsv");
  std::vector<Labelled> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream ss(line);
    Labelled l;
    std::string ids;
    std::getline(ss, l.lang, '\t');
    std::getline(ss, l.query, '\t');
    std::getline(ss, ids, '\t');
    std::stringstream ids_ss(ids);
    for (std::string id; ids_ss >> id;) l.accepted.insert(id);
    out.push_back(std::move(l));
  }
  return out;
}

struct Floor {
  const char* set;
  const char* lang;
  double mrr, recall;
};

}  // namespace

TEST_CASE("Every labelled query set stays at or above its measured quality", "[search][local]") {
  test::TestIndex index({test::core_dir(), test::local_dir()});
  Searcher searcher(*index.store);
  // Measured 2026-11-24 (bench/README.md), rounded down to two decimals.
  const std::vector<Floor> floors = {
      {"queries", "zh", 0.86, 0.99},   {"queries", "en", 0.91, 0.99},   {"english", "en", 0.92, 0.76},   {"chinese-2", "zh", 0.83, 0.73},
      {"heldout", "en", 0.66, 0.96},   {"heldout-2", "en", 0.84, 0.78}, {"heldout-2", "zh", 0.89, 0.88}, {"heldout-3", "en", 0.65, 0.65},
      {"heldout-3", "zh", 0.92, 0.87}, {"heldout-4", "en", 0.54, 0.64}, {"heldout-4", "zh", 0.84, 0.94},
  };
  std::map<std::string, std::vector<Labelled>> sets;
  for (const Floor& f : floors) {
    if (!sets.count(f.set)) sets[f.set] = read_set(f.set);
    double rr = 0, recall = 0;
    int n = 0;
    for (const Labelled& q : sets[f.set]) {
      if (q.lang != f.lang) continue;
      SearchOptions o;
      o.query = q.query;
      o.limit = 10;
      const SearchResult r = searcher.search(o);
      int rank = 0, found = 0;
      for (std::size_t i = 0; i < r.hits.size(); ++i)
        if (q.accepted.count(r.hits[i].id)) {
          if (!rank) rank = static_cast<int>(i + 1);
          ++found;
        }
      rr += rank ? 1.0 / rank : 0;
      recall += static_cast<double>(found) / static_cast<double>(q.accepted.size());
      ++n;
    }
    INFO(f.set << " " << f.lang << ": MRR " << rr / n << ", recall@10 " << recall / n << " over " << n << " queries");
    REQUIRE(n >= 10);
    CHECK(rr / n >= f.mrr);
    CHECK(recall / n >= f.recall);
  }
}
