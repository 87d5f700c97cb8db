// The lawref binary as users and scripts meet it: outputs, JSON shape and exit codes.
#include <catch2/catch.hpp>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

#include "file_io.h"
#include "test_support.h"

using lawref::test::run_lawref;
using lawref::test::TempDir;

namespace {

lawref::test::Env home_env(const TempDir& home) { return {{"LAWREF_HOME", home.path.string()}, {"LAWREF_SOURCES", ""}}; }

std::string synthetic_regulation(int articles) {
  std::string s = "# 重庆市反间谍工作条例\n\n2023年7月27日 会议通过\n\n";
  for (int i = 1; i <= articles; ++i) s += "第" + std::to_string(i) + "条 合成测试文本，并非条例原文。\n\n";
  return s;
}

}  // namespace

TEST_CASE("lawref laws --json lists the core and local laws with their fields", "[cli]") {
  TempDir home;
  const auto r = run_lawref({"laws", "--json"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["count"] == 15);
  REQUIRE(j["laws"].size() == 15);
  std::set<std::string> ids;
  for (const auto& law : j["laws"]) {
    ids.insert(law["id"].get<std::string>());
    for (const char* key : {"title", "short_names", "aliases", "issuing_body", "level", "jurisdiction", "dates", "superseded_by",
                            "source_file", "text_present", "articles"})
      CHECK(law.contains(key));
  }
  CHECK(ids == std::set<std::string>{"cel-2023", "cel-2014", "nsl-2015", "cel-rules-2017", "nil-2018", "ssl-2024",
                                     "report-reward-2022", "cq-cer-2023", "mss-precautions-2021", "jiangxi-cer-2024",
                                     "shanghai-ceprec-2021", "shaanxi-ceprec-2021", "sichuan-ceprec-2019", "heilongjiang-ceprec-2019",
                                     "constitution-2018"});
  // Every text is read, but the Constitution's (in lawrefbook/, not core/ or local/).
  for (const auto& law : j["laws"]) CHECK(law["text_present"] == (law["id"] != "constitution-2018"));
  const auto& cel = j["laws"][0];
  CHECK(cel["articles"] == 71);
  CHECK(cel["text_present"] == true);
  CHECK(cel["dates"]["effective"] == "2023-07-01");
  const auto& cel14 = j["laws"][1];
  CHECK(cel14["superseded_by"] == "cel-2023");
  CHECK(cel14["dates"]["in_force_until"] == "2023-07-01");
  const auto& cq = j["laws"][7];
  CHECK(cq["articles"] == 29);
  CHECK(cq["expected_articles"] == 29);
  CHECK(cq["jurisdiction"] == "chongqing");
  CHECK(cq["level"] == "local-regulation");
  CHECK(cq["status"] == "in-force");
  const auto& mss = j["laws"][8];
  CHECK(mss["id"] == "mss-precautions-2021");
  CHECK(mss["articles"] == 31);
  CHECK(mss["implements"][0] == "cel-2014");
  const auto& shaanxi = j["laws"][11];
  CHECK(shaanxi["id"] == "shaanxi-ceprec-2021");
  CHECK(shaanxi["status"] == "amended-since");
  CHECK(cel14["status"] == "superseded");
}

TEST_CASE("lawref laws prints a table", "[cli]") {
  TempDir home;
  const auto r = run_lawref({"laws"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("cel-2023") != std::string::npos);
  CHECK(r.out.find("cq-cer-2023") != std::string::npos);
  CHECK(r.out.find("heilongjiang-ceprec-2019 ") != std::string::npos);  // the widest id keeps its column
  CHECK(r.out.find("amended since") != std::string::npos);
  CHECK(r.out.find("superseded") != std::string::npos);
}

TEST_CASE("lawref check passes on the bundled corpus and fails on a broken one", "[cli]") {
  TempDir home;
  auto r = run_lawref({"check"}, home_env(home));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("28 texts checked: 28 ok, 0 with problems") != std::string::npos);  // 14 Chinese texts, 14 translations
  CHECK(r.out.find("ok      cq-cer-2023 (en): 29 articles; 69 of 69 paragraphs and items translated — unofficial translation (lawref)") !=
        std::string::npos);
  CHECK(r.out.find("ok      jiangxi-cer-2024 (en): 56 articles; 98 of 98 paragraphs and items translated — unofficial translation (lawref)") !=
        std::string::npos);
  CHECK(r.out.find("no English text") == std::string::npos);  // every core and provincial text has lawref's English

  TempDir sources;
  sources.write("cel-2023.zh.md", "# 中华人民共和国反间谍法\n第一条 合成。\n第三条 合成。\n");
  r = run_lawref({"check", "--sources", sources.path.string()}, home_env(home));
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("FAIL    cel-2023") != std::string::npos);
  CHECK(r.out.find("article numbers jump") != std::string::npos);

  r = run_lawref({"check", "--sources", "/nonexistent/lawref"}, home_env(home));
  CHECK(r.exit_code == 3);
}

TEST_CASE("lawref import refuses bad input with a one-line error and exit 2", "[cli]") {
  TempDir home, dir;
  const auto empty = dir.write("empty.md", "");
  auto r = run_lawref({"import", empty.string()}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == empty.string() + ": error: the file is empty\n");

  const auto cases = dir.write("case.md", "# 某案\n\n## 基本案情\n\n某事。\n");
  r = run_lawref({"import", cases.string()}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no articles") != std::string::npos);

  r = run_lawref({"import", "/nonexistent/x.md"}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lawref: source /nonexistent/x.md does not exist\n");

  r = run_lawref({"import", empty.string(), "--law", "Bad Id"}, home_env(home));
  CHECK(r.exit_code == 2);

  r = run_lawref({"import"}, home_env(home));
  CHECK(r.exit_code == 2);
  r = run_lawref({"frobnicate"}, home_env(home));
  CHECK(r.exit_code == 2);
  r = run_lawref({}, home_env(home));
  CHECK(r.exit_code == 2);
}

namespace {

// One entry of a section ("Options:", "Positionals:", "Subcommands:") of a CLI11 help text.
struct HelpEntry {
  std::string name;         // what stands before the description column: "--lang TEXT:{zh,en,both}", "show"
  std::string description;  // from that column, on the entry's line and the lines indented to it below
};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// The sections of a help text by title. CLI11 writes an entry as two spaces, its name, and its
// description from a fixed column (on the next line when the name reaches the column); the column
// is read from -h,--help, which every help lists.
std::map<std::string, std::vector<HelpEntry>> help_sections(const std::string& help) {
  std::vector<std::string> lines;
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::size_t column = std::string::npos;
  for (const std::string& line : lines)
    if (line.rfind("  -h,--help ", 0) == 0) column = line.find("Print this help message");
  REQUIRE(column != std::string::npos);
  std::map<std::string, std::vector<HelpEntry>> sections;
  std::string section;
  for (const std::string& line : lines) {
    if (line.empty()) {
      section.clear();
    } else if (line[0] != ' ' && line.back() == ':') {
      section = line.substr(0, line.size() - 1);
    } else if (!section.empty() && line.size() > column && line.compare(0, column, std::string(column, ' ')) == 0) {
      auto& entries = sections[section];
      REQUIRE_FALSE(entries.empty());  // a continuation of the entry above
      entries.back().description += (entries.back().description.empty() ? "" : " ") + line.substr(column);
    } else if (!section.empty() && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
      const bool described_here = line.size() > column && line[column - 1] == ' ' && line[column] != ' ';
      sections[section].push_back({trim(described_here ? line.substr(0, column) : line), described_here ? line.substr(column) : ""});
    }
  }
  return sections;
}

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += " " + w;
  return s;
}

}  // namespace

// The subcommands are the ones `lawref --help` lists (and those their own --help lists, at any
// depth), so a new subcommand is checked without an edit here, and one without a description fails.
TEST_CASE("Every subcommand lawref --help lists has --help: exit 0, its name, a description of it and of every option", "[cli]") {
  // Command paths below lawref ({} is lawref itself), with the description their parent lists.
  std::vector<std::pair<std::vector<std::string>, std::string>> pending = {{{}, ""}};
  std::set<std::string> seen;
  while (!pending.empty()) {
    const auto [path, listed] = pending.back();
    pending.pop_back();
    INFO("lawref" << joined(path) << " --help");
    std::vector<std::string> args = path;
    args.push_back("--help");
    const auto r = run_lawref(args);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    const std::string usage = "Usage: lawref" + joined(path) + " ";
    CHECK((r.out.rfind(usage, 0) == 0 || r.out.find("\n" + usage) != std::string::npos));
    if (!path.empty()) CHECK(r.out.rfind(trim(listed) + "\n", 0) == 0);  // its own help starts with what the list says
    const auto sections = help_sections(r.out);
    REQUIRE(sections.count("Options"));
    for (const char* kind : {"Options", "Positionals"}) {
      if (!sections.count(kind)) continue;
      for (const HelpEntry& e : sections.at(kind)) {
        INFO(kind << ": " << e.name);
        CHECK_FALSE(e.name.empty());
        CHECK_FALSE(trim(e.description).empty());
      }
    }
    if (path.empty()) {
      // What this test walks: the list must be there and be read (show and search are in it).
      REQUIRE(sections.count("Subcommands"));
      std::set<std::string> names;
      for (const HelpEntry& e : sections.at("Subcommands")) names.insert(e.name);
      CHECK(names.count("show"));
      CHECK(names.count("search"));
    }
    if (!sections.count("Subcommands")) continue;
    for (const HelpEntry& sub : sections.at("Subcommands")) {
      INFO("subcommand " << sub.name);
      CHECK(sub.name.find(' ') == std::string::npos);
      CHECK_FALSE(trim(sub.description).empty());
      std::vector<std::string> next = path;
      next.push_back(sub.name);
      if (seen.insert(joined(next)).second) pending.push_back({next, sub.description});
    }
  }
  CHECK(seen.size() >= 10);  // laws check import show index search xref compare diff export, today
}

TEST_CASE("Importing the Chongqing regulation's text just works, and the catalog then has it", "[cli]") {
  TempDir home, dir;
  const auto file = dir.write("cq-official.md", synthetic_regulation(29));
  auto r = run_lawref({"import", file.string(), "--law", "cq-cer-2023"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("imported cq-cer-2023 (zh): 29 articles, 0 chapters") != std::string::npos);
  const auto xml_path = home.path / "imported" / "cq-cer-2023.zh.xml";
  REQUIRE(std::filesystem::exists(xml_path));
  pugi::xml_document doc;
  REQUIRE(doc.load_file(xml_path.c_str()));
  CHECK(std::string(doc.select_node("//FRBRcountry").node().attribute("value").value()) == "cn-cq");

  r = run_lawref({"laws", "--json"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["laws"][7]["id"] == "cq-cer-2023");
  CHECK(j["laws"][7]["text_present"] == true);
  CHECK(j["laws"][7]["articles"] == 29);
  // lawref's translation was made for the bundled text: check says where it no longer fits the imported one.
  r = run_lawref({"check"}, home_env(home));
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("FAIL    cq-cer-2023 (en)") != std::string::npos);
  CHECK(r.out.find("translation: art4: 1 paragraph in the original, 3 in the translation") != std::string::npos);
}

TEST_CASE("A text that disagrees with the registry imports with a warning", "[cli]") {
  TempDir home, dir;
  const auto file = dir.write("cq.md", synthetic_regulation(3));
  const auto r = run_lawref({"import", file.string(), "--law", "cq-cer-2023", "--dry-run"}, home_env(home));
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("warning: registry says 29 articles, the text has 3") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(home.path / "imported"));
}

TEST_CASE("import -o - writes the XML to standard output, and GB18030 is converted and said", "[cli]") {
  TempDir home, dir;
  const auto file = dir.write("gb.md", lawref::test::encode_as("# 示例法\n第一条 合成。\n第二条 合成。\n", "GB18030"));
  const auto r = run_lawref({"import", file.string(), "-o", "-"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("converted from GB18030 to UTF-8") != std::string::npos);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(r.out.c_str()));
  CHECK(doc.select_node("//article[@eId='art_2']"));
}

TEST_CASE("A folder import prints a grouped summary and exits 2 when a file is refused", "[cli]") {
  TempDir home, dir;
  dir.write("a.md", "# 甲法\n第一条 合成。\n");
  dir.write("b.md", "# 乙法\n第一条 合成。\n第三条 合成。\n");
  dir.write("c.md", "");
  const auto r = run_lawref({"import", "--dry-run", dir.path.string()}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("3 files: 1 imported cleanly, 0 imported with warnings, 2 refused") != std::string::npos);
  CHECK(r.out.find("article-gap") != std::string::npos);
  CHECK(r.out.find("empty") != std::string::npos);
}

TEST_CASE("lawref show prints the provision with its header", "[cli][show]") {
  TempDir home;
  const auto r = run_lawref({"show", "反间谍法第十四条"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("反间谍法第十四条  CEL Art. 14  cel-2023/art14\n中华人民共和国反间谍法", 0) == 0);
  CHECK(r.out.find("第二章 安全防范 · in force since 2023-07-01") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("lawref show: exit 1 for not found, 2 for unparsable, errors on one line", "[cli][show]") {
  TempDir home;
  auto r = run_lawref({"show", "反间谍法第七十二条"}, home_env(home));
  CHECK(r.exit_code == 1);
  CHECK(r.err == "lawref: 反间谍法第七十二条: no article 72 in 反间谍法 (cel-2023 has 71 articles)\n");
  CHECK(r.out.empty());
  r = run_lawref({"show", "网络安全法第一条"}, home_env(home));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("did you mean 国家安全法 (nsl-2015)") != std::string::npos);
  r = run_lawref({"show", "第十四条"}, home_env(home));
  CHECK(r.exit_code == 2);
  r = run_lawref({"show", ""}, home_env(home));
  CHECK(r.exit_code == 2);
  r = run_lawref({"show", "--as-of", "yesterday", "反间谍法第一条"}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lawref: --as-of needs a YYYY-MM-DD date, not 'yesterday'\n");
  r = run_lawref({"show", "反间谍法\001第一条"}, home_env(home));
  CHECK(r.exit_code == 2);
  r = run_lawref({"show", std::string(5000, 'x')}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("citation too long (5000 characters") != std::string::npos);
}

TEST_CASE("lawref show reads citations from standard input and writes JSON lines", "[cli][show]") {
  TempDir home;
  const auto r = run_lawref({"show", "--json"}, home_env(home), "反间谍法第一条\n\n# a comment\nCEL art. 4(1)(3)\nNSL 999\n");
  CHECK(r.exit_code == 1);  // one was not found
  std::vector<nlohmann::json> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = r.out.find('\n', start)) != std::string::npos; start = nl + 1)
    lines.push_back(nlohmann::json::parse(r.out.substr(start, nl - start)));
  // Regression: one JSON line per input line, in order, each naming its input; a failure is a line with its error.
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["input"] == "反间谍法第一条");
  CHECK(lines[2]["input"] == "NSL 999");
  CHECK(lines[2]["status"] == "not-found");
  CHECK(lines[2]["error"].get<std::string>().rfind("no article 999", 0) == 0);
  // The 款/项 structure as well as the joined text.
  CHECK(lines[1]["paragraphs"]["zh"][0]["number"] == 1);
  CHECK(lines[1]["paragraphs"]["zh"][0]["items"][0]["num"] == "（三）");
  CHECK(lines[1]["paragraphs"]["en"][0]["items"][0]["num"] == "(3)");
  CHECK(lines[0]["id"] == "cel-2023/art1");
  CHECK(lines[1]["id"] == "cel-2023/art4/para1/item3");
  for (const char* key : {"id", "law", "article", "paragraph", "item", "citation", "chapter", "text", "in_force"})
    CHECK(lines[1].contains(key));
  CHECK(lines[1]["text"]["en"].get<std::string>().rfind("(3) ", 0) == 0);  // lawref's translation, with its source
  CHECK(lines[1]["source"]["en"] == "unofficial translation (lawref)");
  CHECK(lines[1]["source"]["zh"] == "cel-2023.zh.md");
  CHECK(r.err.find("NSL 999: no article 999") != std::string::npos);
}

TEST_CASE("lawref show: --as-of picks the version, unquoted words form one citation", "[cli][show]") {
  TempDir home;
  auto r = run_lawref({"show", "--as-of", "2020-01-01", "--json", "反间谍法第一条"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["law"] == "cel-2014");
  r = run_lawref({"show", "CEL", "art", "14"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("cel-2023/art14") != std::string::npos);
  r = run_lawref({"show", "反间谍法第一条", "NSL", "77"}, home_env(home));  // NSL and 77 stand alone? 77 does not
  CHECK(r.exit_code != 0);
}

TEST_CASE("lawref show --context marks the cited paragraph in its article", "[cli][show]") {
  TempDir home;
  const auto r = run_lawref({"show", "--context", "CEL art. 25(2)"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\n  国家安全机关") != std::string::npos);
  CHECK(r.out.find("\n» 对依照前款规定") != std::string::npos);
}

TEST_CASE("lawref show of a law prints its outline, and --lang en says when no English text exists", "[cli][show]") {
  TempDir home;
  auto r = run_lawref({"show", "国家安全法"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("84 articles") != std::string::npos);
  CHECK(r.out.find("  第二节 情报信息  第五十一条–第五十四条") != std::string::npos);
  // Every bundled text has English now; a law of the user's own without one says so.
  TempDir own_home, sources;
  sources.write("test.zh.md", "# 某某省测试条例\n\n第一条 为了测试，制定本条例。\n");
  r = run_lawref({"show", "--lang", "en", "某某省测试条例第一条"}, {{"LAWREF_HOME", own_home.path.string()}, {"LAWREF_SOURCES", sources.path.string()}});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("no English text for moumoushengceshitiaoli; import a translation with: lawref import FILE --law moumoushengceshitiaoli --lang en") !=
        std::string::npos);
  // A provincial regulation has lawref's translation too.
  r = run_lawref({"show", "--lang", "en", "江西省反间谍工作条例第一条"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("English — unofficial translation (lawref); the Chinese text is authoritative") != std::string::npos);
  CHECK(r.out.find("no English text") == std::string::npos);
  // A core text has lawref's translation, headed as such.
  r = run_lawref({"show", "--lang", "en", "反间谍法第一条"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("English — unofficial translation (lawref); the Chinese text is authoritative") != std::string::npos);
  CHECK(r.out.find("Article 1") == std::string::npos);  // the text itself, not its heading line
}

TEST_CASE("lawref index is quiet when piped and lawref search answers from it", "[cli][search]") {
  TempDir home;
  auto r = run_lawref({"index"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(std::filesystem::is_symlink(home.path / "index"));

  r = run_lawref({"search", "--json", "快递"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["query"] == "快递");
  // The default index holds core/ and local/: the national article and the Chongqing licence
  // article; Jiangxi art 41 restates CEL art 41 and is folded under it (restated_by).
  std::set<std::string> hit_ids;
  for (const auto& h : j["hits"]) {
    hit_ids.insert(h["id"].get<std::string>());
    for (const auto& f : h["restated_by"]) hit_ids.insert(f["id"].get<std::string>());
  }
  REQUIRE(hit_ids.size() == j["total"]);
  CHECK(hit_ids.count("cel-2023/art41"));
  CHECK(hit_ids.count("cq-cer-2023/art18"));
  CHECK(hit_ids.count("jiangxi-cer-2024/art41"));
  auto national = std::find_if(j["hits"].begin(), j["hits"].end(), [](const auto& h) { return h["law"] == "cel-2023"; });
  REQUIRE(national != j["hits"].end());
  const auto& hit = *national;
  for (const char* key : {"id", "law", "article", "paragraph", "citation", "score", "snippet"}) CHECK(hit.contains(key));
  CHECK(hit["law"] == "cel-2023");
  CHECK(hit["article"] == 41);
  CHECK(hit["article"].is_number_integer());
  CHECK(hit["snippet"].get<std::string>().find("«快递»") != std::string::npos);
  // Folded provisions: printed under their national article on a terminal page; --no-fold lists them.
  r = run_lawref({"search", "快递"}, home_env(home));
  CHECK(r.out.find("\n   restated by: ") != std::string::npos);
  CHECK(r.out.find("江西省反间谍工作条例第四十一条 (Jiangxi Counter-Espionage Regulations Art. 41)") != std::string::npos);
  r = run_lawref({"search", "--no-fold", "快递"}, home_env(home));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("restated by") == std::string::npos);
  CHECK(r.out.find(". 江西省反间谍工作条例第四十一条 (Jiangxi Counter-Espionage Regulations Art. 41)") != std::string::npos);

  r = run_lawref({"search", "国家安全机关", "电子设备"}, home_env(home));
  CHECK(r.exit_code == 0);
  // The first hit, after the line saying the thesaurus's forms of 电子设备.
  CHECK(r.out.rfind("(电子设备 → ", 0) == 0);
  CHECK(r.out.find("\n1. 反间谍法第二十五条 (CEL Art. 25) ¶1  cel-2023/art25\n") != std::string::npos);

  r = run_lawref({"search", "\"机关国家\""}, home_env(home));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no provision matches") != std::string::npos);
  r = run_lawref({"search", "AND OR"}, home_env(home));
  CHECK(r.exit_code == 2);
  r = run_lawref({"search", "(快递"}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lawref: unbalanced '(' in the query\n");
  r = run_lawref({"search", "--level", "statute", "快递"}, home_env(home));
  CHECK(r.exit_code == 2);
  r = run_lawref({"search", "--limit", "0", "快递"}, home_env(home));
  CHECK(r.exit_code == 2);

  // show reads the index now, and answers exactly as from the sources.
  const auto from_index = run_lawref({"show", "--json", "CEL art. 4(1)(3)"}, home_env(home));
  const auto from_sources =
      run_lawref({"show", "--json", "--sources", lawref::test::core_dir().string(), "CEL art. 4(1)(3)"}, home_env(home));
  REQUIRE(from_index.exit_code == 0);
  CHECK(from_index.out == from_sources.out);
}

TEST_CASE("lawref show and laws with both --sources and --db say to give one (exit 2), not that the index is missing", "[cli][show]") {
  // Regression: the index existed, and show said "no index at" it; laws ignored --db.
  TempDir home;
  const std::string db = (home.path / "db").string();
  REQUIRE(run_lawref({"index", "-q", "--sources", lawref::test::core_dir().string(), "--db", db}, home_env(home)).exit_code == 0);
  const auto both = run_lawref({"show", "--sources", lawref::test::core_dir().string(), "--db", db, "CEL art. 14"}, home_env(home));
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("give one of the two") != std::string::npos);
  CHECK(both.err.find("no index at") == std::string::npos);
  CHECK(run_lawref({"show", "--db", db, "CEL art. 14"}, home_env(home)).exit_code == 0);
  CHECK(run_lawref({"show", "--sources", lawref::test::core_dir().string(), "CEL art. 14"}, home_env(home)).exit_code == 0);
  const auto missing = run_lawref({"show", "--db", (home.path / "nope").string(), "CEL art. 14"}, home_env(home));
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.find("no index at") != std::string::npos);
  // laws answered from the texts and left --db unused.
  const auto laws = run_lawref({"laws", "--sources", lawref::test::core_dir().string(), "--db", db}, home_env(home));
  CHECK(laws.exit_code == 2);
  CHECK(laws.err.find("give one of the two") != std::string::npos);
}

TEST_CASE("lawref search without an index says how to build one (exit 3)", "[cli][search]") {
  TempDir home;
  const auto r = run_lawref({"search", "快递"}, home_env(home));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("no index at") != std::string::npos);
  CHECK(r.err.find("lawref index") != std::string::npos);
}

TEST_CASE("Regression: commands that read the index alone do not offer --sources (it was silently ignored)", "[cli]") {
  TempDir home;
  const std::vector<std::vector<std::string>> commands = {
      {"search", "刑法"}, {"xref", "cel-2023/art1"}, {"diff", "cel-2014", "cel-2023"}, {"compare", "cel-2023", "--locals"}, {"export", "xrefs"}};
  for (std::vector<std::string> args : commands) {
    INFO(args[0]);
    args.insert(args.end(), {"--sources", "/tmp"});
    const auto r = run_lawref(args, home_env(home));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--sources") != std::string::npos);
  }
}

TEST_CASE("Regression: 'cross-border data transfer' is not read as border control", "[cli][search]") {
  TempDir home;
  REQUIRE(run_lawref({"index", "-q"}, home_env(home)).exit_code == 0);
  const auto r = run_lawref({"search", "--json", "cross-border data transfer"}, home_env(home));
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE_FALSE(j["expansions"].empty());  // cross border -> 境外, data -> 数据: a loop over nothing would pass
  for (const auto& e : j["expansions"]) CHECK(e.get<std::string>().find("边防") == std::string::npos);
}

TEST_CASE("Regression: ranges and lists of provisions print each provision (they exited 2)", "[cli][show]") {
  TempDir home;
  auto ids = [](const std::string& out) {
    std::vector<std::string> v;
    std::size_t start = 0;
    for (std::size_t nl; (nl = out.find('\n', start)) != std::string::npos; start = nl + 1)
      v.push_back(nlohmann::json::parse(out.substr(start, nl - start)).value("id", std::string("(error)")));
    return v;
  };
  auto r = run_lawref({"show", "--json", "反间谍法第十条至第十二条"}, home_env(home));
  CHECK(r.exit_code == 0);
  CHECK(ids(r.out) == std::vector<std::string>{"cel-2023/art10", "cel-2023/art11", "cel-2023/art12"});
  r = run_lawref({"show", "--json", "反间谍法第十四条、第十五条"}, home_env(home));
  CHECK(ids(r.out) == std::vector<std::string>{"cel-2023/art14", "cel-2023/art15"});
  r = run_lawref({"show", "--json", "CEL arts. 10-12"}, home_env(home));
  CHECK(ids(r.out).size() == 3);
  r = run_lawref({"show", "--json", "articles 10 to 11 of the National Security Law"}, home_env(home));
  CHECK(ids(r.out) == std::vector<std::string>{"nsl-2015/art10", "nsl-2015/art11"});
  r = run_lawref({"show", "反间谍法第一条至第二百条"}, home_env(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lawref: 反间谍法第一条至第二百条: a range of 200 articles; at most 100 at a time\n");
}

TEST_CASE("Regression: paging past the last hit says so (it printed nothing and exited 0)", "[cli][search]") {
  TempDir home;
  REQUIRE(run_lawref({"index", "-q"}, home_env(home)).exit_code == 0);
  const auto r = run_lawref({"search", "快递", "--offset", "100"}, home_env(home));
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("lawref: no more hits: ") == 0);
  CHECK(r.err.find("--offset 100 is past them") != std::string::npos);
}

TEST_CASE("Regression: an unknown command is named, with the nearest one (it said 'A subcommand is required')", "[cli]") {
  struct Row {
    std::vector<std::string> args;
    int exit_code;
    const char* err;
  };
  static const Row rows[] = {
      {{"serach", "x"}, 2, "lawref: unknown command 'serach'; did you mean 'search'? (see lawref --help)\n"},
      {{"comapre", "cel-2014", "cel-2023"}, 2, "lawref: unknown command 'comapre'; did you mean 'compare'? (see lawref --help)\n"},
      {{"exp"}, 2, "lawref: unknown command 'exp'; did you mean 'export'? (see lawref --help)\n"},
      {{"frobnicate"}, 2, "lawref: unknown command 'frobnicate' (see lawref --help)\n"},
  };
  for (const Row& row : rows) {
    INFO(row.args.front());
    const auto r = run_lawref(row.args);
    CHECK(r.exit_code == row.exit_code);
    CHECK(r.err == row.err);
    CHECK(r.out.empty());
  }
  // `lawref help` is the help, as in git and cargo; `lawref help show` the command's.
  auto r = run_lawref({"help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Exit codes:") != std::string::npos);
  r = run_lawref({"help", "show"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("--as-of") != std::string::npos);
}

TEST_CASE("Regression: show with no argument at a terminal prints usage instead of waiting", "[cli][show]") {
  // A pseudo-terminal as standard input: what a user who typed `lawref show` has.
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(grantpt(master) == 0);
  REQUIRE(unlockpt(master) == 0);
  const int terminal = open(ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
  REQUIRE(terminal >= 0);
  lawref::test::RunOptions options;
  options.stdin_fd = terminal;
  const auto r = run_lawref({"show"}, options);  // a regression waits here until ctest's timeout
  close(terminal);
  close(master);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("lawref: no citation given; usage: lawref show CITATION") == 0);
}

TEST_CASE("Regression: an index older than its sources says so and what to run (it served the old text with exit 0)", "[cli][show]") {
  TempDir home, dir;
  const std::string first = "# 合成测试条例\n\n2020年1月1日 合成测试会议通过\n\n第一条 合成测试文本，第一稿。\n";
  const auto file = dir.write("synthetic.md", first);
  const lawref::test::Env env = home_env(home);
  REQUIRE(run_lawref({"index", "-q", "--sources", dir.path.string()}, env).exit_code == 0);
  auto r = run_lawref({"show", "合成测试条例第一条"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());

  dir.write("synthetic.md", "# 合成测试条例\n\n2020年1月1日 合成测试会议通过\n\n第一条 合成测试文本，第二稿，已改。\n");
  r = run_lawref({"show", "合成测试条例第一条"}, env);
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("第一稿") != std::string::npos);  // the answer is the index's, and said to be stale
  CHECK(r.err.find("lawref: warning: ") == 0);
  CHECK(r.err.find(file.string() + " changed since the index was built; rebuild the index with: lawref index") != std::string::npos);
  r = run_lawref({"search", "合成测试"}, env);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("changed since the index was built") != std::string::npos);
  r = run_lawref({"show", "--html", "合成测试条例第一条"}, env);  // the page still comes, with the warning
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("第一稿") != std::string::npos);
  CHECK(r.err.find("changed since the index was built") != std::string::npos);

  REQUIRE(run_lawref({"index", "-q", "--sources", dir.path.string()}, env).exit_code == 0);
  r = run_lawref({"show", "合成测试条例第一条"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("第二稿") != std::string::npos);
  CHECK(r.err.empty());

  std::filesystem::remove(file);
  r = run_lawref({"show", "合成测试条例第一条"}, env);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(file.string() + " is gone since the index was built") != std::string::npos);
}

TEST_CASE("Regression: a text imported after the index was built is named with what to run (show said 'import it')", "[cli][show]") {
  TempDir home, dir, other;
  const lawref::test::Env env = home_env(home);
  other.write("synthetic.md", "# 合成测试条例\n\n2020年1月1日 合成测试会议通过\n\n第一条 合成测试文本。\n");
  REQUIRE(run_lawref({"index", "-q", "--sources", other.path.string()}, env).exit_code == 0);
  const auto file = dir.write("cq-official.md", synthetic_regulation(29));
  REQUIRE(run_lawref({"import", file.string(), "--law", "cq-cer-2023"}, env).exit_code == 0);
  auto r = run_lawref({"show", "重庆市反间谍工作条例第十八条"}, env);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find((home.path / "imported" / "cq-cer-2023.zh.xml").string() + " was imported after the index was built; rebuild the index with: lawref index") !=
        std::string::npos);
  REQUIRE(run_lawref({"index", "-q", "--sources", other.path.string()}, env).exit_code == 0);
  r = run_lawref({"show", "重庆市反间谍工作条例第十八条"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}

namespace {

// Words as a shell splits them, for the quoting the README uses ("…" and '…').
std::vector<std::string> shell_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (const char c : line) {
    if (quote) {
      if (c == quote) quote = 0;
      else word += c;
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (c == ' ') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

// The `lawref …` examples of the README: inline code spans (which may wrap over lines) and the
// lines of its sh blocks. Synopses with placeholders (CITATION, FILE, […], a|b) and bare command
// names are not examples.
std::vector<std::string> readme_examples() {
  const std::string readme = lawref::read_file(std::filesystem::path(LAWREF_SOURCE_DIR) / "README.md");
  std::vector<std::string> out;
  auto keep = [&](std::string e) {
    std::replace(e.begin(), e.end(), '\n', ' ');
    if (const std::size_t redirect = e.find(" > "); redirect != std::string::npos) e.erase(redirect);  // an output file
    for (const char* prefix : {"build/query/lawref ", "lawref "})
      if (e.rfind(prefix, 0) == 0) e.erase(0, std::string(prefix).size());
    const std::size_t space = e.find(' ');
    const std::string command = e.substr(0, space);
    static const std::set<std::string> answering = {"show", "search", "xref", "compare", "diff", "export", "laws"};
    if (!answering.count(command)) return;
    // `lawref show --json` names an option; an example names what to show (laws needs nothing).
    const std::vector<std::string> words = shell_words(e);
    if (command != "laws" && std::none_of(words.begin() + 1, words.end(), [](const std::string& w) { return w[0] != '-'; })) return;
    for (const char* placeholder : {"CITATION", "FILE", "LAW", "QUERY", "PATH", "DATE", "…", "[", "|", "<"})
      if (e.find(placeholder) != std::string::npos) return;
    if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  };
  bool in_sh = false;
  std::size_t start = 0;
  for (std::size_t nl; start < readme.size(); start = nl + 1) {
    nl = readme.find('\n', start);
    if (nl == std::string::npos) nl = readme.size();
    const std::string line = readme.substr(start, nl - start);
    if (line.rfind("```", 0) == 0) in_sh = !in_sh && line == "```sh";
    else if (in_sh) keep(line.substr(0, line.find("  #")));
  }
  for (std::size_t open = readme.find('`'); open != std::string::npos; open = readme.find('`', open + 1)) {
    if (readme.compare(open, 3, "```") == 0) {  // a fenced block: skip it whole
      open = readme.find("```", open + 3);
      if (open == std::string::npos) break;
      open += 2;
      continue;
    }
    const std::size_t close = readme.find('`', open + 1);
    if (close == std::string::npos) break;
    keep(readme.substr(open + 1, close - open - 1));
    open = close;
  }
  return out;
}

}  // namespace

TEST_CASE("Regression: every example the README gives runs and succeeds (a documented example broke unnoticed)", "[cli]") {
  const std::vector<std::string> examples = readme_examples();
  REQUIRE(examples.size() >= 15);
  TempDir home;
  REQUIRE(run_lawref({"index", "-q"}, home_env(home)).exit_code == 0);
  for (const std::string& example : examples) {
    INFO("lawref " << example);
    const auto r = run_lawref(shell_words(example), home_env(home));
    CHECK(r.exit_code == 0);
    CHECK_FALSE(r.out.empty());
  }
}

TEST_CASE("Regression: a statute file added to a source folder after the build is named, with what to run", "[cli][show]") {
  TempDir home, dir;
  const lawref::test::Env env = home_env(home);
  dir.write("a.md", "# 合成测试条例\n\n2020年1月1日 合成测试会议通过\n\n第一条 合成测试文本。\n");
  REQUIRE(run_lawref({"index", "-q", "--sources", dir.path.string()}, env).exit_code == 0);
  dir.write("notes.json", "{}");  // not a statute file: nothing to say
  auto r = run_lawref({"show", "合成测试条例第一条"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  dir.write("sub/b.md", "# 另一合成测试条例\n\n2021年1月1日 合成测试会议通过\n\n第一条 合成测试文本。\n");
  r = run_lawref({"show", "合成测试条例第一条"}, env);
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lawref: warning: " + std::filesystem::absolute(dir.path).string() + ": sub/ added since the index was built; rebuild the index with: lawref index\n");
  REQUIRE(run_lawref({"index", "-q", "--sources", dir.path.string()}, env).exit_code == 0);
  r = run_lawref({"show", "另一合成测试条例第一条"}, env);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}
