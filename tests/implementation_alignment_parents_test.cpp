// PreparedParents: a national law's units prepared once and shared by the alignments that use it,
// on small synthetic statutes written for these tests.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <tuple>

#include "implementation_alignment.h"
#include "implementation_alignment_parents.h"
#include "test_support.h"

using namespace lawref;
using namespace lawref::links;

namespace {

using test::parse_law;

const char* kNational = R"(# 中华人民共和国反窃密法

第一条 为了防范和制止窃密行为，维护秘密安全，制定本法。

第二条 公民发现危害秘密安全的可疑情况，应当及时向主管机关报告。
主管机关应当为报告人保密，并依法给予奖励。

第三条 经主管机关负责人批准，主管机关可以查验有关组织和人员的电子设备、设施及有关程序、工具。

第四条 主管机关负责窃密案件的侦查工作。
)";

const char* kCityA = R"(# 甲市反窃密工作条例

第一条 公民应当及时报告危害秘密安全活动的可疑情况及其线索。主管机关应当为报告人保密。

第二条 经市主管机关负责人批准，主管机关可以查验电子设备、设施及有关程序、工具。
)";

const char* kCityB = R"(# 乙市反窃密工作条例

第一条 主管机关依法负责本市窃密案件的侦查工作。

第二条 本条例自2024年1月1日起施行。
)";

// Counts how often it is asked to prepare.
struct CountingPreparer {
  std::atomic<int> calls{0};
  PreparedParent operator()() {
    ++calls;
    PreparedParent p;
    p.units.push_back({0, 0, 0, U"主管机关", "competent organ"});
    return p;
  }
};

using MatchKey = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, int, int, double>;
std::vector<MatchKey> keys(const std::vector<ImplementationMatch>& matches) {
  std::vector<MatchKey> out;
  for (const ImplementationMatch& m : matches) out.emplace_back(m.from, m.parent, m.to, m.paragraph, m.item, m.score);
  return out;
}

}  // namespace

TEST_CASE("PreparedParents prepares a parent expected twice once, and keeps it only until its last use", "[links]") {
  const LawText national = parse_law("test-national", kNational), other = parse_law("test-other", kCityB);
  PreparedParents shared{ImplementationOptions{}, std::size_t{1} << 20};
  CountingPreparer prepare;
  const auto make = [&] { return prepare(); };
  shared.expect(national, nullptr);
  shared.expect(national, nullptr);
  CHECK(shared.kept() == 0);  // prepared at first use, not before

  const auto first = shared.get(national, nullptr, make);
  CHECK(prepare.calls == 1);
  CHECK(shared.kept() == 1);
  const auto second = shared.get(national, nullptr, make);
  CHECK(prepare.calls == 1);
  CHECK(second == first);     // the same object, not a copy
  CHECK(shared.kept() == 0);  // its last expected use: forgotten, the callers' copies live on
  REQUIRE(first->units.size() == 1);
  CHECK(first->units.front().zh == U"主管机关");

  // Used once more than expected, or never expected: prepared for that use alone.
  const auto third = shared.get(national, nullptr, make);
  CHECK(prepare.calls == 2);
  CHECK(third != first);
  shared.get(other, nullptr, make);
  CHECK(prepare.calls == 3);
  CHECK(shared.kept() == 0);

  // The same law with English is another entry.
  shared.expect(national, &other);
  shared.expect(national, nullptr);
  shared.get(national, &other, make);
  CHECK(prepare.calls == 4);
  shared.get(national, nullptr, make);
  CHECK(prepare.calls == 5);
}

TEST_CASE("PreparedParents shared by threads prepares each parent once", "[links]") {
  const LawText national = parse_law("test-national", kNational);
  PreparedParents shared{ImplementationOptions{}, std::size_t{1} << 20};
  CountingPreparer prepare;
  constexpr int kUses = 64;
  for (int k = 0; k < kUses; ++k) shared.expect(national, nullptr);
  std::atomic<int> served{0};
  auto use = [&] {
    for (int k = 0; k < kUses / 2; ++k)
      if (shared.get(national, nullptr, [&] { return prepare(); })->units.size() == 1) ++served;
  };
  std::thread a(use), b(use);
  a.join();
  b.join();
  CHECK(served == kUses);
  CHECK(prepare.calls == 1);
  CHECK(shared.kept() == 0);
}

TEST_CASE("implementation alignment gives the same links with its parents prepared once for several local texts", "[links]") {
  const LawText national = parse_law("test-national", kNational);
  const LawText city_a = parse_law("test-city-a", kCityA), city_b = parse_law("test-city-b", kCityB);
  const std::vector<const LawText*> parents = {&national};
  const auto alone_a = align_implementation(city_a, parents), alone_b = align_implementation(city_b, parents);
  REQUIRE(!alone_a.empty());
  REQUIRE(!alone_b.empty());

  PreparedParents shared{ImplementationOptions{}, std::size_t{1} << 20};
  expect_alignment(shared, parents, nullptr);
  expect_alignment(shared, parents, nullptr);
  CHECK(keys(align_implementation(city_a, parents, {}, nullptr, &shared)) == keys(alone_a));
  CHECK(shared.kept() == 1);
  CHECK(keys(align_implementation(city_b, parents, {}, nullptr, &shared)) == keys(alone_b));
  CHECK(shared.kept() == 0);

  // Prepared under other options (approval clauses kept): not used, the result is the options' own.
  ImplementationOptions approvals_kept;
  approvals_kept.drop_approval_clauses = false;
  REQUIRE_FALSE(shared.prepared_for(approvals_kept));
  expect_alignment(shared, parents, nullptr);
  const auto kept_alone = align_implementation(city_a, parents, approvals_kept);
  CHECK(keys(align_implementation(city_a, parents, approvals_kept, nullptr, &shared)) == keys(kept_alone));
  CHECK(shared.kept() == 0);
}

TEST_CASE("PreparedParents keeps no more than its budget of bytes", "[links]") {
  const LawText national = parse_law("test-national", kNational), other = parse_law("test-other", kCityB);
  CountingPreparer prepare;
  const auto make = [&] { return prepare(); };
  const std::size_t one = prepare().bytes();
  prepare.calls = 0;
  REQUIRE(one > 0);

  // Room for one prepared parent: the first kept until its last use, the second made at each use.
  PreparedParents shared{ImplementationOptions{}, one};
  for (const LawText* law : {&national, &national, &other, &other}) shared.expect(*law, nullptr);
  shared.get(national, nullptr, make);
  CHECK(shared.kept_bytes() == one);
  shared.get(other, nullptr, make);
  shared.get(other, nullptr, make);
  CHECK(prepare.calls == 3);
  shared.get(national, nullptr, make);
  CHECK(prepare.calls == 3);
  CHECK(shared.kept() == 0);
  CHECK(shared.kept_bytes() == 0);
}
