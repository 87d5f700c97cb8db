// Implementation alignment (local article -> national provisions) on small synthetic statutes
// written for these tests: which parent a local text mainly implements, and how that shapes the
// ranking.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

#include "article_alignment.h"
#include "implementation_alignment.h"
#include "implementation_alignment_parents.h"
#include "lawref_translation.h"
#include "statute_parser.h"
#include "test_support.h"

using namespace lawref;
using namespace lawref::links;

namespace {

using test::parse_law;

// A local regulation named after the 反窃密法 (its main law) that restates one duty, a genus law
// whose list of duties says the same in more shared words, and the main law's own article.
const char* kLocal = R"(# 测试市反窃密工作条例

第一条 公民应当及时报告危害秘密安全活动的可疑情况及其线索。

第二条 本条例自2024年1月1日起施行。
)";

const char* kMain = R"(# 中华人民共和国反窃密法

第一条 为了防范和制止窃密行为，维护秘密安全，制定本法。

第二条 公民发现危害秘密安全的可疑情况，应当及时向主管机关报告。

第三条 主管机关负责窃密案件的侦查工作。
)";

const char* kRules = R"(# 中华人民共和国反窃密法实施细则

第一条 根据《中华人民共和国反窃密法》，制定本细则。

第二条 主管机关应当为报告人保密。
)";

const char* kGenus = R"(# 中华人民共和国安全总法

第一条 公民和组织应当履行下列维护安全的义务：
（一）遵守宪法、法律法规关于安全的有关规定；
（二）及时报告危害安全活动的可疑情况及其线索；
（三）如实提供所知悉的涉及危害安全活动的证据。

第二条 国家建立安全工作协调机制。
)";

bool links_to(const std::vector<ImplementationMatch>& matches, std::size_t parent, std::size_t article) {
  return std::any_of(matches.begin(), matches.end(), [&](const ImplementationMatch& m) { return m.parent == parent && m.to == article; });
}

// The first local row's similarity to genus art 1 and to main art 2 (parents genus, main).
std::pair<double, double> first_row_scores(const std::vector<ImplementationRow>& rows) {
  double genus = 0, main = 0;
  for (const ImplementationMatch& m : rows.front().scores) {
    if (m.parent == 0 && m.to == 0) genus = m.score;
    if (m.parent == 1 && m.to == 1) main = m.score;
  }
  return {genus, main};
}

}  // namespace

TEST_CASE("The laws a local text mainly implements are those its title names", "[links]") {
  const LawText local = parse_law("local", kLocal), main = parse_law("main", kMain), rules = parse_law("rules", kRules), genus = parse_law("genus", kGenus);
  CHECK(mainly_implemented(local, {&main, &genus, &rules}) == std::vector<bool>{true, false, true});
  // A title naming none of the parents (or all of them) prefers none.
  const LawText other = parse_law("other", "# 测试市某某工作条例\n\n第一条 公民应当遵守本条例。\n");
  CHECK(mainly_implemented(other, {&main, &genus}) == std::vector<bool>{true, true});
  CHECK(mainly_implemented(local, {&main, &rules}) == std::vector<bool>{true, true});
}

TEST_CASE("A duty closest to a genus list also links to the main law's article when that is not far behind", "[links]") {
  const LawText local = parse_law("local", kLocal), main = parse_law("main", kMain), genus = parse_law("genus", kGenus);
  const std::vector<const LawText*> parents = {&genus, &main};
  // What the rule works on: by similarity alone the genus item ranks first.
  const std::vector<ImplementationRow> rows = implementation_scores(local, parents);
  REQUIRE(!rows.empty());
  const auto [genus_score, main_score] = first_row_scores(rows);
  INFO("genus art 1: " << genus_score << ", main art 2: " << main_score);
  REQUIRE(genus_score > main_score);
  REQUIRE(main_score > 0.4 * genus_score);

  ImplementationOptions off;
  off.other_law_weight = 1.0;
  off.companion_share = 2.0;  // never
  off.relative = 0.95;        // the whole article's best alone
  const auto without = align_implementation(local, parents, off);
  CHECK(links_to(without, 0, 0));
  CHECK_FALSE(links_to(without, 1, 1));

  ImplementationOptions on = off;
  on.companion_share = ImplementationOptions{}.companion_share;
  const auto with = align_implementation(local, parents, on);
  CHECK(links_to(with, 0, 0));
  CHECK(links_to(with, 1, 1));
  // The commencement clause implements nothing.
  CHECK(std::none_of(with.begin(), with.end(), [](const ImplementationMatch& m) { return m.from == 1; }));
}

TEST_CASE("Another law's candidates are weighed down in the ranking; links keep the similarity", "[links]") {
  const LawText local = parse_law("local", kLocal), main = parse_law("main", kMain), genus = parse_law("genus", kGenus);
  const std::vector<const LawText*> parents = {&genus, &main};
  const std::vector<ImplementationRow> rows = implementation_scores(local, parents);
  REQUIRE(!rows.empty());
  const auto [genus_score, main_score] = first_row_scores(rows);
  ImplementationOptions only_best;
  only_best.per_article = 1;
  only_best.per_segment = 1;
  only_best.companion_share = 2.0;  // never: the weight alone decides
  // Weighed down so that the genus item falls behind the main law's article: that one wins.
  only_best.other_law_weight = 0.9 * main_score / genus_score;
  const auto weighed = align_implementation(local, parents, only_best);
  CHECK(links_to(weighed, 1, 1));
  CHECK_FALSE(links_to(weighed, 0, 0));
  // Not weighed down: the genus item wins, and its link carries its similarity unchanged.
  only_best.other_law_weight = 1.0;
  const auto plain = align_implementation(local, parents, only_best);
  const auto genus_link = std::find_if(plain.begin(), plain.end(), [](const ImplementationMatch& m) { return m.parent == 0 && m.to == 0; });
  REQUIRE(genus_link != plain.end());
  CHECK(genus_link->score == Approx(genus_score));
  // With the default weight, a link to the genus law (if any) still carries the raw similarity.
  for (const ImplementationMatch& m : align_implementation(local, parents))
    if (m.parent == 0 && m.to == 0) CHECK(m.score == Approx(genus_score));
}

TEST_CASE("Parts of a document do not make its words common: idf over the documents named", "[links]") {
  // b[0] is an article, b[1] and b[2] two of its parts that repeat 戊己. Counted as documents,
  // they make 戊己 look common and so b[0] nearer a[0], which shares only 甲乙 with it.
  const std::vector<std::u32string> a = {U"甲乙丙丁", U"己庚"}, b = {U"甲乙戊己", U"戊己庚", U"戊己辛"};
  const SimilarityMatrix every_text(a, b, Grams::Bigrams);
  const std::vector<bool> documents = {true, false, true, false, false};
  const SimilarityMatrix documents_only(a, b, Grams::Bigrams, &documents);
  CHECK(documents_only(0, 0) < every_text(0, 0));
  CHECK(documents_only(0, 0) > 0);
  // 己庚 is in no document, only in parts (a[1], b[1]): it still counts, as if in one.
  CHECK(std::isfinite(documents_only(1, 1)));
  CHECK(documents_only(1, 1) > 0);
}

namespace {

LawText parse_english(const std::string& id, const std::string& text) {
  ParseOptions options;
  options.lang = "en";
  ParseResult r = parse_statute(text, options);
  REQUIRE(r.ok());
  r.law.law_id = id;
  return r.law;
}

// The same duty in other Chinese words (察觉/发现, 形迹不明者/可疑人员, 告知/报告), translated alike.
const char* kParaphrase = R"(# 测试市保密条例

第一条 居民察觉形迹不明者，须尽快告知主管部门。

第二条 本条例自2024年1月1日起施行。
)";

const char* kParaphraseEnglish = R"(# Test Municipality Secrecy Regulations

Article 1 Residents who discover suspicious persons shall promptly report them to the competent department.

Article 2 These Regulations take effect on January 1, 2024.
)";

const char* kNational = R"(# 中华人民共和国保密测试法

第一条 公民发现可疑人员，应当及时向主管机关报告。

第二条 主管机关负责档案的保管工作。
)";

const char* kNationalEnglish = R"(# Secrecy Test Law of the People's Republic of China

Article 1 Citizens who discover suspicious persons shall promptly report them to the competent organ.

Article 2 The competent organ is responsible for the custody of archives.
)";

// The same duty in partly other Chinese words: 向主管机关报告 shared, the rest said otherwise.
const char* kPartParaphrase = R"(# 测试市保密条例

第一条 居民察觉形迹不明者，须尽快向主管机关报告。

第二条 本条例自2024年1月1日起施行。
)";

const char* kPartParaphraseEnglish = R"(# Test Municipality Secrecy Regulations

Article 1 Residents who discover suspicious persons shall promptly report them to the competent organ.

Article 2 These Regulations take effect on January 1, 2024.
)";

// The national English with the two articles' translations swapped: the English then ranks
// the custody article first for the local duty, the Chinese the duty article.
const char* kNationalEnglishSwapped = R"(# Secrecy Test Law of the People's Republic of China

Article 1 The competent organ is responsible for the custody of archives.

Article 2 Citizens who discover suspicious persons shall promptly report them to the competent organ.
)";

ImplementationMatch score_of(const ImplementationRow& row, std::size_t article) {
  for (const ImplementationMatch& m : row.scores)
    if (m.to == article) return m;
  FAIL("no score for article " << article);
  return {};
}

}  // namespace

TEST_CASE("implementation alignment: the English similarity is kept beside the Chinese, -1 where a side has none",
          "[alignment][implementation]") {
  const LawText local = parse_law("test-local", kParaphrase), national = parse_law("test-national", kNational);
  const LawText local_en = parse_english("test-local", kParaphraseEnglish), national_en = parse_english("test-national", kNationalEnglish);
  const std::vector<const LawText*> parents = {&national};
  const EnglishTexts english{&local_en, {&national_en}};

  const auto chinese = implementation_scores(local, parents);
  REQUIRE(!chinese.empty());
  REQUIRE(chinese.front().scores.size() == 2);
  CHECK(score_of(chinese.front(), 0).english == -1);

  // The same words in English: the duty article far ahead of the custody article (which shares
  // only "competent"), and the Chinese score unchanged by it.
  const auto bilingual = implementation_scores(local, parents, {}, &english);
  CHECK(score_of(bilingual.front(), 0).english > 2 * score_of(bilingual.front(), 1).english);
  CHECK(score_of(bilingual.front(), 0).score == Approx(score_of(chinese.front(), 0).score));
  const EnglishTexts one_side{&local_en, {nullptr}};
  CHECK(score_of(implementation_scores(local, parents, {}, &one_side).front(), 0).english == -1);
}

TEST_CASE("implementation alignment: the English rescues a duty the Chinese ranks first but under its floor",
          "[alignment][implementation]") {
  const LawText local = parse_law("test-local", kPartParaphrase), national = parse_law("test-national", kNational);
  const LawText local_en = parse_english("test-local", kPartParaphraseEnglish), national_en = parse_english("test-national", kNationalEnglish);
  const std::vector<const LawText*> parents = {&national};
  const EnglishTexts english{&local_en, {&national_en}};
  const ImplementationOptions defaults;
  REQUIRE(defaults.english == EnglishSignal::Rescue);
  const ImplementationMatch duty = score_of(implementation_scores(local, parents, {}, &english).front(), 0);
  // The case this rule is for: the Chinese finds the duty, too faintly to link it by itself.
  INFO("Chinese " << duty.score << ", English " << duty.english);
  REQUIRE(duty.score >= defaults.english_rescue_min_score);
  REQUIRE(duty.score < defaults.min_score);
  REQUIRE(duty.english >= defaults.english_rescue_floor);

  ImplementationOptions off;
  off.english = EnglishSignal::Off;
  CHECK(align_implementation(local, parents, off, &english).empty());
  CHECK(align_implementation(local, parents, defaults).empty());  // no translation: the Chinese alone

  const auto rescued = align_implementation(local, parents, defaults, &english);
  REQUIRE(rescued.size() == 1);
  CHECK(rescued.front().to == 0);
  CHECK(rescued.front().score == Approx(duty.score));  // the link keeps the Chinese similarity

  // Each condition counts: the English floor, the Chinese minimum, and the two agreeing.
  ImplementationOptions strict_english = defaults;
  strict_english.english_rescue_floor = duty.english + 0.01;
  CHECK(align_implementation(local, parents, strict_english, &english).empty());
  ImplementationOptions strict_chinese = defaults;
  strict_chinese.english_rescue_min_score = duty.score + 0.01;
  CHECK(align_implementation(local, parents, strict_chinese, &english).empty());
  const LawText swapped_en = parse_english("test-national", kNationalEnglishSwapped);
  const EnglishTexts disagreeing{&local_en, {&swapped_en}};
  CHECK(align_implementation(local, parents, defaults, &disagreeing).empty());
}

TEST_CASE("implementation alignment: max(Chinese, w English) links a paraphrase too (EnglishSignal::Max)", "[alignment][implementation]") {
  const LawText local = parse_law("test-local", kParaphrase), national = parse_law("test-national", kNational);
  const LawText local_en = parse_english("test-local", kParaphraseEnglish), national_en = parse_english("test-national", kNationalEnglish);
  const std::vector<const LawText*> parents = {&national};
  const EnglishTexts english{&local_en, {&national_en}};
  ImplementationOptions options;
  options.english = EnglishSignal::Max;
  options.english_weight = 0.6;
  const auto matches = align_implementation(local, parents, options, &english);
  REQUIRE(matches.size() == 1);
  CHECK(matches.front().to == 0);
  CHECK(matches.front().score >= options.min_score);  // the English score, weighed, as its score
}

TEST_CASE("lawref's own translations are found by law id", "[alignment][translation]") {
  const std::optional<LawText> cel = lawref_translation("cel-2023");
  REQUIRE(cel);
  CHECK(cel->lang == "en");
  CHECK(cel->law_id == "cel-2023");
  CHECK(cel->find_article(1) != nullptr);
  CHECK(lawref_translation("shanghai-ceprec-2021"));  // the provincial regulations too
  CHECK_FALSE(lawref_translation("moumoushengceshitiaoli"));
}

namespace {

// A national law whose article 2 gives the departments' duty in general words, and a local article
// restating it with its own fifteen departments named one by one.
const char* kDutiesNational = R"(# 中华人民共和国反窃密法

第一条 主管机关是反窃密工作的主管机关。

第二条 公安、保密等有关部门按照职责分工，密切配合，依法做好有关工作。

第三条 公民发现窃密行为，应当及时向主管机关报告。
)";

const char* kDutiesLocal = R"(# 测试市反窃密工作条例

第一条 网信、台办、国防科工、发展改革、教育、科技、民族宗教、民政、规划自然资源、住房城乡建设、商务、退役军人事务、外事、邮政管理、文化旅游等单位按照职责分工，密切配合，依法开展有关工作。

第二条 本条例自2024年1月1日起施行。
)";

// A power subject to the approval formula (article 1) and the inspection a local article details
// (article 2); the local article opens with the same formula.
const char* kPowersNational = R"(# 中华人民共和国反窃密法

第一条 对用于窃密行为的工具和财物，经设区的市级以上主管机关负责人批准，可以依法查封、扣押。

第二条 主管机关可以对存在隐患的部门进行技术防范检查和检测。

第三条 公民发现窃密行为，应当及时向主管机关报告。
)";

const char* kPowersLocal = R"(# 测试市反窃密工作条例

第一条 经设区的市级以上主管机关负责人批准，主管机关可以对存在风险隐患的单位开展检查检测。
)";

double score_to(const ImplementationRow& row, std::size_t article) {
  for (const ImplementationMatch& m : row.scores)
    if (m.parent == 0 && m.to == article) return m.score;
  return 0;
}

}  // namespace

TEST_CASE("implementation alignment: a local list of its own departments does not hide the duty it restates", "[links]") {
  const LawText local = parse_law("test-local", kDutiesLocal), national = parse_law("test-national", kDutiesNational);
  const std::vector<const LawText*> parents = {&national};
  ImplementationOptions lists_kept;
  lists_kept.list_min_pieces = 0;
  lists_kept.anchor_min_chars = 0;  // the list rule alone: the duty's own words would anchor it
  const ImplementationOptions defaults;
  const double with_list = score_to(implementation_scores(local, parents, lists_kept).front(), 1);
  const double without_list = score_to(implementation_scores(local, parents, defaults).front(), 1);
  INFO("with the list " << with_list << ", without " << without_list);
  CHECK(with_list < defaults.min_score);  // the fifteen names, found nowhere in the law, dilute it
  CHECK(without_list > 1.5 * with_list);
  CHECK_FALSE(links_to(align_implementation(local, parents, lists_kept), 0, 1));
  const auto matches = align_implementation(local, parents, defaults);
  CHECK(links_to(matches, 0, 1));
  CHECK_FALSE(links_to(matches, 0, 0));
}

TEST_CASE("implementation alignment: the approval formula 经…批准 does not make two powers alike", "[links]") {
  const LawText local = parse_law("test-local", kPowersLocal), national = parse_law("test-national", kPowersNational);
  const std::vector<const LawText*> parents = {&national};
  ImplementationOptions approvals_kept;
  approvals_kept.drop_approval_clauses = false;
  const ImplementationRow kept = implementation_scores(local, parents, approvals_kept).front();
  const ImplementationRow dropped = implementation_scores(local, parents).front();
  INFO("seizure " << score_to(kept, 0) << " -> " << score_to(dropped, 0) << ", inspection " << score_to(kept, 1) << " -> "
                  << score_to(dropped, 1));
  CHECK(score_to(kept, 0) > score_to(kept, 1));  // the shared formula outweighs the inspection
  CHECK(score_to(dropped, 1) > 2 * score_to(dropped, 0));
  const auto matches = align_implementation(local, parents);
  CHECK(links_to(matches, 0, 1));
  CHECK_FALSE(links_to(matches, 0, 0));
  CHECK(links_to(align_implementation(local, parents, approvals_kept), 0, 0));
}

namespace {

// A local text whose title names an archives law (its main law) and one article restating the
// secrecy test law's reporting duty (kNational, another law) in partly other words.
const char* kAgreementLocal = R"(# 测试市档案测试条例

第一条 居民察觉形迹不明者，须尽快向主管机关报告。

第二条 本条例自2024年1月1日起施行。
)";

const char* kAgreementLocalEnglish = R"(# Test Municipality Archives Test Regulations

Article 1 Residents who discover suspicious persons shall promptly report them to the competent organ.

Article 2 These Regulations take effect on January 1, 2024.
)";

const char* kArchives = R"(# 中华人民共和国档案测试法

第一条 档案馆应当定期向社会开放馆藏档案。
)";

const char* kArchivesEnglish = R"(# Archives Test Law of the People's Republic of China

Article 1 Archives shall regularly open their holdings to the public.
)";

}  // namespace

TEST_CASE("implementation alignment: both rankings putting another law's article first meet the rescue's floors unweighed",
          "[alignment][implementation]") {
  const LawText local = parse_law("test-local", kAgreementLocal), national = parse_law("test-national", kNational),
                archives = parse_law("test-archives", kArchives);
  const LawText local_en = parse_english("test-local", kAgreementLocalEnglish), national_en = parse_english("test-national", kNationalEnglish),
                archives_en = parse_english("test-archives", kArchivesEnglish);
  const std::vector<const LawText*> parents = {&national, &archives};
  const EnglishTexts english{&local_en, {&national_en, &archives_en}};
  REQUIRE(mainly_implemented(local, parents) == std::vector<bool>{false, true});
  const ImplementationOptions defaults;
  REQUIRE(defaults.english_rescue_agreement);

  // The duty (national art 1) is the row's first in both languages; unweighed it meets the
  // rescue's floors, under the Chinese floor of a link.
  const ImplementationRow row = implementation_scores(local, parents, {}, &english).front();
  const ImplementationMatch duty = score_of(row, 0);
  REQUIRE(duty.parent == 0);
  for (const ImplementationMatch& m : row.scores)
    if (m.parent != 0 || m.to != 0) REQUIRE((m.score < duty.score && m.english < duty.english));
  INFO("Chinese " << duty.score << ", English " << duty.english);
  REQUIRE(duty.score >= defaults.english_rescue_min_score);
  REQUIRE(duty.score < defaults.min_score);
  REQUIRE(duty.english >= defaults.english_rescue_floor);

  // Weighed as another law's, the English falls under the floor: the plain rescue declines.
  ImplementationOptions weighed = defaults;
  weighed.other_law_weight = 0.9 * defaults.english_rescue_floor / duty.english;
  ImplementationOptions without = weighed;
  without.english_rescue_agreement = false;
  CHECK_FALSE(links_to(align_implementation(local, parents, without, &english), 0, 0));

  // The two rankings agreeing: linked, with its own Chinese similarity.
  const auto agreed = align_implementation(local, parents, weighed, &english);
  REQUIRE(links_to(agreed, 0, 0));
  CHECK(agreed.front().score == Approx(duty.score));

  // Not when the English puts another article first (its translation swapped with the custody
  // article's), nor when the unweighed similarities miss the floors.
  const LawText swapped_en = parse_english("test-national", kNationalEnglishSwapped);
  const EnglishTexts disagreeing{&local_en, {&swapped_en, &archives_en}};
  CHECK_FALSE(links_to(align_implementation(local, parents, weighed, &disagreeing), 0, 0));
  ImplementationOptions strict = weighed;
  strict.english_rescue_floor = duty.english + 0.01;
  CHECK_FALSE(links_to(align_implementation(local, parents, strict, &english), 0, 0));
  strict = weighed;
  strict.english_rescue_min_score = duty.score + 0.01;
  CHECK_FALSE(links_to(align_implementation(local, parents, strict, &english), 0, 0));
}

namespace {

// A national law that creates a register in one article and names its units in the next ones,
// and a local article that compiles that register in words of its own around the system's name.
const char* kRegisterLaw = R"(# 中华人民共和国测试防范法

第一条 为了做好测试防范工作，制定本法。

第二条 国家建立测试防范重点单位名录管理制度。测试防范重点单位应当建立工作制度，明确承担测试防范职责的人员。

第三条 测试防范重点单位应当加强对工作人员的教育和管理。

第四条 测试防范重点单位应当加强对场所、载体的日常管理，采取物理防范措施。

第五条 主管机关应当依法组织测试防范检查，及时通报检查结果。
)";

const char* kRegisterLocal = R"(# 测试市测试防范条例

第一条 市主管机关会同有关部门，根据单位性质、所属行业、涉外程度等因素，编制并动态调整本市测试防范重点单位名录管理清单，书面告知相关单位。
)";

// Their English: the local article's register is the national article 2's (the English ranks it
// first), or, in the other national text, article 5's inspections (ranked first) and not article 2.
const char* kRegisterLawEnglish = R"(# Test Precautions Law of the People's Republic of China

Article 1 This Law is formulated in order to do test precaution work well.

Article 2 The State establishes a register of key units for test precautions. Key units for test precautions shall establish work systems and specify the personnel responsible for test precautions.

Article 3 Key units for test precautions shall strengthen the education and management of their staff.

Article 4 Key units for test precautions shall strengthen the daily management of premises and carriers, and take physical precaution measures.

Article 5 The competent organ shall organize test precaution inspections according to law and promptly report the results of inspections.
)";

const char* kRegisterLocalEnglish = R"(# Test City Test Precautions Regulations

Article 1 The municipal competent organ, together with relevant departments, shall compile and dynamically adjust the city's register of key units for test precautions according to the nature, industry and foreign involvement of units, and notify the units concerned in writing.
)";

const char* kRegisterLocalEnglishElsewhere = R"(# Test City Test Precautions Regulations

Article 1 The municipal competent organ shall organize inspections according to law, promptly report the results of inspections, and notify the organs concerned in writing.
)";

}  // namespace

TEST_CASE("implementation alignment: a phrase shared with the article that first uses it links a row's first under the floors",
          "[alignment][implementation][anchors]") {
  const LawText local = parse_law("test-local", kRegisterLocal), national = parse_law("test-national", kRegisterLaw);
  const std::vector<const LawText*> parents = {&national};
  // The phrase alone (the English not asked for; the texts below have none).
  ImplementationOptions defaults;
  defaults.anchor_english_rank = 0;
  const ImplementationRow row = implementation_scores(local, parents, defaults).front();
  // 测试防范重点单位名录管理 (12 characters): art 2 uses it first; arts 3 and 4 repeat only part.
  REQUIRE(row.anchor_chars >= defaults.anchor_min_chars);
  const ImplementationMatch anchored = row.scores[row.anchor];
  CHECK(anchored.to == 1);
  INFO("art 2: " << anchored.score);
  for (const ImplementationMatch& m : row.scores)
    if (m.to != anchored.to) REQUIRE(m.score < anchored.score);
  REQUIRE(anchored.score >= defaults.anchor_min_score);
  REQUIRE(anchored.score < defaults.min_score);  // the similarity alone does not link it

  CHECK(links_to(align_implementation(local, parents, defaults), 0, 1));
  ImplementationOptions off = defaults;
  off.anchor_min_chars = 0;
  CHECK_FALSE(links_to(align_implementation(local, parents, off), 0, 1));
  // A longer phrase asked for, or a higher floor: not linked.
  ImplementationOptions longer = defaults;
  longer.anchor_min_chars = row.anchor_chars + 1;
  CHECK_FALSE(links_to(align_implementation(local, parents, longer), 0, 1));
  ImplementationOptions higher = defaults;
  higher.anchor_min_score = anchored.score + 0.01;
  CHECK_FALSE(links_to(align_implementation(local, parents, higher), 0, 1));
  CHECK_FALSE(implementation_scores(local, parents, off).front().anchor_chars);
}

TEST_CASE("implementation alignment: a phrase links only where the English ranks its article among the first",
          "[alignment][implementation][anchors]") {
  const LawText local = parse_law("test-local", kRegisterLocal), national = parse_law("test-national", kRegisterLaw);
  const std::vector<const LawText*> parents = {&national};
  const LawText national_en = parse_english("test-national", kRegisterLawEnglish);
  const LawText local_en = parse_english("test-local", kRegisterLocalEnglish);
  const LawText elsewhere_en = parse_english("test-local", kRegisterLocalEnglishElsewhere);
  const ImplementationOptions defaults;
  REQUIRE(defaults.anchor_english_rank > 0);
  // No English: the phrase is not confirmed, the pair not linked.
  CHECK_FALSE(links_to(align_implementation(local, parents), 0, 1));
  // The English ranks article 2 first: linked.
  const EnglishTexts agreeing{&local_en, {&national_en}};
  CHECK(links_to(align_implementation(local, parents, defaults, &agreeing), 0, 1));
  // The English ranks article 5 first and article 2 below it: linked when the English is not
  // asked for, not when only its first is taken.
  const EnglishTexts elsewhere{&elsewhere_en, {&national_en}};
  ImplementationOptions unasked = defaults, first_only = defaults;
  unasked.anchor_english_rank = 0;
  first_only.anchor_english_rank = 1;
  CHECK(links_to(align_implementation(local, parents, unasked, &elsewhere), 0, 1));
  CHECK_FALSE(links_to(align_implementation(local, parents, first_only, &elsewhere), 0, 1));
}

TEST_CASE("implementation alignment: parents prepared for another phrase rule are not shared with an alignment",
          "[alignment][implementation][anchors]") {
  const LawText local = parse_law("test-local", kRegisterLocal), national = parse_law("test-national", kRegisterLaw);
  const std::vector<const LawText*> parents = {&national};
  // The phrase rule without the English (the texts have none), and two that find no phrase of
  // these parents: the rule off, or the English asked for.
  ImplementationOptions unconfirmed;
  unconfirmed.anchor_english_rank = 0;
  ImplementationOptions off = unconfirmed, confirmed = unconfirmed;
  off.anchor_min_chars = 0;
  confirmed.anchor_english_rank = 3;
  const ImplementationRow alone = implementation_scores(local, parents, unconfirmed).front();
  REQUIRE(alone.anchor_chars >= unconfirmed.anchor_min_chars);
  for (const ImplementationOptions& other : {off, confirmed}) {
    // Shared by an alignment with `other` first, which keeps the parent for the second: the
    // second, with the phrase rule, must not take units prepared without their first uses.
    PreparedParents shared{other, std::size_t{1} << 20};
    CHECK_FALSE(shared.prepared_for(unconfirmed));
    expect_alignment(shared, parents, nullptr);
    expect_alignment(shared, parents, nullptr);
    CHECK(implementation_scores(local, parents, other, nullptr, &shared).front().anchor_chars == 0);
    const ImplementationRow row = implementation_scores(local, parents, unconfirmed, nullptr, &shared).front();
    CHECK(row.anchor_chars == alone.anchor_chars);
    CHECK(row.anchor == alone.anchor);
  }
}
