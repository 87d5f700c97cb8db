// Implementation alignment (local article -> national provisions) on small synthetic statutes
// written for these tests: which parent a local text mainly implements, and how that shapes the
// ranking.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

#include "article_alignment.h"
#include "implementation_alignment.h"
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

}  // namespace

TEST_CASE("implementation alignment: the English translation finds a duty said in other Chinese words", "[alignment][implementation]") {
  const LawText local = parse_law("test-local", kParaphrase), national = parse_law("test-national", kNational);
  const LawText local_en = parse_english("test-local", kParaphraseEnglish), national_en = parse_english("test-national", kNationalEnglish);
  const std::vector<const LawText*> parents = {&national};
  ImplementationOptions options;
  options.english_weight = 0.6;
  const EnglishTexts english{&local_en, {&national_en}};

  // The Chinese alone: the two articles share too few n-grams to be linked.
  const auto chinese = implementation_scores(local, parents, options);
  REQUIRE(!chinese.empty());
  REQUIRE(chinese.front().scores.size() == 2);
  CHECK(chinese.front().scores[0].score < options.min_score);
  CHECK(align_implementation(local, parents, options).empty());

  // With both translations: the English words are the same, the duty article is linked, the
  // custody article (which shares only "competent organ") is not.
  const auto bilingual = implementation_scores(local, parents, options, &english);
  CHECK(bilingual.front().scores[0].score >= options.min_score);
  CHECK(bilingual.front().scores[0].score > bilingual.front().scores[1].score);
  const auto matches = align_implementation(local, parents, options, &english);
  REQUIRE(matches.size() == 1);
  CHECK(matches.front().to == 0);

  // Off (the default weight), or with only one side translated: the Chinese score alone.
  ImplementationOptions off;
  CHECK(align_implementation(local, parents, off, &english).empty());
  const EnglishTexts one_side{&local_en, {nullptr}};
  const auto half = implementation_scores(local, parents, options, &one_side);
  CHECK(half.front().scores[0].score == Approx(chinese.front().scores[0].score));
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
