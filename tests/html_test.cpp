// The HTML pages (compare, the all-localities view, diff, a whole law, a provision with its
// graph): well-formed, anchors that resolve, nothing fetched from the network, and rendered
// by a real browser (Debian's headless Chromium, installed by scripts/setup) to a picture
// that is not blank. LAWREF_KEEP_PAGES=DIR keeps the pages and screenshots there to look at.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "display_width.h"
#include "file_io.h"
#include "html_page.h"
#include "html_provision.h"
#include "test_support.h"

using namespace lawref;

namespace {

// The national and local texts, indexed once for every test here.
test::TestIndex& indexed() {
  static test::TestIndex index({test::core_dir(), test::local_dir()});
  return index;
}

test::Env env_for(const test::TempDir& home) { return {{"LAWREF_HOME", home.path.string()}, {"LAWREF_DB", indexed().db.string()}}; }

void collect(const pugi::xml_node& node, std::set<std::string>& ids, std::vector<std::string>& local_hrefs, std::vector<std::string>& problems) {
  for (const pugi::xml_node& n : node.children()) {
    if (n.type() != pugi::node_element) continue;
    const std::string tag = n.name();
    for (const char* banned : {"script", "link", "img", "iframe", "object", "embed", "video", "audio", "source"})
      if (tag == banned) problems.push_back("<" + tag + "> element");
    for (const pugi::xml_attribute& a : n.attributes()) {
      const std::string name = a.name(), value = a.value();
      if (name == "id" && !ids.insert(value).second) problems.push_back("duplicate id " + value);
      if (name == "src" || name == "srcset") problems.push_back("resource attribute " + name + "=" + value);
      if (name.rfind("xmlns", 0) == 0) continue;  // namespace names are not fetched
      if (value.rfind("http:", 0) == 0 || value.rfind("https:", 0) == 0 || value.rfind("//", 0) == 0)
        problems.push_back("network reference " + name + "=" + value);
      if ((name == "href" || name == "xlink:href") && !value.empty() && value[0] == '#') local_hrefs.push_back(value.substr(1));
    }
    if (tag == "style") {
      const std::string css = n.child_value();
      if (css.find("url(") != std::string::npos || css.find("@import") != std::string::npos) problems.push_back("CSS fetches a resource");
    }
    collect(n, ids, local_hrefs, problems);
  }
}

// Well-formed (an HTML5 page lawref writes is also well-formed XML), every in-page link has
// its target, nothing is fetched from elsewhere. Returns the number of in-page links.
std::size_t check_page(const std::string& html) {
  const std::string doctype = "<!DOCTYPE html>\n";
  REQUIRE(html.rfind(doctype, 0) == 0);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(html.data() + doctype.size(), html.size() - doctype.size());
  INFO("parse error: " << parsed.description() << " at byte " << parsed.offset << ": "
                       << html.substr(doctype.size() + static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset - 80)), 160));
  REQUIRE(parsed);
  const pugi::xml_node root = doc.child("html");
  REQUIRE(root);
  CHECK(std::string(root.attribute("lang").value()) == "zh-Hans");
  CHECK(std::string(root.child("head").child("meta").attribute("charset").value()) == "utf-8");
  CHECK_FALSE(std::string(root.child("head").child_value("title")).empty());
  std::set<std::string> ids;
  std::vector<std::string> hrefs, problems;
  collect(root, ids, hrefs, problems);
  for (const std::string& p : problems) FAIL_CHECK(p);
  std::size_t unresolved = 0;
  for (const std::string& h : hrefs)
    if (!ids.count(h)) {
      if (++unresolved <= 5) FAIL_CHECK("href=\"#" << h << "\" has no matching id");
    }
  CHECK(unresolved == 0);
  return hrefs.size();
}

// Distinct rows of the PNG's image data (after inflating, before unfiltering): a picture of a
// single colour has at most ten (five filters, the first row apart), a page of text hundreds.
// Read with python3's zlib (scripts/setup installs python3 for the export tests).
struct PngFacts {
  int width = 0, height = 0, distinct_rows = 0;
};

PngFacts png_facts(const std::filesystem::path& png, const test::TempDir& dir) {
  const std::string script = R"py(
import struct, sys, zlib
d = open(sys.argv[1], 'rb').read()
assert d[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat = 8, b''
while pos < len(d):
    n, kind = struct.unpack('>I', d[pos:pos + 4])[0], d[pos + 4:pos + 8]
    body = d[pos + 8:pos + 8 + n]
    pos += 12 + n
    if kind == b'IHDR':
        w, h, depth, colour = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
raw = zlib.decompress(idat)
channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
stride = 1 + (w * channels * depth + 7) // 8
print(w, h, len({raw[i:i + stride] for i in range(0, len(raw), stride)}))
)py";
  const auto py = dir.write("png_facts.py", script);
  const test::CommandResult r = test::run_command({"python3", py.string(), png.string()});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  PngFacts f;
  std::istringstream(r.out) >> f.width >> f.height >> f.distinct_rows;
  return f;
}

// Headless Chromium renders the page to a PNG of 1280×2000 pixels.
std::filesystem::path screenshot(const std::filesystem::path& page, const test::TempDir& dir) {
  const auto png = std::filesystem::path(page).replace_extension(".png");
  const auto profile = dir.path / ("profile-" + page.stem().string());
  // Its output goes to files, not pipes: a helper process it leaves behind may hold them open.
  test::RunOptions logs;
  logs.stdout_path = dir.path / ("chromium-" + page.stem().string() + ".out");
  logs.stderr_path = dir.path / ("chromium-" + page.stem().string() + ".err");
  const test::CommandResult r = test::run_command({"timeout", "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                                   "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile.string(),
                                                   "--screenshot=" + png.string(), "--window-size=1280,2000", "file://" + page.string()},
                                                  logs);
  INFO("chromium: " << read_file(logs.stdout_path) << read_file(logs.stderr_path));
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::filesystem::exists(png));
  return png;
}

// Checks one page, renders it and checks the picture; keeps both when LAWREF_KEEP_PAGES is set.
void check_and_render(const std::string& html, const std::string& name, const test::TempDir& dir) {
  INFO("page " << name);
  check_page(html);
  const auto page = dir.write(name + ".html", html);
  const auto png = screenshot(page, dir);
  const PngFacts f = png_facts(png, dir);
  CHECK(f.width == 1280);
  CHECK(f.height == 2000);
  CHECK(f.distinct_rows > 200);  // text, not a blank or single-colour picture
  CHECK(std::filesystem::file_size(png) > 40'000);
  if (const char* keep = std::getenv("LAWREF_KEEP_PAGES"); keep && *keep) {
    std::filesystem::create_directories(keep);
    std::filesystem::copy_file(page, std::filesystem::path(keep) / page.filename(), std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(png, std::filesystem::path(keep) / png.filename(), std::filesystem::copy_options::overwrite_existing);
  }
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("HTML text is escaped and citations become links at their character offsets", "[page]") {
  CHECK(html::escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
  CHECK(html::escape(std::string("a\x01" "b\tc")) == "ab\tc");  // control characters HTML forbids are dropped
  CHECK(html::escape_lines("第一款\n<第二款>") == "第一款<br/>&lt;第二款&gt;");
  CHECK(glimpse("国家安全机关", 4) == "国家安全…");
  CHECK(glimpse("国家", 4) == "国家");
  // 本法第二十一条 stands at character 3 of the text (bytes would be 9).
  const std::string text = "违反本法第二十一条<规定>";
  CHECK(html::linked_text(text, {{2, 7, "#art_21", "反间谍法第二十一条"}}) ==
        "违反<a href=\"#art_21\" title=\"反间谍法第二十一条\">本法第二十一条</a>&lt;规定&gt;");
  // Unresolved names are marked, not linked; overlapping and out-of-range links are left out.
  CHECK(html::linked_text("依照《某某法》", {{2, 5, "", "unknown law"}, {3, 2, "#x", ""}, {6, 9, "#y", ""}}) ==
        "依照<span class=\"unresolved\" title=\"unknown law\">《某某法》</span>");
  const std::string page = html::page("t<", "<p>x</p>\n");
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"zh-Hans\">", 0) == 0);
  CHECK(has(page, "<title>t&lt;</title>"));
}

TEST_CASE("compare --html: Chongqing beside the Counter-Espionage Law, rendered in Chromium", "[html][browser]") {
  test::TempDir home;
  auto r = test::run_lawref({"compare", "cq-cer-2023", "cel-2023", "--html"}, env_for(home));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  // 重庆 art 16 beside 反间谍法第二十一条, its full text further down; art 18 has no counterpart.
  CHECK(has(r.out, "id=\"l-art_16\""));
  CHECK(has(r.out, "href=\"#n-art_21"));
  CHECK(has(r.out, "id=\"n-art_21\""));
  CHECK(has(r.out, "邮政管理部门受理快递业务经营许可申请后"));
  CHECK(has(r.out, "no counterpart in 反间谍法"));
  check_and_render(r.out, "compare-cq-cer-2023-cel-2023", home);

  CHECK(test::run_lawref({"compare", "cq-cer-2023", "cel-2023", "--html", "--json"}, env_for(home)).exit_code == 2);
  r = test::run_lawref({"compare", "cel-2014/art24", "cel-2023/art14", "--html"}, env_for(home));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find('\n') == r.err.size() - 1);  // one line
}

TEST_CASE("compare --locals --html: every locality of cel-2023 on one page", "[html][browser]") {
  test::TempDir home;
  auto r = test::run_lawref({"compare", "cel-2023", "--locals", "--html"}, env_for(home));
  REQUIRE(r.exit_code == 0);
  for (const char* law : {"cq-cer-2023", "jiangxi-cer-2024", "shanghai-ceprec-2021", "shaanxi-ceprec-2021", "sichuan-ceprec-2019",
                          "heilongjiang-ceprec-2019"})
    CHECK(has(r.out, std::string("id=\"loc-") + law + "\""));
  CHECK(has(r.out, "href=\"#jiangxi-cer-2024-art_36\""));  // 江西 art 36 restates art 25
  CHECK(has(r.out, "id=\"cel-2023-art_25\""));
  CHECK(has(r.out, "local addition"));
  check_and_render(r.out, "compare-cel-2023-locals", home);
  CHECK(test::run_lawref({"compare", "cel-2023", "--locals", "--html", "--csv"}, env_for(home)).exit_code == 2);
}

TEST_CASE("diff --html: cel-2014 → cel-2023 with insertions, deletions and contents by chapter", "[html][browser]") {
  test::TempDir home;
  auto r = test::run_lawref({"diff", "cel-2014", "cel-2023", "--html"}, env_for(home));
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "<ins>"));
  CHECK(has(r.out, "<del>"));
  CHECK(has(r.out, "<nav class=\"toc\">"));
  CHECK(has(r.out, "id=\"chp_1\""));
  CHECK(has(r.out, "id=\"old-art_24\""));  // 第二十四条 of 2014 beside 第十四条 of 2023
  CHECK(has(r.out, "<ins>获取、</ins>"));
  CHECK(has(r.out, ">new</span>"));
  check_and_render(r.out, "diff-cel-2014-cel-2023", home);
  CHECK(test::run_lawref({"diff", "cel-2014", "cel-2023", "--html", "--json"}, env_for(home)).exit_code == 2);
}

TEST_CASE("show LAW --html: cel-2023 in Chinese and English, anchored, linked, with its cited-by lists and graph", "[html][browser]") {
  test::TempDir home;
  auto r = test::run_lawref({"show", "cel-2023", "--html"}, env_for(home));
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "unofficial translation (lawref)"));
  CHECK(has(r.out, "id=\"art_57__para_1\""));
  CHECK(has(r.out, "id=\"art_4__para_1__point_3\""));
  CHECK(has(r.out, "lang=\"en\""));
  // Art 57 cites art 21 in its text; art 21 lists it as citing it; Chongqing implements art 21.
  CHECK(has(r.out, "<a href=\"#art_21\""));
  CHECK(has(r.out, "cq-cer-2023.html#art_16"));
  // Art 36 names the Cybersecurity Law, which this index does not hold: marked, not linked.
  CHECK(has(r.out, "class=\"unresolved\""));
  CHECK(has(r.out, "<svg"));
  CHECK(has(r.out, "Noto Sans CJK SC"));
  CHECK(check_page(r.out) > 50);  // citations, contents, cited-by lists
  check_and_render(r.out, "show-cel-2023", home);

  // The Chinese alone.
  r = test::run_lawref({"show", "cel-2023", "--html", "--lang", "zh"}, env_for(home));
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(has(r.out, "unofficial translation (lawref)."));
  check_page(r.out);

  CHECK(test::run_lawref({"show", "cel-2023", "--html", "--json"}, env_for(home)).exit_code == 2);
  CHECK(test::run_lawref({"show", "cel-2023", "nsl-2015", "--html"}, env_for(home)).exit_code == 2);
  CHECK(test::run_lawref({"show", "反间谍法第九十条", "--html"}, env_for(home)).exit_code == 1);
}

TEST_CASE("show PROVISION --html: an article with its neighbourhood drawn by Graphviz", "[html][browser]") {
  test::TempDir home;
  auto r = test::run_lawref({"show", "反间谍法第二十一条", "--html"}, env_for(home));
  REQUIRE(r.exit_code == 0);
  const std::size_t svg = r.out.find("<svg");
  REQUIRE(svg != std::string::npos);
  const std::string drawing = r.out.substr(svg, r.out.find("</svg>") - svg);
  CHECK(has(drawing, "第五十七条"));  // citations as labels, in a CJK font
  CHECK(has(drawing, "Noto Sans CJK SC"));
  CHECK(has(drawing, "cel-2023.html#art_57"));
  check_and_render(r.out, "show-cel-2023-art21", home);
}

TEST_CASE("show PROVISION --html: what implements the article's earlier version says through which", "[html]") {
  test::TempDir home;
  const auto r = test::run_lawref({"show", "cel-2023/art12", "--html"}, env_for(home));
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "上海市反间谍安全防范条例第五条"));  // made under the 2014 law
  CHECK(has(r.out, "(through <a href=\"cel-2014.html#art_19\">反间谍法（2014）第十九条</a>, an earlier version)"));
}
