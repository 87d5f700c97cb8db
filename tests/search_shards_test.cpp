// An index read as several shards: a folder holding a Xapian stub (XAPIANDB) that names the
// build's own parts, the meta part first (Xapian reads metadata from the first database). The
// search must answer as on the one database compacted from them: the same totals and the same
// articles, up to the order of equal weights (a stub interleaves its shards' document ids), with
// weights within 1% (measured: up to 0.9% apart on a few queries, where the build's compacted
// database and its parts were not told apart further). Two bugs did otherwise: the text check read the documents of the
// sub-database's document ids (Document::get_docid() is the shard's), and the boosts' memos,
// keyed by document id, were shared by the sources of every shard.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "search.h"
#include "test_support.h"

using namespace lawref;

namespace {

// id -> score of the hits that weigh clearly more than the page's last (a tie at the page's end
// may bring another article of that weight onto it).
std::map<std::string, double> above_the_last(const SearchResult& r) {
  std::map<std::string, double> out;
  if (r.hits.empty()) return out;
  const double last = r.hits.back().score;
  for (const SearchHit& h : r.hits)
    if (h.score > last * 1.02) out.emplace(h.id, h.score);
  return out;
}

}  // namespace

TEST_CASE("A stub of the build's parts answers as the one database compacted from them", "[search][index]") {
  const test::TestIndex index({test::core_dir()});
  const std::filesystem::path parts = std::filesystem::canonical(index.db) / "parts";
  std::string stub = "glass " + (parts / "meta").string() + "\n";
  std::vector<std::string> texts;
  for (const auto& e : std::filesystem::directory_iterator(parts))
    if (const std::string name = e.path().filename().string(); name.size() == 3 && name[0] == 'p') texts.push_back(e.path().string());
  std::sort(texts.begin(), texts.end());
  REQUIRE(texts.size() >= 2);
  for (const std::string& t : texts) stub += "glass " + t + "\n";
  const test::TempDir shards;
  shards.write("XAPIANDB", stub);

  IndexStore sharded(shards.path);
  REQUIRE(sharded.database().size() == texts.size() + 1);
  REQUIRE(sharded.database().get_doccount() == index.store->database().get_doccount());
  Searcher one(*index.store), many(sharded);
  // Phrases whose words the index terms do not prove (the text check), versions in and out of
  // force (the in-force boost), national and provincial provisions (the national boost), English.
  for (const char* q : {"国家安全机关 检查", "境外 机构 资助", "举报 奖励", "国家秘密", "涉密人员 离职 脱密期", "espionage conduct",
                        "reward for reporting a spy how much", "\"state security organs\""}) {
    INFO(q);
    SearchOptions o;
    o.query = q;
    o.limit = 20;
    o.fold_restatements = false;
    const SearchResult a = one.search(o), b = many.search(o);
    REQUIRE(a.status == SearchStatus::Ok);
    REQUIRE(b.status == SearchStatus::Ok);
    CHECK(a.total == b.total);
    CHECK(a.hits.size() == b.hits.size());
    const auto in_one = above_the_last(a), in_many = above_the_last(b);
    for (const auto& [id, score] : in_one) {
      INFO(id);
      const auto at = in_many.find(id);
      REQUIRE(at != in_many.end());
      CHECK(at->second == Approx(score).epsilon(0.01));
    }
  }
}
