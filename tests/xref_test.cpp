// Cross-links of the real bundled statutes, through the index, the engines and the CLI.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "index_builder.h"
#include "index_store.h"
#include "link_export.h"
#include "link_graph.h"
#include "revision_diff.h"
#include "file_io.h"
#include "test_support.h"
#include "utf8.h"
#include "xref.h"

using namespace lawref;
using links::Link;
using links::LinkBasis;
using links::LinkKind;

namespace {

// The core statutes plus the two laws cel-2023 cites by name, from lawrefbook.
struct LinkedIndex : test::TestIndex {
  std::unique_ptr<LinkGraph> graph;
  LinkedIndex()
      : TestIndex({test::core_dir(), test::lawrefbook_dir() / "行政法" / "网络安全法(2016-11-07).md",
                   test::lawrefbook_dir() / "行政法" / "数据安全法(2021-06-10).md"}),
        graph(std::make_unique<LinkGraph>(*store)) {}
};

LinkedIndex& linked() {
  static LinkedIndex index;
  return index;
}

std::vector<Link> from_provision(const std::string& id) {
  const auto pid = ProvisionId::parse(id);
  REQUIRE(pid);
  std::vector<Link> out;
  for (const Link& l : linked().graph->outgoing(pid->law))
    if (within(l.from, *pid)) out.push_back(l);
  return out;
}

bool links_to(const std::vector<Link>& links, LinkKind kind, const std::string& to, const std::string& evidence = "") {
  return std::any_of(links.begin(), links.end(), [&](const Link& l) {
    return l.kind == kind && (l.to.law.empty() ? "" : l.to.str()) == to && (evidence.empty() || l.evidence == evidence);
  });
}

test::Env core_env(const test::TempDir& home) { return {{"LAWREF_HOME", home.path.string()}, {"LAWREF_DB", linked().db.string()}}; }

}  // namespace

TEST_CASE("cel-2023: internal citations resolve to the exact article and paragraph", "[xref]") {
  CHECK(links_to(from_provision("cel-2023/art57"), LinkKind::Internal, "cel-2023/art21", "本法第二十一条"));
  CHECK(links_to(from_provision("cel-2023/art58"), LinkKind::Internal, "cel-2023/art41", "本法第四十一条"));
  CHECK(links_to(from_provision("cel-2023/art25/para2"), LinkKind::Internal, "cel-2023/art25/para1", "前款"));
  // Article 54: 前款 in paragraph 2, 前两款 and 第一款 in paragraph 3.
  CHECK(links_to(from_provision("cel-2023/art54/para2"), LinkKind::Internal, "cel-2023/art54/para1", "前款"));
  CHECK(links_to(from_provision("cel-2023/art54/para3"), LinkKind::Internal, "cel-2023/art54/para1", "前两款"));
  CHECK(links_to(from_provision("cel-2023/art54/para3"), LinkKind::Internal, "cel-2023/art54/para2", "前两款"));
  CHECK(links_to(from_provision("cel-2023/art54/para3"), LinkKind::Internal, "cel-2023/art54/para1", "第一款"));
  // 本法所称, 违反本法规定: the law as a whole is no link.
  CHECK(from_provision("cel-2023/art4").empty());
  CHECK(links_to(from_provision("ssl-2024/art60/para2"), LinkKind::Internal, "ssl-2024/art41/para2", "本法第四十一条第二款"));
  CHECK(links_to(from_provision("report-reward-2022/art14"), LinkKind::Internal, "report-reward-2022/art12", "本办法第十一条、第十二条"));
}

TEST_CASE("cel-2023 cites the Cybersecurity and Data Security Laws by name", "[xref]") {
  const auto a36 = from_provision("cel-2023/art36/para1");
  REQUIRE(links_to(a36, LinkKind::External, "wangluoanquanfa-2016", "《中华人民共和国网络安全法》"));
  const auto a59 = from_provision("cel-2023/art59");
  REQUIRE(links_to(a59, LinkKind::External, "shujuanquanfa-2021", "《中华人民共和国数据安全法》"));
  // The Criminal Procedure Law is not in this index: its name is kept.
  const auto a39 = from_provision("cel-2023/art39");
  REQUIRE(a39.size() == 1);
  CHECK(a39[0].kind == LinkKind::Unresolved);
  CHECK(a39[0].external == "中华人民共和国刑事诉讼法");
  // Evidence and position: the phrase stands at that offset of the paragraph's text.
  const Link& l = *std::find_if(a36.begin(), a36.end(), [](const Link& x) { return x.kind == LinkKind::External; });
  const LawText* text = linked().store->text("cel-2023", "zh");
  const std::u32string para = utf8::decode(text->find_article(36)->paragraphs[0].text);
  CHECK(utf8::encode(para.substr(static_cast<std::size_t>(l.offset), utf8::decode(l.evidence).size())) == l.evidence);
  CHECK(l.line > 0);
}

TEST_CASE("Names resolve by the citing law's date: the 2017 rules cite the 2014 law", "[xref]") {
  CHECK(links_to(from_provision("cel-rules-2017/art17"), LinkKind::External, "cel-2014/art24", "《反间谍法》第二十四条"));
  CHECK(links_to(from_provision("cel-rules-2017/art10"), LinkKind::External, "cel-2014/art8"));
  CHECK(links_to(from_provision("report-reward-2022/art1"), LinkKind::External, "cel-2014"));
  CHECK(links_to(from_provision("report-reward-2022/art1"), LinkKind::External, "nsl-2015"));
  // cel-2014 art 40 repeals the 1993 国家安全法, which no law of the index was then.
  auto a40 = from_provision("cel-2014/art40");
  std::erase_if(a40, [](const Link& l) { return l.kind == LinkKind::Version; });
  REQUIRE(a40.size() == 1);
  CHECK(a40[0].kind == LinkKind::Unresolved);
  CHECK(a40[0].note.find("not in force on 2014-11-01") != std::string::npos);
}

TEST_CASE("cel-2014 -> cel-2023: articles map by content across the renumbering", "[xref][versions]") {
  // Each pair checked by reading both texts (see the note of issue 5).
  const std::vector<std::pair<int, int>> verified = {{1, 1},   {3, 6},   {4, 7},   {5, 3},   {6, 10},  {7, 9},   {8, 23},  {10, 43},
                                                     {13, 25}, {16, 22}, {22, 32}, {24, 14}, {25, 15}, {34, 66}, {36, 62}, {38, 4}};
  const auto& out = linked().graph->outgoing("cel-2014");
  for (const auto& [from, to] : verified) {
    INFO("cel-2014 art " << from << " -> cel-2023 art " << to);
    CHECK(std::any_of(out.begin(), out.end(), [&, from = from, to = to](const Link& l) {
      return l.kind == LinkKind::Version && l.from.path.article == from && l.to.law == "cel-2023" && l.to.path.article == to;
    }));
  }
  // Parts that moved: 2014 art 27 ¶2 (自首、立功) is 2023 art 55 ¶1; arts 29 and 31 became items of art 60.
  auto has = [&](int from, int to, LinkBasis basis) {
    return std::any_of(out.begin(), out.end(), [&](const Link& l) {
      return l.kind == LinkKind::Version && l.from.path.article == from && l.to.path.article == to && l.basis == basis;
    });
  };
  CHECK(has(27, 55, LinkBasis::Split));
  CHECK(has(29, 60, LinkBasis::Merged));
  CHECK(has(31, 60, LinkBasis::Changed));
  const LawText* before = linked().store->text("cel-2014", "zh");
  const LawText* after = linked().store->text("cel-2023", "zh");
  const RevisionDiff d = diff_revision(*before, *after, out);
  CHECK(d.stored);
  CHECK(d.changes.size() + d.dropped.size() >= before->articles.size());
  // cel-2023's new articles (article 5, the coordination mechanism, among them) are reported as new.
  CHECK(std::any_of(d.added.begin(), d.added.end(), [](const Article* a) { return a->number == 5; }));
  const auto same = std::find_if(d.changes.begin(), d.changes.end(), [](const ArticleChange& c) { return c.before->number == 6; });
  REQUIRE(same != d.changes.end());
  CHECK(same->basis == LinkBasis::Same);
}

TEST_CASE("cel-rules-2017 implements cel-2014: cited articles first, then similar ones", "[xref][implements]") {
  const auto& out = linked().graph->outgoing("cel-rules-2017");
  auto implements = [&](int from, int to, LinkBasis basis) {
    return std::any_of(out.begin(), out.end(), [&](const Link& l) {
      return l.kind == LinkKind::Implements && l.from.path.article == from && l.to.law == "cel-2014" && l.to.path.article == to &&
             l.basis == basis;
    });
  };
  CHECK(implements(17, 24, LinkBasis::Citation));
  CHECK(implements(21, 29, LinkBasis::Citation));
  CHECK(implements(2, 3, LinkBasis::Similarity));    // 国家安全机关是反间谍工作的主管机关
  CHECK(implements(25, 39, LinkBasis::Similarity));  // 其他危害国家安全行为 … 适用本法
  // The commencement clause implements nothing.
  CHECK(std::none_of(out.begin(), out.end(), [](const Link& l) { return l.kind == LinkKind::Implements && l.from.path.article == 26; }));
}

TEST_CASE("xref follows links both ways and further with --depth", "[xref]") {
  XrefOptions o;
  const auto in21 = find_xrefs(*linked().graph, {"cel-2023", {21, 0, 0, 0, 0}}, {XrefDirection::In, {}, 1});
  CHECK(std::any_of(in21.begin(), in21.end(), [](const XrefHit& h) { return h.incoming && h.link.from.str() == "cel-2023/art57/para1"; }));
  // cel-2014 art 24 <- rules art 17; at depth 2 the rules' own article leads on.
  o.depth = 2;
  const auto deep = find_xrefs(*linked().graph, {"cel-2014", {24, 0, 0, 0, 0}}, o);
  CHECK(std::any_of(deep.begin(), deep.end(), [](const XrefHit& h) { return h.depth == 2; }));
  o.depth = 1;
  o.kinds = {LinkKind::Version};
  const auto versions = find_xrefs(*linked().graph, {"cel-2014", {24, 0, 0, 0, 0}}, o);
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].link.to.str() == "cel-2023/art14");
}

TEST_CASE("What implements an article's earlier version implements the article too (xref showed it only at --depth 2)", "[xref][versions]") {
  // cel-2023 art 12 continues cel-2014 art 19, which the 2017 implementing rules' art 15 implements.
  const auto in12 = find_xrefs(*linked().graph, {"cel-2023", {12, 0, 0, 0, 0}}, {XrefDirection::In, {}, 1});
  const auto rules15 = std::find_if(in12.begin(), in12.end(), [](const XrefHit& h) { return h.link.from.str() == "cel-rules-2017/art15"; });
  REQUIRE(rules15 != in12.end());
  CHECK(rules15->link.kind == LinkKind::Implements);
  CHECK(rules15->depth == 1);
  CHECK(rules15->via.str() == "cel-2014/art19");
  // A link pointing at the article itself has no via; asking for version links only adds none.
  for (const XrefHit& h : in12)
    if (h.link.to.law == "cel-2023") CHECK(h.via.law.empty());
  const auto versions_only = find_xrefs(*linked().graph, {"cel-2023", {12, 0, 0, 0, 0}}, {XrefDirection::In, {LinkKind::Version}, 1});
  CHECK(std::all_of(versions_only.begin(), versions_only.end(), [](const XrefHit& h) { return h.link.kind == LinkKind::Version && h.via.law.empty(); }));
  // Outgoing only: none of them (cel-2023 implements no law).
  const auto out12 = find_xrefs(*linked().graph, {"cel-2023", {12, 0, 0, 0, 0}}, {XrefDirection::Out, {}, 1});
  CHECK(std::none_of(out12.begin(), out12.end(), [](const XrefHit& h) { return !h.via.law.empty(); }));
}

TEST_CASE("What implements an earlier version implements it as it stands today (xref --out showed only the 2014 article)", "[xref][versions]") {
  // The 2017 rules' art 15 implements cel-2014 art 19, which cel-2023 art 12 continues.
  const auto out15 = find_xrefs(*linked().graph, {"cel-rules-2017", {15, 0, 0, 0, 0}}, {XrefDirection::Out, {}, 1});
  const auto stored = std::find_if(out15.begin(), out15.end(), [](const XrefHit& h) { return h.link.to.str() == "cel-2014/art19"; });
  REQUIRE(stored != out15.end());
  CHECK(stored->via.law.empty());
  const auto today = std::find_if(out15.begin(), out15.end(), [](const XrefHit& h) { return h.link.to.str() == "cel-2023/art12"; });
  REQUIRE(today != out15.end());
  CHECK(today->link.kind == LinkKind::Implements);
  CHECK(today->link.from.law == "cel-rules-2017");
  CHECK(today->link.score == stored->link.score);  // the stored link's, not a new alignment
  CHECK(today->via.str() == "cel-2014/art19");
  CHECK(today->depth == 1);
  // Internal links only: nothing derived.
  const auto internal = find_xrefs(*linked().graph, {"cel-rules-2017", {15, 0, 0, 0, 0}}, {XrefDirection::Out, {LinkKind::Internal}, 1});
  CHECK(std::none_of(internal.begin(), internal.end(), [](const XrefHit& h) { return !h.via.law.empty(); }));
}

TEST_CASE("lawref xref, diff and compare on the command line", "[xref][cli]") {
  test::TempDir home;
  const test::Env env = core_env(home);
  auto r = test::run_lawref({"xref", "反间谍法第五十七条"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("cel-2023/art21") != std::string::npos);
  r = test::run_lawref({"xref", "cel-2023/art25/para2", "--out", "--json"}, env);
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out.substr(0, r.out.find('\n')))["to"]["id"] == "cel-2023/art25/para1");
  CHECK(test::run_lawref({"xref", "反间谍法第九十条"}, env).exit_code == 1);
  r = test::run_lawref({"show", "--xref", "反间谍法第二十一条"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("cited by / continued from:\n") != std::string::npos);
  CHECK(r.out.find("\n  反间谍法第五十七条第一款 (cel-2023/art57/para1)  [internal]") != std::string::npos);
  r = test::run_lawref({"show", "--xref", "--json", "cel-2023/art57"}, env);
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["links"][0]["to"]["id"] == "cel-2023/art21");
  CHECK(test::run_lawref({"xref", "第十四条"}, env).exit_code == 2);
  CHECK(test::run_lawref({"xref", "cel-2023/art1", "--depth", "9"}, env).exit_code == 2);
  CHECK(test::run_lawref({"xref", "cel-2023/art1", "--kind", "nonsense"}, env).exit_code == 2);

  // Regression: year-qualified names work outside show (the example of diff --help said "unknown law '年反间谍法'").
  r = test::run_lawref({"diff", "2014年反间谍法", "反间谍法", "--summary"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("cel-2014 → cel-2023", 0) == 0);
  CHECK(test::run_lawref({"xref", "2014年反间谍法", "--out", "--kind", "version"}, env).exit_code == 0);
  // Regression: diff wrote a dropped article's text cut inside a character.
  r = test::run_lawref({"diff", "cel-2014", "cel-2023"}, env);
  CHECK(r.exit_code == 0);
  CHECK(utf8::is_valid(r.out));
  r = test::run_lawref({"diff", "cel-2014", "cel-2023", "--summary"}, env);
  CHECK(r.out.find("]\n\n第") == std::string::npos);  // one mapping row a line, no blank lines between
  r = test::run_lawref({"diff", "cel-2014", "cel-2023", "--changed"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("第二十四条 → 第十四条") != std::string::npos);
  CHECK(r.out.find("{+获取、+}") != std::string::npos);
  r = test::run_lawref({"diff", "cel-2014", "cel-2023", "--json", "--summary"}, env);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["changes"].size() >= 30);
  CHECK(test::run_lawref({"diff", "cel-2014/art1", "cel-2023"}, env).exit_code == 2);

  r = test::run_lawref({"compare", "cel-rules-2017", "cel-2014"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("第十七条\t第二十四条\tcitation") != std::string::npos);
  r = test::run_lawref({"compare", "cel-2014/art24", "cel-2023/art14"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("[-和其他-]") != std::string::npos);
  CHECK(test::run_lawref({"compare", "cel-2014", "cel-2023/art14"}, env).exit_code == 2);
  // No index: a one-line error and exit 3.
  r = test::run_lawref({"xref", "cel-2023/art57"}, test::Env{{"LAWREF_HOME", home.path.string()}, {"LAWREF_DB", (home.path / "none").string()}});
  CHECK(r.exit_code == 3);
}

TEST_CASE("Exports parse with standard tools: JSONL, CSV, GraphML, dot", "[xref][export]") {
  test::TempDir home;
  const test::Env env = core_env(home);
  std::size_t total = 0;
  for (const auto& [kind, n] : linked().graph->counts()) total += n;
  REQUIRE(total > 50);

  auto r = test::run_lawref({"export", "xrefs", "--format", "jsonl"}, env);
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::size_t count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    const auto j = nlohmann::json::parse(line);  // throws on a malformed line
    REQUIRE(j.contains("from"));
    REQUIRE(j["from"].contains("law"));
    REQUIRE((j["to"].contains("law") || j["to"].contains("external")));
    REQUIRE(j.contains("kind"));
  }
  CHECK(count == total);

  r = test::run_lawref({"export", "xrefs", "--format", "csv", "--law", "cel-2014"}, env);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("kind,from,from_law,", 0) == 0);
  CHECK(r.out.find("\r\nversion,cel-2014/art24,cel-2014,24,,cel-2023/art14,") != std::string::npos);

  // GraphML: read back by networkx (installed by scripts/setup), edge for edge.
  const auto graphml = home.write("links.graphml", test::run_lawref({"export", "xrefs", "--format", "graphml"}, env).out);
  const auto edges = test::run_command(
      {"python3", "-c", "import networkx,sys; g=networkx.read_graphml(sys.argv[1]); print(g.number_of_edges())", graphml.string()});
  INFO(edges.err);
  REQUIRE(edges.exit_code == 0);
  std::size_t n = 0;
  std::istringstream(edges.out) >> n;
  CHECK(n == total);

  // dot renders.
  const auto dot = home.write("links.dot", test::run_lawref({"export", "xrefs", "--format", "dot", "--law", "cel-2023"}, env).out);
  const auto render = test::run_command({"dot", "-Tsvg", dot.string(), "-o", (home.path / "links.svg").string()});
  INFO(render.err);
  REQUIRE(render.exit_code == 0);
  CHECK(std::filesystem::file_size(home.path / "links.svg") > 1000);
  // Regression: the dot export set no CJK-capable font and labelled nodes with ids.
  const std::string dot_text = lawref::read_file(dot);
  CHECK(dot_text.find("fontname=\"Noto Sans CJK SC\"") != std::string::npos);
  CHECK(dot_text.find("\"cel-2023/art57/para1\" [label=\"反间谍法第五十七条第一款\"]") != std::string::npos);
  CHECK(lawref::read_file(home.path / "links.svg").find("反间谍法第五十七条") != std::string::npos);
  // Regression: export --law takes a name, as search --law does.
  CHECK(test::run_lawref({"export", "xrefs", "--law", "反间谍法"}, env).out == test::run_lawref({"export", "xrefs", "--law", "cel-2023"}, env).out);

  CHECK(test::run_lawref({"export", "xrefs", "--format", "xml"}, env).exit_code == 2);
  CHECK(test::run_lawref({"export", "xrefs", "--law", "no-such-law"}, env).exit_code == 1);
}

TEST_CASE("The Constitution is cited as lawyers write it: 根据宪法, 遵守宪法和法律", "[xref][links]") {
  // The core texts do not bundle the Constitution: its registry entry is the link's target all the same.
  const auto& out = linked().graph->outgoing("cel-2023");
  CHECK(std::any_of(out.begin(), out.end(), [](const Link& l) {
    return l.kind == LinkKind::External && l.from.path.article == 1 && l.to.law == "constitution-2018" && l.evidence == "宪法";
  }));
  const auto& nil = linked().graph->outgoing("nil-2018");
  CHECK(std::count_if(nil.begin(), nil.end(), [](const Link& l) { return l.to.law == "constitution-2018"; }) >= 2);  // art 1, and art 6 (遵守宪法和法律)
  const auto& in = linked().graph->incoming("constitution-2018");
  CHECK(in.size() >= 10);
}

TEST_CASE("Regression: an old article continued in part of a new one is not called dropped", "[xref][links]") {
  // cel-2014 art 30 (obstructing state security officers) lives on as item (三) of cel-2023 art 60;
  // diff used to list it as dropped.
  const auto& out = linked().graph->outgoing("cel-2014");
  CHECK(std::any_of(out.begin(), out.end(), [](const Link& l) {
    return l.kind == LinkKind::Version && l.from.path.article == 30 && l.to.law == "cel-2023" && l.to.path.article == 60;
  }));
  const LawText* before = linked().store->text("cel-2014", "zh");
  const LawText* after = linked().store->text("cel-2023", "zh");
  const RevisionDiff d = diff_revision(*before, *after, out);
  CHECK(std::none_of(d.dropped.begin(), d.dropped.end(), [](const Article* a) { return a->number == 30; }));
}

TEST_CASE("Regression: an interpretation re-adopted in December 2020 cites 民法典 articles, adopted but not yet in force (they were unresolved)", "[xref]") {
  // 技术合同纠纷 interpretation: adopted 2004-11-30, adopted again 2020-12-23 (the text read
  // here), citing 民法典 (adopted 2020-05-28, in force 2021-01-01).
  const auto file = test::lawrefbook_dir() / "司法解释" / "最高人民法院关于审理技术合同纠纷案件适用法律若干问题的解释(2020-12-29).md";
  test::TestIndex index({test::lawrefbook_dir() / "民法典", file});
  const LawInfo* interpretation = nullptr;
  for (const LawInfo& l : index.store->registry().laws())
    if (l.title_zh == "最高人民法院关于审理技术合同纠纷案件适用法律若干问题的解释") interpretation = &l;
  REQUIRE(interpretation);
  CHECK(interpretation->adopted == "2004-11-30");
  CHECK(interpretation->amended == std::vector<std::string>{"2020-12-23"});
  LinkGraph graph(*index.store);
  std::size_t to_code = 0, unresolved = 0;
  for (const Link& l : graph.outgoing(interpretation->id)) {
    if (l.kind == LinkKind::External && l.to.law == "minfadian") {
      ++to_code;
      if (l.to.path.article) CHECK(l.note == "cited on 2020-12-23, after its adoption (2020-05-28) and before it took effect (2021-01-01)");
    }
    if (l.kind == LinkKind::Unresolved && l.external.find("民法典") != std::string::npos) ++unresolved;
  }
  CHECK(to_code >= 10);
  CHECK(unresolved == 0);
}
