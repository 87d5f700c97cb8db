// The cross-link machinery on small synthetic statutes written for these tests: reference
// extraction, name resolution by date, alignment, the link record format and text diffs.
#include <catch2/catch.hpp>

#include <algorithm>

#include "article_alignment.h"
#include "link_builder.h"
#include "compressed_blob.h"
#include "links.h"
#include "reference_extractor.h"
#include "statute_parser.h"
#include "test_support.h"
#include "text_diff.h"
#include "utf8.h"

using namespace lawref;
using namespace lawref::links;

namespace {

using test::parse_law;

const char* kCiting = R"(# 测试条例

第一条 根据《中华人民共和国测试法》(以下简称《测试法》)，制定本条例。

第二条 管理部门应当依照本条例第五条、第六条和第七条的规定处理。

第三条 单位应当履行义务。

前款规定的义务包括报告。

前两款规定以外的事项，依照本条第一款办理。

第四条 违反本条例第二条至第三条规定的，依照刑法第一百一十条处罚；违反《测试法》第二条第二款的，依照《测试法》处理。

第五条 依照下列规定处罚：

（一）违反第三条第二款的，予以警告；

（二）有前项行为又违反《某某许可证》管理的，罚款。

第六条 违反本条例第五条第二项规定的，依照《不存在的法》处罚。

第七条 违反前条规定的，依照婚姻法第十七条处理。推进保密法治建设。

第八条 有下列情形之一的，处以罚款：

（一）甲；

（二）乙；

（三）丙。

存在第三项情形的，从重处罚。

有前款第（一）、（三）项情形的，加倍处罚。

第九条 违反本条例第八条第（一）、（三）项或者第三、四款的，依照第二条第一项至第三项处理。
)";

std::vector<Reference> refs_of(const std::string& text, const KnownNames& names = {}) {
  return extract_references(parse_law("t", text), names);
}

bool has(const std::vector<Reference>& refs, const std::string& from, const std::string& evidence, bool self, const std::string& name,
         const ProvisionPath& target) {
  return std::any_of(refs.begin(), refs.end(), [&](const Reference& r) {
    return r.from.str() == from && r.evidence == evidence && r.self == self && r.law_name == name && r.target == target;
  });
}

}  // namespace

TEST_CASE("References inside a text: 本法第N条, lists, ranges, 前款, 本条第一款", "[links]") {
  KnownNames names;
  names.add("刑法");
  names.add("保密法");
  const auto refs = refs_of(kCiting, names);
  CHECK(has(refs, "t/art2/para1", "本条例第五条、第六条和第七条", true, "", {5, 0, 0, 0, 0}));
  CHECK(has(refs, "t/art2/para1", "本条例第五条、第六条和第七条", true, "", {7, 0, 0, 0, 0}));
  CHECK(has(refs, "t/art3/para2", "前款", true, "", {3, 0, 1, 0, 0}));
  CHECK(has(refs, "t/art3/para3", "前两款", true, "", {3, 0, 1, 0, 0}));
  CHECK(has(refs, "t/art3/para3", "前两款", true, "", {3, 0, 2, 0, 0}));
  CHECK(has(refs, "t/art3/para3", "本条第一款", true, "", {3, 0, 1, 0, 0}));
  CHECK(has(refs, "t/art4/para1", "本条例第二条至第三条", true, "", {2, 0, 0, 0, 0}));
  CHECK(has(refs, "t/art4/para1", "本条例第二条至第三条", true, "", {3, 0, 0, 0, 0}));
  // A known name without brackets, and an alias defined by 以下简称.
  CHECK(has(refs, "t/art4/para1", "刑法第一百一十条", false, "刑法", {110, 0, 0, 0, 0}));
  CHECK(has(refs, "t/art4/para1", "《测试法》第二条第二款", false, "测试法", {2, 0, 2, 0, 0}));
  CHECK(has(refs, "t/art4/para1", "《测试法》", false, "测试法", {}));
  // An item's bare 第三条第二款 is this law's; 前项 is the item before.
  CHECK(has(refs, "t/art5/para1/item1", "第三条第二款", true, "", {3, 0, 2, 0, 0}));
  CHECK(has(refs, "t/art5/para1/item2", "前项", true, "", {5, 0, 1, 1, 0}));
  CHECK(has(refs, "t/art6/para1", "本条例第五条第二项", true, "", {5, 0, 0, 2, 0}));
  CHECK(has(refs, "t/art7/para1", "前条", true, "", {6, 0, 0, 0, 0}));
  // Numerals sharing one unit: 第（一）、（三）项, 第三、四款, 第一项至第三项.
  // The list goes on after 或者, still in article 8.
  const std::string list = "本条例第八条第（一）、（三）项或者第三、四款";
  CHECK(has(refs, "t/art9/para1", list, true, "", {8, 0, 0, 1, 0}));
  CHECK(has(refs, "t/art9/para1", list, true, "", {8, 0, 0, 3, 0}));
  CHECK_FALSE(has(refs, "t/art9/para1", list, true, "", {8, 0, 0, 2, 0}));
  CHECK(has(refs, "t/art9/para1", list, true, "", {8, 0, 3, 0, 0}));
  CHECK(has(refs, "t/art9/para1", list, true, "", {8, 0, 4, 0, 0}));
  CHECK(has(refs, "t/art9/para1", "第二条第一项至第三项", true, "", {2, 0, 0, 2, 0}));
  // A paragraph without items means the items of the paragraph before.
  CHECK(has(refs, "t/art8/para2", "第三项", true, "", {8, 0, 1, 3, 0}));
  CHECK(has(refs, "t/art8/para3", "前款第（一）、（三）项", true, "", {8, 0, 2, 1, 0}));
  CHECK(has(refs, "t/art8/para3", "前款第（一）、（三）项", true, "", {8, 0, 2, 3, 0}));
  // 婚姻法 is known to no one: its article is not this law's 第十七条.
  CHECK(has(refs, "t/art7/para1", "婚姻法第十七条", false, "婚姻法", {17, 0, 0, 0, 0}));
  CHECK_FALSE(std::any_of(refs.begin(), refs.end(), [](const Reference& r) { return r.self && r.target.article == 17; }));
  // 保密法治 is not the 保密法.
  CHECK_FALSE(std::any_of(refs.begin(), refs.end(), [](const Reference& r) { return r.law_name == "保密法"; }));
}

TEST_CASE("References are read with the citation grammar's limits", "[links]") {
  // Any readable number (citation_grammar.h): an article the law lacks is a link the graph flags
  // ("no such provision"), not a citation dropped. 之 before no numeral is no insertion.
  const auto refs = refs_of("# 法\n\n第一条 依照本法第二十万条、第二十条之一百和第二十条之规定。违反本法第100000000条的。\n");
  const std::string list = "本法第二十万条、第二十条之一百和第二十条";
  CHECK(has(refs, "t/art1/para1", list, true, "", {200000, 0, 0, 0, 0}));
  CHECK(has(refs, "t/art1/para1", list, true, "", {20, 100, 0, 0, 0}));
  CHECK(has(refs, "t/art1/para1", list, true, "", {20, 0, 0, 0, 0}));
  CHECK(refs.size() == 3);  // 第100000000条 is past the limit: no number, no reference
}

TEST_CASE("Evidence and offsets point at the phrase in the original text", "[links]") {
  const auto refs = refs_of("# 法\n\n第一条 甲。\n\n第二条 違反本法第一條規定的，處罰。\n");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].evidence == "本法第一條");  // Traditional as written, matched after folding
  CHECK(refs[0].offset == 2);
  CHECK(refs[0].target == ProvisionPath{1, 0, 0, 0, 0});
  CHECK(refs[0].line == 5);
}

TEST_CASE("Things that look like references are not: 第N次, 基本法, dates", "[links]") {
  const auto refs = refs_of("# 法\n\n第一条 第三次会议通过。依照香港特别行政区基本法第十八条。前述规定。\n");
  // The one reference is to the Basic Law, another law: 第三次 and 前述规定 are none.
  REQUIRE(refs.size() == 1);  // a loop over nothing would pass
  for (const Reference& r : refs) CHECK_FALSE(r.self);
  CHECK(refs[0].law_name == "香港特别行政区基本法");
  CHECK(refs[0].target.article == 18);
}

TEST_CASE("Names resolve to the version in force on the citing law's own date", "[links]") {
  Registry registry;
  auto law = [](const std::string& id, const std::string& work, const std::string& title, const std::string& date) {
    LawInfo l;
    l.id = id;
    l.work = work;
    l.title_zh = title;
    l.adopted = date;
    l.effective = date;
    return l;
  };
  LawInfo old_law = law("test-2010", "test", "中华人民共和国测试法", "2010-03-01");
  old_law.short_zh = {"测试法"};
  old_law.superseded_by = "test-2020";
  LawInfo new_law = law("test-2020", "test", "中华人民共和国测试法", "2020-03-01");
  new_law.short_zh = {"测试法"};
  new_law.supersedes = "test-2010";
  const LawInfo rules = law("rules-2015", "rules", "测试条例", "2015-06-01");
  registry.add(old_law);
  registry.add(new_law);
  registry.add(rules);
  const LawText t2010 = parse_law("test-2010", "# 中华人民共和国测试法\n\n第一条 甲乙丙丁。\n\n第二条 戊己庚辛。\n\n乙款。\n");
  const LawText t2020 = parse_law("test-2020", "# 中华人民共和国测试法\n\n第一条 甲乙丙丁。\n\n第二条 子丑寅卯。\n\n第三条 戊己庚辛壬癸。\n");
  const LawText trules = parse_law("rules-2015", kCiting);
  const std::map<std::string, const LawText*> texts = {{"test-2010", &t2010}, {"test-2020", &t2020}, {"rules-2015", &trules}};
  const std::vector<Link> all = build_links(registry, texts);
  // Heavy pairs run one at a time and in another order; the parts `lawref index` stores are the
  // same links in the same order. The version pair has 5 x 6 cells, the implementation pair over
  // 100: at 50 only the latter is heavy and runs first.
  for (const std::size_t heavy : {std::size_t{1}, std::size_t{50}, std::size_t{1'000'000}}) {
    LinkOptions options;
    options.heavy_pair_cells = heavy;
    std::vector<Link> joined;
    for (const std::vector<Link>& part : build_link_parts(registry, texts, options)) joined.insert(joined.end(), part.begin(), part.end());
    CAPTURE(heavy);
    CHECK(joined == all);
  }

  auto find = [&](LinkKind kind, const std::string& from, const std::string& to) {
    return std::find_if(all.begin(), all.end(), [&](const Link& l) {
      return l.kind == kind && l.from.str() == from && (l.to.law.empty() ? "" : l.to.str()) == to;
    });
  };
  // The 2015 rules cite the 2010 law (in force then), not today's.
  CHECK(find(LinkKind::External, "rules-2015/art4/para1", "test-2010/art2/para2") != all.end());
  CHECK(find(LinkKind::External, "rules-2015/art1/para1", "test-2010") != all.end());
  // An unknown law keeps its name; a licence in brackets is not a law at all.
  const auto unknown = find(LinkKind::Unresolved, "rules-2015/art6/para1", "");
  REQUIRE(unknown != all.end());
  CHECK(unknown->external == "不存在的法");
  CHECK(std::none_of(all.begin(), all.end(), [](const Link& l) { return l.external == "某某许可证"; }));
  // The rules implement the law their first article names; the revision is a version link.
  CHECK(find(LinkKind::Implements, "rules-2015/art4", "test-2010/art2") != all.end());
  CHECK(find(LinkKind::Version, "test-2010/art1", "test-2020/art1") != all.end());
  CHECK(find(LinkKind::Version, "test-2010/art2", "test-2020/art3") != all.end());
  const auto v = find(LinkKind::Version, "test-2010/art1", "test-2020/art1");
  CHECK(v->basis == LinkBasis::Same);
}

TEST_CASE("A law whose version then in force is missing: the whole law links to the next version, and a consolidated text's article too, with a note", "[links]") {
  LawInfo law;
  law.id = law.work = "test-2020";
  law.title_zh = "中华人民共和国测试法";
  law.short_zh = {"测试法"};
  law.adopted = "2000-01-01";  // first adopted long ago; this text is the 2020 version
  law.amended = {"2020-03-01"};
  law.effective = "2020-03-01";
  LawInfo citing;
  citing.id = citing.work = "reg-2015";
  citing.title_zh = "测试条例";
  citing.adopted = citing.effective = "2015-06-01";
  LawInfo early;
  early.id = early.work = "reg-1995";
  early.title_zh = "早期条例";
  early.adopted = early.effective = "1995-06-01";
  Registry registry;
  for (const LawInfo& l : {law, citing, early}) registry.add(l);
  const LawText tlaw = parse_law("test-2020", "# 中华人民共和国测试法\n\n第一条 甲乙丙丁。\n\n第二条 戊己庚辛。\n");
  const LawText treg = parse_law("reg-2015", "# 测试条例\n\n第一条 根据《中华人民共和国测试法》，制定本条例。\n\n第二条 违反《测试法》第二条的，处罚。\n\n第三条 戊己庚辛。\n");
  const LawText tearly = parse_law("reg-1995", "# 早期条例\n\n第一条 依照《中华人民共和国测试法》处理。\n");
  const auto all = build_links(registry, {{"test-2020", &tlaw}, {"reg-2015", &treg}, {"reg-1995", &tearly}});
  auto from = [&](const std::string& id) {
    return *std::find_if(all.begin(), all.end(), [&](const Link& l) { return l.from.str() == id && l.kind != LinkKind::Implements; });
  };
  const Link whole = from("reg-2015/art1/para1");
  CHECK(whole.kind == LinkKind::External);
  CHECK(whole.to.str() == "test-2020");
  CHECK(whole.note.find("not in the corpus; nearest: test-2020") != std::string::npos);
  // Regression (刑法 as amended through Amendment XII was cited by older texts as unresolved):
  // test-2020 is the law's only text, amended since its first adoption — a consolidated text
  // whose article 2 is the article cited, its wording then perhaps different.
  const Link article = from("reg-2015/art2/para1");
  CHECK(article.kind == LinkKind::External);
  CHECK(article.to.str() == "test-2020/art2");
  CHECK(article.note == "cited on 2015-06-01; test-2020 is the text as amended 2020-03-01: the article's wording then may differ");
  // Before the law was first adopted, a law of that name is some other law.
  CHECK(from("reg-1995/art1/para1").kind == LinkKind::Unresolved);
  // The regulation is aligned with the nearest version, and says so.
  // (art 2 through its citation of the consolidated text's art 2, art 3 by its content.)
  std::vector<Link> impl;
  std::copy_if(all.begin(), all.end(), std::back_inserter(impl), [](const Link& l) { return l.kind == LinkKind::Implements; });
  const auto cited = std::find_if(impl.begin(), impl.end(), [](const Link& l) { return l.from.str() == "reg-2015/art2"; });
  REQUIRE(cited != impl.end());
  CHECK(cited->basis == LinkBasis::Citation);
  CHECK(cited->to.str() == "test-2020/art2");
  const auto similar = std::find_if(impl.begin(), impl.end(), [](const Link& l) { return l.from.str() == "reg-2015/art3"; });
  REQUIRE(similar != impl.end());
  CHECK(similar->to.str() == "test-2020/art2");
  CHECK(similar->note.find("aligned with test-2020") == 0);
}

TEST_CASE("A bare 第N条 the citing text lacks belongs to the law the same text named", "[links]") {
  // A code of 101 articles, and an interpretation of 2 that cites it by name, then bare.
  std::string code = "# 中华人民共和国测试法典\n\n";
  for (int n = 1; n <= 101; ++n) code += article_num_zh(n, 0) + " 条文" + std::to_string(n) + "。\n\n";
  const LawText tcode = parse_law("code-2020", code);
  const LawText tji = parse_law("ji-2021", "# 关于适用测试法典的解释\n\n第一条 依照测试法典第一百条处理；构成第一百零一条规定情形的，从重。\n\n"
                                       "第二条 违反第一条规定的，依照本解释处理。\n");
  Registry registry;
  LawInfo code_info;
  code_info.id = code_info.work = "code-2020";
  code_info.title_zh = "中华人民共和国测试法典";
  code_info.short_zh = {"测试法典"};
  code_info.effective = code_info.adopted = "2020-01-01";
  LawInfo ji_info;
  ji_info.id = ji_info.work = "ji-2021";
  ji_info.title_zh = "关于适用测试法典的解释";
  ji_info.effective = ji_info.adopted = "2021-01-01";
  registry.add(code_info);
  registry.add(ji_info);
  const auto all = build_links(registry, {{"code-2020", &tcode}, {"ji-2021", &tji}});
  auto to = [&](const std::string& from, const std::string& target) {
    return std::find_if(all.begin(), all.end(), [&](const Link& l) { return l.from.str() == from && l.to.str() == target; });
  };
  REQUIRE(to("ji-2021/art1/para1", "code-2020/art100") != all.end());
  const auto bare = to("ji-2021/art1/para1", "code-2020/art101");
  REQUIRE(bare != all.end());
  CHECK(bare->kind == LinkKind::External);
  CHECK(bare->note.find("read as 测试法典") == 0);
  // A bare 第一条 the interpretation has is its own.
  CHECK(to("ji-2021/art2/para1", "ji-2021/art1") != all.end());
}

TEST_CASE("Version alignment follows content across renumbering and reports new and dropped articles", "[links]") {
  const LawText before = parse_law("a", "# 法\n\n第一条 国家建立健全反间谍工作协调机制。\n\n第二条 公民发现间谍行为应当及时报告。\n\n第三条 本法自公布之日起施行。\n");
  const LawText after = parse_law("b", "# 法\n\n第一条 任何个人和组织都不得非法获取国家秘密。\n\n第二条 公民发现间谍行为，应当及时向国家安全机关举报。\n\n"
                                   "第三条 国家建立健全反间谍工作协调机制。\n\n第四条 本法自2023年7月1日起施行。\n");
  const VersionAlignment v = align_versions(before, after);
  auto pair_of = [&](std::size_t from) {
    for (const ArticleMatch& m : v.matches)
      if (m.from == from) return static_cast<long>(m.to);
    return -1L;
  };
  CHECK(pair_of(0) == 2);
  CHECK(pair_of(1) == 1);
  CHECK(v.added == std::vector<std::size_t>{0});
  CHECK(v.matches.front().basis == LinkBasis::Same);
}

TEST_CASE("Link records round-trip through the index format", "[links]") {
  Link a;
  a.kind = LinkKind::External;
  a.from = {"cel-2023", {36, 0, 1, 0, 0}};
  a.to = {"wangluoanquanfa-2016", {}};
  a.external = "中华人民共和国网络安全法";
  a.evidence = "《中华人民共和国网络安全法》";
  a.line = 141;
  a.offset = 57;
  Link b;
  b.kind = LinkKind::Implements;
  b.from = {"cq-cer-2023", {3, 0, 0, 0, 0}};
  b.to = {"cel-2023", {20, 1, 0, 0, 0}};
  b.score = 0.625;
  b.basis = LinkBasis::Similarity;
  Link c;
  c.kind = LinkKind::Unresolved;
  c.from = {"x", {1, 0, 2, 3, 1}};
  c.external = "某法\t带制表符";
  c.note = "unknown law";
  const std::vector<Link> back = decode_links(encode_links({a, b, c}));
  REQUIRE(back.size() == 3);
  CHECK(back[0] == a);
  CHECK(back[1] == b);
  CHECK(back[2].external == "某法 带制表符");
  CHECK_THROWS(decode_links("nonsense\tline\n"));
  CHECK_THROWS(decode_links("internal\tx/art1\tx/artQ\t\t\t0\t0\t0\t\t\n"));
}

TEST_CASE("Character diffs mark insertions and deletions, and put the texts back together", "[links][diff]") {
  const std::string before = "任何个人和组织都不得非法持有属于国家秘密的文件、资料和其他物品。";
  const std::string after = "任何个人和组织都不得非法获取、持有属于国家秘密的文件、数据、资料、物品。";
  const auto d = diff_chars(before, after);
  CHECK(render_diff(d, false) == "任何个人和组织都不得非法{+获取、+}持有属于国家秘密的文件、{+数据、+}资料[-和其他-]{+、+}物品。");
  std::string left, right;
  for (const DiffSegment& s : d) {
    if (s.op != DiffSegment::Op::Insert) left += s.text;
    if (s.op != DiffSegment::Op::Delete) right += s.text;
  }
  CHECK(left == before);
  CHECK(right == after);
  CHECK(diff_chars("同", "同") == std::vector<DiffSegment>{{DiffSegment::Op::Equal, "同"}});
  CHECK(diff_similarity(diff_chars("", "")) == 1.0);
  CHECK(render_diff(diff_chars("", "新"), false) == "{+新+}");
}

TEST_CASE("compressed blobs round-trip and refuse damage", "[links][index]") {
  CHECK(lawref::decompress_blob(lawref::compress_blob("")) == "");
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "internal\tcel-2023/art" + std::to_string(i) + "\tcel-2023/art1\t\t\t0\t0\t0.000\t\t\n";
  const std::string blob = lawref::compress_blob(text);
  CHECK(blob.size() < text.size() / 5);
  CHECK(lawref::decompress_blob(blob) == text);
  CHECK_THROWS_AS(lawref::decompress_blob("ab"), lawref::BlobError);
  std::string damaged = blob;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x55);
  CHECK_THROWS_AS(lawref::decompress_blob(damaged), lawref::BlobError);
  std::string wrong_size = blob;
  wrong_size[0] = static_cast<char>(wrong_size[0] + 1);
  CHECK_THROWS_AS(lawref::decompress_blob(wrong_size), lawref::BlobError);
}

TEST_CASE("KnownNames finds the longest known name ending at a position", "[links]") {
  KnownNames names;
  CHECK(names.empty());
  names.add("刑法");
  names.add("中华人民共和国刑法");
  names.add("刑事诉讼法");
  names.add("诉讼");                  // two characters not ending in 法: not a name
  names.add("法");                    // one character: not a name
  names.add("中華人民共和國保守國家秘密法");  // folded when added: found in Simplified text
  CHECK_FALSE(names.empty());
  static const struct {
    std::u32string text;
    std::size_t end;
    std::size_t expected;
  } rows[] = {
      {U"依照刑法第一条", 4, 2},                // 刑法
      {U"依照中华人民共和国刑法", 11, 9},        // the longer of two names ending here
      {U"人民共和国刑法", 7, 2},                 // a longer name's tail is not a name: the shorter one
      {U"刑事诉讼法", 5, 5},
      {U"刑事诉讼法", 4, 0},                     // 诉讼 was refused
      {U"宪法", 2, 0},                           // unknown
      {U"法", 1, 0},
      {U"刑法", 0, 0},                           // nothing ends before the text starts
      {U"中华人民共和国保守国家秘密法", 14, 14},
      {U"国家秘密法", 5, 0},                     // only the full title was added
  };
  for (const auto& row : rows) {
    CAPTURE(utf8::encode(row.text), row.end);
    CHECK(names.longest_ending_at(row.text, row.end) == row.expected);
  }
}
