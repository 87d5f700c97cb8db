// What of a provision's Chinese text implementation alignment compares (implementation_alignment_text.h),
// on sentences written for these tests.
#include <catch2/catch.hpp>

#include "implementation_alignment_text.h"
#include "utf8.h"

using namespace lawref;
using namespace lawref::links;

namespace {

std::string lists_cut(const std::string& sentence, std::size_t min_pieces) {
  return utf8::encode(without_long_lists(utf8::decode(sentence), min_pieces));
}
std::string approvals_cut(const std::string& sentence) { return utf8::encode(without_approval_clauses(utf8::decode(sentence))); }

}  // namespace

TEST_CASE("A clause listing many things between 、 keeps its first and last piece", "[links]") {
  const std::string departments = "网信、台办、保密、公安、民政、商务、外事、邮政管理等单位按照职责分工，密切配合，依法开展有关工作。";
  CHECK(lists_cut(departments, 8) == "网信邮政管理等单位按照职责分工，密切配合，依法开展有关工作。");
  CHECK(lists_cut(departments, 9) == departments);  // eight pieces: under nine, kept
  CHECK(lists_cut(departments, 0) == departments);  // 0: the rule is off
  // Only the clause that lists is cut; a short list elsewhere in the sentence stays.
  CHECK(lists_cut("市、区县人民政府管理本行政区域内的工作，对甲、乙、丙、丁设施开展检查。", 4) == "市、区县人民政府管理本行政区域内的工作，对甲丁设施开展检查。");
  CHECK(lists_cut("", 3).empty());
}

TEST_CASE("An approval condition 经…批准 is left out of the sentence compared", "[links]") {
  CHECK(approvals_cut("经设区的市级以上国家安全机关负责人批准，国家安全机关可以开展检查检测。") == "国家安全机关可以开展检查检测。");
  CHECK(approvals_cut("国家安全机关对有关财物，经设区的市级以上国家安全机关负责人批准，可以依法查封。") == "国家安全机关对有关财物，可以依法查封。");
  // 批准 elsewhere is the content, not a condition: kept.
  const std::string content = "建设项目的批准应当征求国家安全机关的意见，报经批准后实施。";
  CHECK(approvals_cut(content) == content);
  CHECK(approvals_cut("经批准").empty());
}

TEST_CASE("Local articles are cut into sentences and inline items, as written", "[links]") {
  const std::vector<std::u32string> segments = chinese_segments("应当履行下列义务：（一）报告情况；（二）提供便利。其他单位配合。");
  REQUIRE(segments.size() == 4);
  CHECK(segments[0] == U"应当履行下列义务：");
  CHECK(segments[1] == U"（一）报告情况；");
  CHECK(segments[2] == U"（二）提供便利。");
  CHECK(segments[3] == U"其他单位配合。");
}

TEST_CASE("Boilerplate implements nothing: basis, scope and other laws' penalties", "[links]") {
  std::u32string purpose = U"为了维护国家安全，根据《中华人民共和国反间谍法》，制定本条例。";
  drop_boilerplate(purpose);
  CHECK(purpose == U"为了维护国家安全，");
  std::u32string scope = U"本省行政区域内的反间谍安全防范工作，适用本条例。";
  drop_boilerplate(scope);
  CHECK(scope.empty());
  std::u32string other_duties = U"公安机关在工作中发现危害国家安全的行为，适用本条例的有关规定。";
  const std::u32string kept = other_duties;
  drop_boilerplate(other_duties);
  CHECK(other_duties == kept);
}
