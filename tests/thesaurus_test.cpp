// The Chinese thesaurus (data/thesaurus.tsv) against the statute texts: every statute term it
// names is in a text of the corpus, and its entries read everyday words as the statutes' terms.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "file_io.h"
#include "search.h"
#include "test_support.h"
#include "thesaurus.h"
#include "utf8.h"

using namespace lawref;

namespace {

// The Chinese texts of core/ and local/, whitespace taken out (a term may be wrapped across lines).
const std::string& corpus_text() {
  static const std::string text = [] {
    std::string all;
    for (const auto& dir : {test::core_dir(), test::local_dir()})
      for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 6 || name.compare(name.size() - 6, 6, ".zh.md") != 0) continue;
        for (char c : read_file(entry.path()))
          if (c != ' ' && c != '\n' && c != '\r' && c != '\t') all.push_back(c);
      }
    return all;
  }();
  return text;
}

// The left column (the statute terms) of every entry of data/thesaurus.tsv.
std::vector<std::string> statute_terms_of_the_file() {
  const std::string tsv = read_file(std::filesystem::path(LAWREF_SOURCE_DIR) / "data" / "thesaurus.tsv");
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < tsv.size()) {
    std::size_t end = tsv.find('\n', start);
    if (end == std::string::npos) end = tsv.size();
    const std::string line = tsv.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const std::string left = line.substr(0, line.find('\t'));
    for (std::size_t from = 0; from <= left.size();) {
      std::size_t bar = left.find('|', from);
      if (bar == std::string::npos) bar = left.size();
      if (bar > from) out.push_back(left.substr(from, bar - from));
      from = bar + 1;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Every statute term of the thesaurus is in a text of the corpus", "[thesaurus][local]") {
  const std::vector<std::string> terms = statute_terms_of_the_file();
  REQUIRE(terms.size() > 150);
  for (const std::string& term : terms) {
    INFO(term);
    CHECK(corpus_text().find(term) != std::string::npos);
  }
}

TEST_CASE("Thesaurus entries: everyday words and other names read as the statutes' terms", "[thesaurus]") {
  static const struct {
    const char* word;
    std::vector<const char*> terms;
  } rows[] = {
      // A vehicle is a means of transport (反间谍法 art 42: 优先乘坐公共交通工具).
      {"车辆", {"交通工具"}},
      {"汽车", {"交通工具"}},
      {"交通工具", {}},  // the statute term, alone in its concept
      // 11月1日 is 反间谍法宣传日 in Shaanxi's regulations and 反间谍法颁布实施纪念日 in Sichuan's.
      {"反间谍法宣传日", {"反间谍法颁布实施纪念日"}},
      {"反间谍法颁布实施纪念日", {"反间谍法宣传日"}},
      {"反间谍法纪念日", {"反间谍法宣传日", "反间谍法颁布实施纪念日"}},
      // WeChat is a device's app and a public network (保守国家秘密法 art 29: 在互联网及其他公共
      // 信息网络或者有线和无线通信中传递国家秘密); a word on two lines stands for both.
      {"微信", {"公共信息网络", "有线和无线通信", "电子通信工具", "电子设备", "通信工具", "计算机设备"}},
      // Round eleven. A courier firm is a logistics operator (反间谍法 art 41: 邮政、快递等物流运营单位).
      {"快递公司", {"物流运营单位", "邮政、快递"}},
      // The residents' and villagers' committees, by their short names.
      {"居委会", {"居民委员会", "村民委员会", "居(村)民委员会"}},  // folded: ASCII parentheses
      // A law's purpose is its first article's 为了…，制定本法.
      {"立法目的", {"制定本法", "制定本条例", "制定本办法", "制定本规定"}},
      // Taking effect is 施行 (本法自…起施行).
      {"生效", {"施行"}},
      // A meeting (保守国家秘密法 art 38: 举办会议…涉及国家秘密的); knowing (反间谍法 art 54: 明知他人实施
      // 间谍行为); already known to the authorities (举报奖励办法 art 8: 事先未被国家安全机关掌握).
      {"开会", {"会议"}},
      {"知道", {"明知"}},
      {"早就知道", {"掌握"}},
      // Not carrying out a duty (反间谍法 art 56: 未履行反间谍安全防范义务).
      {"没落实", {"未履行", "不履行", "未落实"}},
      // Secret work, and entrusting it to a firm (保守国家秘密法 art 42: 委托企业事业单位从事涉及国家秘密的业务).
      {"涉密业务", {"涉及国家秘密业务", "涉及国家秘密的业务"}},
      {"外包", {"委托"}},
      // Funds (举报奖励办法 art 18: 奖励经费…纳入…部门预算).
      {"资金", {"经费", "预算"}},
      {"经费", {"预算"}},  // round twelve: funds are provided through the budget (黑龙江 art 34: 纳入…预算统筹保障)
      // The army is among the armed forces (国家安全法 art 18, 38: 武装力量); to collect is 搜集 as
      // well as 收集 (国家情报法 art 11: 搜集和处理…情报); to tell the truth is 如实提供 (反间谍法 art 32).
      {"军队", {"武装力量"}},
      {"收集", {"搜集"}},
      {"如实说", {"如实提供"}},
      // Round twelve: the Party is 中国共产党 (国家安全法 art 15); the statutes say 应当, never 应该; an
      // ordinary computer is a 非涉密信息设备 (保守国家秘密法 art 31); filming is 录音录像 (反间谍法 art 31).
      {"党", {"中国共产党"}},
      {"应该", {"应当"}},
      {"普通电脑", {"非涉密信息设备", "非涉密信息系统"}},
      {"全程录像", {"录音录像"}},
      // An exchange abroad is going abroad (出国（境）, folded with ASCII parentheses) to study or exchange
      // (黑龙江 art 31, 江西 art 24); the statutes' word for officials' misconduct is 违法失职行为 (国家安全法 art 82).
      {"出国交流", {"出境", "出国(境)", "出国(境)学习、交流", "学习、交流"}},
      {"渎职", {"滥用职权", "超越职权", "玩忽职守", "徇私舞弊", "违法失职行为"}},
      {"滥用职权", {"超越职权", "玩忽职守", "徇私舞弊", "违法失职行为"}},
      // Everyday words no tuning set uses, each an equivalence: 犯法 is 违法; relatives are 亲属; a post
      // on social media is on a public information network (保守国家秘密法 art 29).
      {"犯法", {"违法"}},
      {"违不违法", {"违法"}},
      {"亲戚", {"近亲属", "家属"}},
      {"朋友圈", {"公共信息网络", "有线和无线通信"}},
      // Round thirteen: a bank deposit is property information (反间谍法 art 29: 查询…相关财产信息;
      // 江西 art 42: 查询…涉案财产).
      {"银行存款", {"财产信息", "涉案财产"}},
      {"存款", {"财产信息", "涉案财产"}},
      // Officers (干警) are the organ's staff: 国家安全机关及其工作人员 (反间谍法 art 52).
      {"干警", {"工作人员"}},
  };
  for (const auto& row : rows) {
    INFO(row.word);
    std::vector<std::u32string> expected;
    for (const char* e : row.terms) expected.push_back(utf8::decode(e));
    CHECK(Thesaurus::builtin().statute_terms(utf8::decode(row.word)) == expected);
  }
}

TEST_CASE("Thesaurus entries bring the statutes' wording onto the page", "[thesaurus][search][local]") {
  test::TestIndex index({test::core_dir(), test::local_dir()});
  Searcher searcher(*index.store);
  const auto page = [&](const std::string& q) { return test::page_ids(searcher, q); };
  // 反间谍法 art 42 (priority on public transport) lacks 车辆 and 警灯: with 车辆 read as
  // 交通工具 it holds two of the three concepts.
  std::vector<std::string> ids = page("国安 车辆 警灯");
  CHECK(std::find(ids.begin(), ids.end(), "cel-2023/art42") != ids.end());
  // Sending secrets over WeChat: the bans on passing state secrets over public networks.
  ids = page("微信发涉密文件");
  CHECK(std::find(ids.begin(), ids.end(), "ssl-2024/art29") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "ssl-2024/art31") != ids.end());
  // Sichuan's regulations name the day otherwise.
  ids = page("地方性法规 反间谍法宣传日");
  CHECK(std::find(ids.begin(), ids.end(), "shaanxi-ceprec-2021/art15") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "sichuan-ceprec-2019/art29") != ids.end());
  // Round eleven: the committees' duties say 居民委员会、村民委员会 (neither on the page before).
  ids = page("居委会 村委会 反间谍 宣传");
  CHECK(std::find(ids.begin(), ids.end(), "heilongjiang-ceprec-2019/art23") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "sichuan-ceprec-2019/art22") != ids.end());
  // Couriers' duty to assist (反间谍法 art 41: 55th before).
  ids = page("快递公司 不配合 国安调查 会怎样");
  CHECK(std::find(ids.begin(), ids.end(), "cel-2023/art41") != ids.end());
  // The purpose clause (55th before).
  ids = page("反间谍法 立法目的");
  CHECK(std::find(ids.begin(), ids.end(), "cel-2023/art1") != ids.end());
  // Secrets at a meeting: 保守国家秘密法 art 38 first (8th before).
  ids = page("开会 涉及 国家秘密 要注意什么");
  REQUIRE(!ids.empty());
  CHECK(ids[0] == "ssl-2024/art38");
  // A duty not carried out: the penalty for units that fail the precautions (30th before).
  ids = page("单位 没落实 反间谍防范 怎么处罚");
  CHECK(std::find(ids.begin(), ids.end(), "cel-2023/art56") != ids.end());
  // Where the reward money comes from: the budget (16th before).
  ids = page("举报奖励 资金 从哪来");
  REQUIRE(!ids.empty());
  CHECK(ids[0] == "report-reward-2022/art18");
  // The army's tasks: 国家安全法 art 18 first (6th before), art 38 on the page (33rd before).
  ids = page("军队 维护国家安全 任务");
  REQUIRE(!ids.empty());
  CHECK(ids[0] == "nsl-2015/art18");
  CHECK(std::find(ids.begin(), ids.end(), "nsl-2015/art38") != ids.end());
  // Round twelve. The Party's leadership: 国家安全法 art 15 (坚持中国共产党的领导; 58th before).
  ids = page("党 对 国家安全工作 的领导");
  CHECK(std::find(ids.begin(), ids.end(), "nsl-2015/art15") != ids.end());
  // Secrets on an ordinary computer: 保守国家秘密法 art 31 (非涉密信息设备; 24th before).
  ids = page("用 普通电脑 处理 涉密文件");
  CHECK(std::find(ids.begin(), ids.end(), "ssl-2024/art31") != ids.end());
  // Filming a seizure: 反间谍法 art 31 (全过程进行录音录像) first (3rd before).
  ids = page("国安 扣押 要 全程录像吗");
  REQUIRE(!ids.empty());
  CHECK(ids[0] == "cel-2023/art31");
  // What one should do: the statutes' 应当 (no provision held 应该: the exact tier matched nothing).
  SearchOptions o;
  o.query = "发现 间谍 应该 报告";
  const SearchResult should = searcher.search(o);
  REQUIRE(!should.hits.empty());
  CHECK(should.hits[0].tier == SearchMode::Exact);
  // Briefing before trips abroad: 黑龙江 art 31 and 江西 art 24 say 出国（境） (12th and 14th before).
  ids = page("科研人员 出国交流 反间谍 教育");
  CHECK(std::find(ids.begin(), ids.end(), "heilongjiang-ceprec-2019/art31") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "jiangxi-cer-2024/art24") != ids.end());
  // The right to accuse officials of misconduct: 国家安全法 art 82 (检举…违法失职行为; 67th before).
  ids = page("举报 情报机构 滥用职权");
  CHECK(std::find(ids.begin(), ids.end(), "nsl-2015/art82") != ids.end());
  // 犯法 is 违法: the words tier matched nothing.
  o.query = "泄密 犯法吗";
  const SearchResult illegal = searcher.search(o);
  REQUIRE(!illegal.hits.empty());
  CHECK(illegal.hits[0].tier == SearchMode::Words);
  // A post on social media: 保守国家秘密法 art 29 (no 朋友圈 in any text: nothing but the `any` tier).
  ids = page("朋友圈 发 涉密文件");
  CHECK(std::find(ids.begin(), ids.end(), "ssl-2024/art29") != ids.end());
  // Who funds the work: 黑龙江 art 34 (纳入同级政府部门预算统筹保障; 30th before).
  ids = page("反间谍 经费 由谁保障");
  CHECK(std::find(ids.begin(), ids.end(), "heilongjiang-ceprec-2019/art34") != ids.end());
}
