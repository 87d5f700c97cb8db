// Restatements folded under the national provision they restate (search_folding.h), and how the
// evaluation counts a folded provision (search_eval.h): tables of small synthetic hit lists, so
// nothing here reads the corpus. N* ids stand for national articles, L* for local ones.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "search_eval.h"
#include "search_folding.h"

using namespace lawref;
using namespace lawref::searching;

namespace {

// "N1 L1 N2" → hits of those ids, best first, scores falling, tier exact ('+' before an id: tier any).
std::vector<SearchHit> hits_of(const std::string& list) {
  std::vector<SearchHit> hits;
  std::istringstream in(list);
  double score = 100;
  for (std::string word; in >> word;) {
    SearchHit h;
    h.tier = word.front() == '+' ? SearchMode::Any : SearchMode::Exact;
    h.id = word.front() == '+' ? word.substr(1) : word;
    h.score = score--;
    hits.push_back(h);
  }
  return hits;
}

// The groups as "N1[L1,L2] N2", a pulled-up head's tier as "N3:any".
std::string groups_of(const std::vector<SearchHit>& groups) {
  std::string out;
  for (const SearchHit& g : groups) {
    out += (out.empty() ? "" : " ") + g.id;
    if (g.tier == SearchMode::Any) out += ":any";
    if (g.restated_by.empty()) continue;
    out += "[";
    for (std::size_t k = 0; k < g.restated_by.size(); ++k) out += (k ? "," : "") + g.restated_by[k].id;
    out += "]";
  }
  return out;
}

}  // namespace

TEST_CASE("A local hit is folded under the national article it restates on the page", "[search_parts]") {
  // L1 and L2 restate N1, L3 restates N9 (not on the list), L4 restates N2 or N3 (two links).
  const std::map<std::string, std::vector<std::string>> restates = {
      {"L1", {"N1"}}, {"L2", {"N1"}}, {"L3", {"N9"}}, {"L4", {"N2", "N3"}}};
  const RestatedArticles lookup = [&](const SearchHit& h) {
    const auto at = restates.find(h.id);
    return at == restates.end() ? std::vector<std::string>{} : at->second;
  };
  struct Row {
    const char* hits;
    std::size_t page;
    const char* groups;
  };
  const Row rows[] = {
      {"N1 L1 N2", 10, "N1[L1] N2"},                 // below its national article: folded, the slot freed
      {"N1 L1 L2 N2 N3", 3, "N1[L1,L2] N2 N3"},      // two restatements, in rank order; the page still has 3
      {"L1 N2 N1", 10, "N1[L1] N2"},                 // above it: the national article comes up to its place
      {"L1 L2 N1", 10, "N1[L1,L2]"},                 // the second is folded under the one brought up
      {"L3 N1", 10, "L3 N1"},                        // restates an article not on the list: a hit of its own
      {"N1 N2 L1", 2, "N1[L1] N2"},                  // past the page: listed under its article on the page
      {"N1 N2 L3 N3", 2, "N1 N2"},                   // past the page, anything else: not shown
      {"L4 N3 N2", 10, "N3[L4] N2"},                 // several articles restated: the first one listed below
      {"N3 L4 N2", 10, "N3[L4] N2"},                 // … or one already placed
      {"+L1 N2 +N1", 10, "N1:any[L1] N2"},           // the group ranks in its best member's tier
      {"", 10, ""},
  };
  for (const Row& row : rows) {
    INFO(row.hits);
    CHECK(groups_of(fold_restatements(hits_of(row.hits), row.page, lookup)) == row.groups);
  }
  // A head brought up keeps the higher of the two scores.
  const std::vector<SearchHit> pulled = fold_restatements(hits_of("L1 N1"), 10, lookup);
  REQUIRE(pulled.size() == 1);
  CHECK(pulled[0].score == 100);
}

TEST_CASE("A folded provision counts at its group's rank", "[search_parts]") {
  struct Row {
    const char* accepted;
    int rank;
    double recall;
  };
  // The page: 1. N1 (restated by L1, L2), 2. N2, 3. N3 (restated by L3).
  SearchResult page;
  page.hits = hits_of("N1 N2 N3");
  page.hits[0].restated_by = {{"L1", "", "", ""}, {"L2", "", "", ""}};
  page.hits[2].restated_by = {{"L3", "", "", ""}};
  const Row rows[] = {
      {"L2", 1, 1.0}, {"L3", 3, 1.0}, {"N2 L3", 2, 1.0}, {"L3 L9", 3, 0.5}, {"L9", 0, 0.0}, {"N1 L1 L2 N3", 1, 1.0},
  };
  for (const Row& row : rows) {
    INFO(row.accepted);
    LabelledQuery q;
    std::istringstream in(row.accepted);
    for (std::string id; in >> id;) q.accepted.insert(id);
    const QueryScore s = score_query(page, q);
    CHECK(s.rank == row.rank);
    CHECK(s.recall == Approx(row.recall));
  }
}
