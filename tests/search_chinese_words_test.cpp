// Chinese queries in the words people type (round thirteen): on core + local, one case per query
// that a rule of query/question_cues.cpp, data/thesaurus.tsv, query/search_compiler.cpp or
// query/search_filters.cpp put right; each fails without its rule.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "search.h"
#include "test_support.h"

using namespace lawref;

namespace {

bool on(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

}  // namespace

TEST_CASE("Chinese queries in everyday words find the provisions that answer them", "[search][local]") {
  test::TestIndex index({test::core_dir(), test::local_dir()});
  Searcher searcher(*index.store);
  const auto page = [&](const std::string& q) { return test::page_ids(searcher, q); };
  // A definition asked for by name: 国家安全法 art 2 (国家安全是指…), not on the first 100 before
  // (法律定义 was required, and matched nothing).
  std::vector<std::string> ids = page("国家安全 的 法律定义");
  REQUIRE(!ids.empty());
  CHECK(ids[0] == "nsl-2015/art2");
  // What the strategy holds: 国家安全法 art 47 (贯彻实施国家安全战略; 12th before, when 包括 and 内容
  // were required).
  ids = page("国家安全战略 谁制定 包括哪些内容");
  CHECK(on(ids, "nsl-2015/art47"));
  // A bank deposit is property: 反间谍法 art 29 (查询…相关财产信息; 24th before) first, 江西 art 42
  // (查询…涉案财产; not on the first 100 before) on the page.
  ids = page("国安 能不能 查 我的 银行存款");
  REQUIRE(!ids.empty());
  CHECK(ids[0] == "cel-2023/art29");
  CHECK(on(ids, "jiangxi-cer-2024/art42"));
  // A law named with a year it has no version of (the 1993 国家安全法): no filter, so the provision
  // that repealed it comes first (反间谍法 (2014) art 40; no hits before).
  ids = page("1993年 国家安全法 废止");
  REQUIRE(!ids.empty());
  CHECK(ids[0] == "cel-2014/art40");
  // The colloquial rest of a split phrase that no provision holds is not required in the relaxed
  // tiers: of 能拿奖金吗, 奖金 (举报奖励办法 art 9 from 8th to 2nd or better); of 没收的钱, 没收
  // (反间谍法 art 65: 罚款以及没收的财物，一律上缴国库, from 2nd to 1st).
  ids = page("国家工作人员 举报 能拿奖金吗");
  REQUIRE(ids.size() >= 2);
  CHECK((ids[0] == "report-reward-2022/art9" || ids[1] == "report-reward-2022/art9"));
  ids = page("国安 罚款 没收的钱 去哪了");
  REQUIRE(!ids.empty());
  CHECK(ids[0] == "cel-2023/art65");
  // Said in the expansions; a word typed alone (我的) stays required, whatever its count.
  SearchOptions o;
  o.query = "国家工作人员 举报 能拿奖金吗";
  const SearchResult r = searcher.search(o);
  CHECK(std::find(r.expansions.begin(), r.expansions.end(), "能拿: left out of the relaxed tiers (in no provision)") != r.expansions.end());
  o.query = "国安 查 我的 银行存款";
  const SearchResult mine = searcher.search(o);
  for (const std::string& e : mine.expansions) CHECK(e.find("我的:") == std::string::npos);
}
