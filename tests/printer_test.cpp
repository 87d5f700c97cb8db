// The printers of query/print/ on result values made by hand (no index, no corpus): the text,
// JSON and CSV they write, JSON nulls, CSV quoting, the one score format. And one command run
// in process (run_search) on the real statutes, as a test may call any run_X.
#include <catch2/catch.hpp>

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "check_printer.h"
#include "cmd_search.h"
#include "compare_printer.h"
#include "csv_field.h"
#include "diff_printer.h"
#include "exit_codes.h"
#include "laws_printer.h"
#include "score_format.h"
#include "search_printer.h"
#include "show_printer.h"
#include "test_support.h"
#include "xref_printer.h"

using namespace lawref;
using nlohmann::json;

namespace {

Article article(int number, const std::string& num, const std::string& text) {
  Article a;
  a.number = number;
  a.num = num;
  a.paragraphs.push_back({1, text, {}});
  return a;
}

LawInfo law_info(const std::string& id, const std::string& title) {
  LawInfo info;
  info.id = id;
  info.title_zh = title;
  return info;
}

// Names the laws of a small registry, with no texts: enough for the link printers.
class NamesOnly : public LawStore {
 public:
  explicit NamesOnly(std::vector<LawInfo> laws) {
    for (LawInfo& l : laws) registry_.add(std::move(l));
  }
  const Registry& registry() const override { return registry_; }
  const LawText* text(const std::string&, const std::string&) override { return nullptr; }

 private:
  Registry registry_;
};

links::Link link(links::LinkKind kind, ProvisionId from, ProvisionId to, double score, const std::string& basis) {
  links::Link l;
  l.kind = kind;
  l.from = std::move(from);
  l.to = std::move(to);
  l.score = score;
  l.basis = links::parse_link_basis(basis).value_or(links::LinkBasis::None);
  return l;
}

// Standard output (or error) into a string while in scope.
class Capture {
 public:
  explicit Capture(std::ostream& stream) : stream_(stream), old_(stream.rdbuf(text_.rdbuf())) {}
  ~Capture() { stream_.rdbuf(old_); }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  std::string str() const { return text_.str(); }

 private:
  std::ostringstream text_;
  std::ostream& stream_;
  std::streambuf* old_;
};

}  // namespace

TEST_CASE("Scores: two decimals for people, three as stored, JSON rounded to three", "[printer]") {
  CHECK(score_text(0.8734) == "0.87");
  CHECK(score_text(1) == "1.00");
  CHECK(score_text(0.8734, ScorePrecision::Stored) == "0.873");
  CHECK(json_score(0.87349) == 0.873);
  CHECK(json_score(0.0004) == 0);
}

TEST_CASE("CSV fields are quoted only when they must be, quotes doubled", "[printer]") {
  CHECK(csv_field("cel-2023/art14") == "cel-2023/art14");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"no\"") == "\"say \"\"no\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
}

namespace {

SearchResult two_tier_result() {
  SearchResult r;
  r.query = "快递 安全";
  r.mode = SearchMode::Exact;
  r.tiers = {{SearchMode::Exact, 1}, {SearchMode::Words, 1}};
  r.total = 2;
  r.expansions = {"courier → 快递"};
  r.ignored = {"zzz"};
  SearchHit exact;
  exact.id = "cel-2023/art14";
  exact.law = "cel-2023";
  exact.article = 14;
  exact.paragraph = 2;
  exact.citation = "反间谍法第十四条";
  exact.citation_en = "CEL Art. 14";
  exact.score = 3.5;
  exact.snippet = "«快递»安全";
  exact.lang = "zh";
  exact.tier = SearchMode::Exact;
  SearchHit relaxed = exact;
  relaxed.id = "nsl-2015/art77";
  relaxed.law = "nsl-2015";
  relaxed.article = 77;
  relaxed.paragraph = 0;
  relaxed.citation = "国家安全法第七十七条";
  relaxed.citation_en = "NSL Art. 77";
  relaxed.snippet = "the «courier»";
  relaxed.lang = "en";
  relaxed.translation = "unofficial translation (lawref)";
  relaxed.tier = SearchMode::Words;
  r.hits = {exact, relaxed};
  return r;
}

}  // namespace

TEST_CASE("Search text: hits numbered after the offset, tiers headed, translations named", "[printer]") {
  std::ostringstream out;
  print_search(out, two_tier_result(), OutputFormat::Text, {.color = false, .explain = false, .offset = 10});
  CHECK(out.str() ==
        "(courier → 快递)\n"
        "(not in the glossary, ignored: zzz)\n"
        "11. 反间谍法第十四条 (CEL Art. 14) ¶2  cel-2023/art14\n"
        "   «快递»安全\n"
        "── with all the words of the phrases:\n"
        "12. 国家安全法第七十七条 (NSL Art. 77)  nsl-2015/art77\n"
        "   [en] the «courier»\n"
        "2 provisions (1 exact, 1 words)\n"
        "[en]: unofficial translation (lawref); the Chinese text is authoritative\n");
}

TEST_CASE("Search text: on an interleaved page each relaxed hit says its tier, without headings", "[printer]") {
  SearchResult r = two_tier_result();
  std::swap(r.hits[0], r.hits[1]);  // the words hit above the exact one
  std::ostringstream out;
  print_search(out, r, OutputFormat::Text, {.color = false, .explain = false, .offset = 0});
  CHECK(out.str().find("── with") == std::string::npos);
  CHECK(out.str().find("1. 国家安全法第七十七条 (NSL Art. 77)  nsl-2015/art77  (all the words of the phrases)\n") != std::string::npos);
  CHECK(out.str().find("2. 反间谍法第十四条 (CEL Art. 14) ¶2  cel-2023/art14\n") != std::string::npos);
}

TEST_CASE("Search text in colour marks the matches with ANSI codes instead of «»", "[printer]") {
  SearchResult r = two_tier_result();
  r.hits.resize(1);
  std::ostringstream out;
  print_search(out, r, OutputFormat::Text, {.color = true, .explain = false, .offset = 0});
  CHECK(out.str().find("   \x1b[1;31m快递\x1b[0m安全\n") != std::string::npos);
}

TEST_CASE("Search JSON: nulls for what a hit lacks, the explanation only when asked", "[printer]") {
  std::ostringstream out;
  print_search(out, two_tier_result(), OutputFormat::Json, {});
  const json j = json::parse(out.str());
  CHECK_FALSE(j.contains("explanation"));
  CHECK(j["total"] == 2);
  REQUIRE(j["hits"].size() == 2);
  CHECK(j["hits"][0]["paragraph"] == 2);
  CHECK(j["hits"][0]["insertion"].is_null());
  CHECK(j["hits"][0]["translation"].is_null());
  CHECK(j["hits"][1]["paragraph"].is_null());
  CHECK(j["hits"][1]["translation"] == "unofficial translation (lawref)");
  CHECK(out.str().back() == '\n');

  std::ostringstream explained;
  SearchResult r = two_tier_result();
  r.explanation = {"terms: 快递"};
  print_search(explained, r, OutputFormat::Json, {.color = false, .explain = true, .offset = 0});
  CHECK(json::parse(explained.str())["explanation"] == json::array({"terms: 快递"}));
}

TEST_CASE("A printer asked for a form it does not have throws", "[printer]") {
  std::ostringstream out;
  CHECK_THROWS_AS(print_search(out, SearchResult{}, OutputFormat::Csv, {}), std::invalid_argument);
  CHECK_THROWS_AS(ShowPrinter(out, OutputFormat::Html, {}), std::invalid_argument);
  CHECK(out.str().empty());
}

namespace {

struct Revision {
  LawInfo old_info = law_info("x-2014", "测试法");
  LawInfo new_info = law_info("x-2023", "测试法");
  LawText before, after;
  RevisionDiff diff;
  Revision() {
    before.law_id = old_info.id;
    before.articles = {article(1, "第一条", "甲乙丙"), article(2, "第二条", "旧的条文")};
    after.law_id = new_info.id;
    after.articles = {article(1, "第一条", "甲乙丁"), article(2, "第二条", "新的条文")};
    diff.changes.push_back({&before.articles[0], &after.articles[0], links::LinkBasis::Changed, 0.66666,
                            {{DiffSegment::Op::Equal, "甲乙"}, {DiffSegment::Op::Delete, "丙"}, {DiffSegment::Op::Insert, "丁"}}});
    diff.dropped = {&before.articles[1]};
    diff.added = {&after.articles[1]};
    diff.stored = false;
  }
};

}  // namespace

TEST_CASE("Diff text: the mapping, each change marked, dropped and new articles", "[printer]") {
  const Revision r;
  std::ostringstream out;
  print_diff(out, {r.old_info, r.before}, {r.new_info, r.after}, r.diff, OutputFormat::Text, {});
  CHECK(out.str() ==
        "x-2014 → x-2023: 1 of 2 articles continue in 1 pairs (0 unchanged), 1 dropped, 1 new [aligned now: the index has no version links "
        "between them]\n"
        "\n第一条 → 第一条  [changed 0.67]\n"
        "甲乙[-丙-]{+丁+}\n"
        "\ndropped from x-2014:\n"
        "  第二条  旧的条文\n"
        "\nnew in x-2023:\n"
        "  第二条  新的条文\n");

  std::ostringstream summary;
  print_diff(summary, {r.old_info, r.before}, {r.new_info, r.after}, r.diff, OutputFormat::Text, {.summary = true});
  CHECK(summary.str().find("第一条 → 第一条  [changed 0.67]\n\ndropped") != std::string::npos);
  CHECK(summary.str().find("甲乙") == std::string::npos);
  CHECK(summary.str().ends_with("new in x-2023:\n  第二条\n"));
}

TEST_CASE("Diff JSON: where the mapping came from, scores to three decimals, texts of dropped and new articles", "[printer]") {
  const Revision r;
  std::ostringstream out;
  print_diff(out, {r.old_info, r.before}, {r.new_info, r.after}, r.diff, OutputFormat::Json, {});
  const json j = json::parse(out.str());
  CHECK(j["mapping_source"] == "aligned now");
  REQUIRE(j["changes"].size() == 1);
  CHECK(j["changes"][0]["from"]["id"] == "x-2014/art1");
  CHECK(j["changes"][0]["from"]["paragraph"].is_null());
  CHECK(j["changes"][0]["score"] == 0.667);
  CHECK(j["changes"][0]["diff"][1] == json{{"op", "delete"}, {"text", "丙"}});
  CHECK(j["dropped"][0]["text"] == "旧的条文");
  CHECK(j["added"][0]["id"] == "x-2023/art2");

  std::ostringstream summary;
  print_diff(summary, {r.old_info, r.before}, {r.new_info, r.after}, r.diff, OutputFormat::Json, {.summary = true});
  CHECK_FALSE(json::parse(summary.str())["changes"][0].contains("diff"));
}

TEST_CASE("Two provisions compared: both texts, the similarity, the differences", "[printer]") {
  ProvisionComparison c;
  c.left = "甲乙丙";
  c.right = "甲乙丁";
  c.similarity = 0.6666;
  c.diff = {{DiffSegment::Op::Equal, "甲乙"}, {DiffSegment::Op::Delete, "丙"}, {DiffSegment::Op::Insert, "丁"}};
  const ProvisionId left{"a-2020", {3, 0, 0, 0, 0}}, right{"b-2021", {4, 0, 2, 0, 0}};
  std::ostringstream text;
  print_provision_comparison(text, left, right, c, OutputFormat::Text, {});
  CHECK(text.str() == "── a-2020/art3\n甲乙丙\n── b-2021/art4/para2\n甲乙丁\n── similarity 0.67; differences ([-left-]{+right+}):\n甲乙[-丙-]{+丁+}\n");
  std::ostringstream out;
  print_provision_comparison(out, left, right, c, OutputFormat::Json, {});
  const json j = json::parse(out.str());
  CHECK(j["left"]["text"] == "甲乙丙");
  CHECK(j["left"]["paragraph"].is_null());
  CHECK(j["right"]["paragraph"] == 2);
  CHECK(j["similarity"] == 0.667);
}

TEST_CASE("The alignment table: one row per link, its score, and the articles covered", "[printer]") {
  const LawInfo local_info = law_info("l-2020", "地方条例"), national_info = law_info("n-2015", "国家法");
  LawText local, national;
  local.articles = {article(1, "第一条", "一"), article(2, "第二条", "二")};
  national.articles = {article(5, "第五条", "五")};
  const std::vector<links::Link> table = {
      link(links::LinkKind::Implements, {"l-2020", {1, 0, 0, 0, 0}}, {"n-2015", {5, 0, 1, 0, 0}}, 0.5049, "similarity")};
  std::ostringstream out;
  print_alignment(out, {local_info, local}, {national_info, national}, table, true, OutputFormat::Text);
  CHECK(out.str() == "l-2020 → n-2015: 1 article pairs\nlocal\tnational\tbasis\tscore\n第一条\t第五条第一款\tsimilarity\t0.50\n1 of 2 articles of l-2020 aligned\n");
  std::ostringstream lines;
  print_alignment(lines, {local_info, local}, {national_info, national}, table, false, OutputFormat::Json);
  const json j = json::parse(lines.str());
  CHECK(j["kind"] == "implements");
  CHECK(j["score"] == 0.505);
}

TEST_CASE("The localities CSV: one row per match and per addition, a 'via' with a comma quoted", "[printer]") {
  const LawInfo national = law_info("n-2023", "国家法"), local = law_info("l-2019", "地方条例");
  LawText text;
  text.articles = {article(7, "第七条", "七")};
  const Article addition = article(30, "第三十条", "地方的规定");
  LocalitiesView view;
  view.national = &national;
  view.text = &text;
  view.locals.push_back({&local, {"n-2014", "n-2023"}, {&addition}, 30, 1});
  NationalRow row;
  row.article = &text.articles[0];
  row.locals["l-2019"] = {{{12, 0, 0, 0, 0}, {7, 0, 0, 0, 0}, 0.81234, links::LinkBasis::Similarity, "n-2014/art6, then n-2023"}};
  view.rows.push_back(row);
  NamesOnly names({national, local});
  std::ostringstream out;
  print_localities(out, view, names, OutputFormat::Csv);
  CHECK(out.str() ==
        "kind,national,local_law,local,basis,score,via\n"
        "implements,n-2023/art7,l-2019,l-2019/art12,similarity,0.81,\"n-2014/art6, then n-2023\"\n"
        "addition,,l-2019,l-2019/art30,,,\n");
  std::ostringstream j;
  print_localities(j, view, names, OutputFormat::Json);
  const json parsed = json::parse(j.str());
  CHECK(parsed["rows"][0]["locals"]["l-2019"][0]["score"] == 0.812);
}

TEST_CASE("Links for people: named ends, kinds with their scores; JSON lines with direction and depth", "[printer]") {
  const NamesOnly names({law_info("a-2020", "甲法"), law_info("b-2021", "乙法"), law_info("c-2022", "丙条例")});
  const ProvisionId at{"a-2020", {5, 0, 0, 0, 0}};
  links::Link cites = link(links::LinkKind::External, at, {}, 0, "");
  cites.external = "网络安全法";
  cites.evidence = "《网络安全法》";
  const links::Link version = link(links::LinkKind::Version, {"b-2021", {6, 0, 0, 0, 0}}, at, 0.9, "changed");
  // What implements the earlier version (b-2021 art 6) implements this one too, and says through what.
  const ProvisionId earlier{"b-2021", {6, 0, 0, 0, 0}};
  const links::Link implements = link(links::LinkKind::Implements, {"c-2022", {3, 0, 0, 0, 0}}, earlier, 0.5, "");
  const std::vector<XrefHit> hits = {{cites, false, 1, {}}, {version, true, 1, {}}, {implements, true, 1, earlier}};
  std::ostringstream text;
  print_xrefs(text, names, at, hits, OutputFormat::Text);
  CHECK(text.str() ==
        "甲法第五条 (a-2020/art5)\n"
        "cites / continues as:\n"
        "  《网络安全法》 (not in the index)  [external]  «《网络安全法》»\n"
        "cited by / continued from:\n"
        "  乙法第六条 (b-2021/art6)  [version (changed) 0.90]\n"
        "  丙条例第三条 (c-2022/art3)  [implements 0.50]  → b-2021/art6 (an earlier version)\n");
  CHECK(describe(names, {"z-1999", {1, 0, 0, 0, 0}}) == "z-1999/art1");

  std::ostringstream lines;
  print_xrefs(lines, names, at, hits, OutputFormat::Json);
  std::istringstream in(lines.str());
  std::string first, second, third;
  std::getline(in, first);
  std::getline(in, second);
  std::getline(in, third);
  CHECK(json::parse(first)["direction"] == "out");
  CHECK(json::parse(first)["to"] == json{{"external", "网络安全法"}});
  CHECK(json::parse(second)["direction"] == "in");
  CHECK(json::parse(second)["depth"] == 1);
  CHECK(json::parse(second)["score"] == 0.9);
  CHECK_FALSE(json::parse(second).contains("via"));
  CHECK(json::parse(third)["via"] == "b-2021/art6");
}

TEST_CASE("Show JSON lines: a failure is a line too, its input bounded, its status typed", "[printer]") {
  std::ostringstream out;
  ShowPrinter printer(out, OutputFormat::Json, {});
  printer.failure("反间谍法第七十二条", "no article 72", LookupStatus::NotFound);
  printer.failure(std::string(600, 'x'), "too long", LookupStatus::BadInput);
  std::istringstream in(out.str());
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  CHECK(json::parse(first) == json{{"input", "反间谍法第七十二条"}, {"error", "no article 72"}, {"status", "not-found"}});
  CHECK(json::parse(second)["status"] == "bad-input");
  CHECK(json::parse(second)["input"].get<std::string>().size() < 600);

  std::ostringstream text;
  ShowPrinter people(text, OutputFormat::Text, {});
  people.failure("x", "no such law", LookupStatus::NotFound);
  CHECK(text.str().empty());  // the error goes to standard error, from the command
}

TEST_CASE("The check report: failures with their problems, totals; quiet leaves out the ok lines", "[printer]") {
  CheckReport report;
  report.problems = {"registry: duplicate alias"};
  report.laws.push_back({"a-2020", "zh", 12, 1, {}, "", 0, 0});
  report.laws.push_back({"b-2021", "zh", 3, 0, {"article 4 missing"}, "", 0, 0});
  report.laws.push_back({"a-2020", "en", 12, 0, {}, "unofficial translation (lawref)", 20, 19});
  report.without_text = {"c-1999"};
  std::ostringstream out;
  print_check(out, report, {"b-2021", "d-2001"}, {});
  CHECK(out.str() ==
        "PROBLEM registry: duplicate alias\n"
        "ok      a-2020 (zh): 12 articles, 1 warnings\n"
        "FAIL    b-2021 (zh): 3 articles\n"
        "        article 4 missing\n"
        "ok      a-2020 (en): 12 articles; 19 of 20 paragraphs and items translated — unofficial translation (lawref)\n"
        "no text c-1999 (metadata only)\n"
        "no English text: b-2021, d-2001\n"
        "3 texts checked: 2 ok, 1 with problems; 1 registry/corpus problems\n");
  std::ostringstream quiet;
  print_check(quiet, report, {"b-2021"}, {.quiet = true});
  CHECK(quiet.str() ==
        "PROBLEM registry: duplicate alias\n"
        "FAIL    b-2021 (zh): 3 articles\n"
        "        article 4 missing\n"
        "3 texts checked: 2 ok, 1 with problems; 1 registry/corpus problems\n");
}

TEST_CASE("The law listing as JSON: a count and the laws, indented", "[printer]") {
  LawRow row;
  row.info = law_info("a-2020", "甲法");
  row.articles = 12;
  std::ostringstream out;
  print_laws(out, {row}, OutputFormat::Json);
  const json j = json::parse(out.str());
  CHECK(j["count"] == 1);
  CHECK(j["laws"][0]["id"] == "a-2020");
  CHECK(out.str().starts_with("{\n  \"count\": 1,"));
}

TEST_CASE("A command runs in process: run_search on the real statutes", "[search]") {
  static const test::TestIndex index({test::core_dir(), test::local_dir()});
  cli::SearchCommandOptions options;
  options.corpus.db = index.db.string();
  options.words = {"快递"};
  options.json = true;
  int code = -1;
  std::string out;
  {
    const Capture captured(std::cout);
    code = cli::run_search(options);
    out = captured.str();
  }
  CHECK(code == exit_code::kOk);
  const json j = json::parse(out);
  CHECK(j["query"] == "快递");
  REQUIRE_FALSE(j["hits"].empty());
  // A hit the law links to another (search_linked.h) is there by its link, not the word.
  for (const json& hit : j["hits"])
    CHECK((hit["tier"] == "linked") != (hit["snippet"].get<std::string>().find("快递") != std::string::npos));

  // Paging past the last hit: nothing printed, a one-line error, exit 1.
  options.json = false;
  options.search.offset = 5000;
  std::string err;
  {
    const Capture captured_out(std::cout);
    const Capture captured_err(std::cerr);
    code = cli::run_search(options);
    out = captured_out.str();
    err = captured_err.str();
  }
  CHECK(code == exit_code::kNotFound);
  CHECK(out.empty());
  CHECK(err.starts_with("lawref: no more hits: "));
  CHECK(err.ends_with("--offset 5000 is past them\n"));
}
