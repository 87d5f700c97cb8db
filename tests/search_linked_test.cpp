// The linked step (search_linked.h) on a small synthetic law and its links: which provisions the
// links bring onto a page, and where they go. Nothing here reads the corpus.
//   duty-law (national): art 5 a duty, art 6 another; art 30 (法律责任) punishes a breach of art 5,
//     art 31 (法律责任) of art 5 and art 6 both, art 12 (not a liability) refers to art 5.
//   prov-reg (local): art 7 implements duty-law art 5, art 40 implements duty-law art 30.
//   other-reg (local, not admitted by the search's filters): art 3 implements duty-law art 5.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "search_linked.h"

using namespace lawref;
using namespace lawref::searching;

namespace {

links::Link link(links::LinkKind kind, const std::string& from_law, int from_article, const std::string& to_law, int to_article) {
  links::Link l;
  l.kind = kind;
  l.from = {from_law, ProvisionPath{from_article, 0, 1}};
  l.to = {to_law, ProvisionPath{to_article}};
  return l;
}

struct Graph {
  std::map<std::string, std::vector<links::Link>> out, in;
  std::map<std::string, LinksByArticle> citing, implementing;
  std::set<std::string> national{"duty-law"}, liability{"duty-law/art30", "duty-law/art31"}, admitted{"duty-law", "prov-reg"};
  Graph() {
    using links::LinkKind;
    for (const auto& [from, to] : std::vector<std::pair<int, int>>{{30, 5}, {31, 5}, {31, 6}, {12, 5}, {5, 5}})
      out["duty-law"].push_back(link(LinkKind::Internal, "duty-law", from, "duty-law", to));  // {5, 5}: 前款, within art 5
    in["duty-law"] = {link(LinkKind::Implements, "prov-reg", 7, "duty-law", 5), link(LinkKind::Implements, "prov-reg", 40, "duty-law", 30),
                      link(LinkKind::Implements, "other-reg", 3, "duty-law", 5)};
    for (auto& [law, links] : out) citing[law] = internal_links_by_target(links);
    for (auto& [law, links] : in) implementing[law] = implements_links_by_target(links);
  }
  Graph(const Graph&) = delete;  // the indexes point into out and in
  LinkReader reader() {
    LinkReader r;
    r.citing = [this](const std::string& law, int article, int insertion) { return citing[law][{article, insertion}]; };
    r.implementing = [this](const std::string& law, int article, int insertion) { return implementing[law][{article, insertion}]; };
    r.is_national = [this](const std::string& law) { return national.count(law) > 0; };
    r.is_liability = [this](const std::string& id) { return liability.count(id) > 0; };
    r.admitted = [this](const std::string& law) { return admitted.count(law) > 0; };
    return r;
  }
};

// "duty-law/art5 x/art1" → hits of those ids, best first.
std::vector<SearchHit> page_of(const std::vector<std::string>& ids) {
  std::vector<SearchHit> page;
  for (const std::string& id : ids) {
    SearchHit h;
    h.id = id;
    const auto p = ProvisionId::parse(id);
    h.law = p->law;
    h.article = p->path.article;
    h.tier = SearchMode::Exact;
    page.push_back(h);
  }
  return page;
}

// The linked provisions as "duty-law/art30>duty-law/art5:penalty".
std::string described(const std::vector<LinkedProvision>& linked) {
  std::string s;
  for (const LinkedProvision& l : linked)
    s += (s.empty() ? "" : " ") + l.id + ">" + l.to + (l.by == LinkedBy::Penalty ? ":penalty" : ":implements");
  return s;
}

}  // namespace

TEST_CASE("The law's links bring a duty's penalties and its local implementers onto the page", "[search_parts]") {
  Graph g;
  struct Row {
    std::vector<std::string> page;
    std::size_t penalized, implemented;
    const char* linked;
  };
  const Row rows[] = {
      // The duty: both articles of liability citing it (not art 12, no liability; not art 5's own
      // 前款), the implementer of the penalty, the admitted implementer of the duty.
      {{"duty-law/art5"}, 2, 10,
       "duty-law/art30>duty-law/art5:penalty prov-reg/art40>duty-law/art30:implements duty-law/art31>duty-law/art5:penalty "
       "prov-reg/art7>duty-law/art5:implements"},
      // A duty below the hits that draw penalties still draws its implementers.
      {{"x/art1", "duty-law/art5"}, 1, 10, "prov-reg/art7>duty-law/art5:implements"},
      // Below the hits that draw anything: nothing.
      {{"x/art1", "duty-law/art5"}, 1, 1, ""},
      // Already on the page, as a hit or under one: not brought again.
      {{"duty-law/art5", "duty-law/art31", "prov-reg/art7"}, 2, 10, "duty-law/art30>duty-law/art5:penalty prov-reg/art40>duty-law/art30:implements"},
      // A local hit draws no implementers (only a national article is implemented).
      {{"prov-reg/art7"}, 2, 10, ""},
  };
  for (const Row& row : rows) {
    INFO(row.page.front() << " … (" << row.page.size() << " hits)");
    CHECK(described(linked_provisions(page_of(row.page), row.penalized, row.implemented, g.reader())) == row.linked);
  }
  // The page with duty-law/art31 folded under a hit, as a restatement found among the hits is.
  std::vector<SearchHit> page = page_of({"duty-law/art5"});
  page[0].restated_by.push_back({"duty-law/art31", "duty-law", "", "", false});
  CHECK(described(linked_provisions(page, 2, 10, g.reader())) ==
        "duty-law/art30>duty-law/art5:penalty prov-reg/art40>duty-law/art30:implements prov-reg/art7>duty-law/art5:implements");
}

TEST_CASE("A penalty takes a slot below its hit, an implementer folds under its hit", "[search_parts]") {
  const std::vector<LinkedProvision> linked = {{"duty-law/art30", "duty-law/art5", LinkedBy::Penalty},
                                               {"prov-reg/art40", "duty-law/art30", LinkedBy::Implements},
                                               {"prov-reg/art7", "duty-law/art5", LinkedBy::Implements}};
  const MakeHit make = [](const std::string& id) {
    SearchHit h;
    h.id = id;
    h.citation = "cite " + id;
    return h;
  };
  const auto ids = [](const std::vector<SearchHit>& page) {
    std::string s;
    for (const SearchHit& h : page) {
      s += (s.empty() ? "" : " ") + h.id;
      for (const Restatement& r : h.restated_by) s += std::string("[") + r.id + (r.linked ? " linked" : "") + "]";
    }
    return s;
  };
  const std::vector<SearchHit> page = page_of({"duty-law/art5", "a/art1", "a/art2", "a/art3"});
  // Right below its hit (slot 0), or no higher than the slot given.
  CHECK(ids(place_linked(page, linked, make, 0)) == "duty-law/art5[prov-reg/art7 linked] duty-law/art30[prov-reg/art40 linked] a/art1 a/art2 a/art3");
  const std::vector<SearchHit> last = place_linked(page, linked, make, 3);
  CHECK(ids(last) == "duty-law/art5[prov-reg/art7 linked] a/art1 a/art2 duty-law/art30[prov-reg/art40 linked] a/art3");
  CHECK(last[3].tier == SearchMode::Linked);
  CHECK(last[3].linked_to.id == "duty-law/art5");
  CHECK(last[1].linked_to.id.empty());
  // A link to an article not on the page places nothing.
  CHECK(ids(place_linked(page_of({"a/art1"}), linked, make, 0)) == "a/art1");
}
