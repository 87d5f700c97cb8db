// The parts of search that work alone, each on a table of {input, expected} (the shape of
// Xapian's api_termgen.cc): names of enums, query words, filters, verification and snippets.
// Nothing here reads the corpus: the filters resolve law names in the built-in registry.
#include <algorithm>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analyzer.h"
#include "links.h"
#include "query_parser.h"
#include "registry.h"
#include "search.h"
#include "search_filters.h"
#include "search_node.h"
#include "search_snippets.h"
#include "search_text.h"
#include "search_term_presence.h"
#include "search_tiers.h"
#include "search_verify.h"
#include "thesaurus.h"
#include "utf8.h"

using namespace lawref;
using namespace lawref::searching;

namespace {

// The built-in registry as a store: the filters need law names and jurisdictions, no text.
class RegistryOnlyStore : public LawStore {
 public:
  const Registry& registry() const override { return Registry::builtin(); }
  const LawText* text(const std::string&, const std::string&) override { return nullptr; }
};

std::string join(const std::vector<std::string>& words, const char* separator = " ") {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

// The words a parsed plain query still searches for, in order.
std::string remaining_words(const QueryNode& root) {
  if (root.kind == QueryNode::Kind::Phrase) return root.text;
  std::vector<std::string> words;
  for (const QueryNode& c : root.children) words.push_back(c.text);
  return join(words);
}

// What `filters` reads from a plain query: the words it leaves, the filters it says (joined by " | ")
// and the options it sets.
struct FiltersRead {
  std::string remaining, described, laws, levels, jurisdictions;
};
FiltersRead read_filters(SearchFilters& filters, const char* query) {
  QueryParse parsed = parse_query(query);
  REQUIRE(parsed.ok);
  std::vector<std::string> described;
  const SearchOptions o = filters.read_from_query(parsed, SearchOptions{}, described);
  return {remaining_words(parsed.root), join(described, " | "), join(o.laws), join(o.levels), join(o.jurisdictions)};
}

Node phrase_leaf(const char* text) { return leaf({utf8::decode(text)}); }

Node all_of(std::vector<Node> children) {
  Node n;
  n.kind = Node::Kind::And;
  n.children = std::move(children);
  return n;
}

Node any_of(std::vector<Node> children) {
  Node n;
  n.kind = Node::Kind::Or;
  n.children = std::move(children);
  return n;
}

// A leaf of the English text: its terms decide it, no text is read (as the compiler builds one).
Node english_leaf(const char* word) {
  Node n = leaf({utf8::decode(word)});
  n.verify = false;
  n.query = Xapian::Query(word);
  return n;
}

Node negated(Node child) {
  Node n;
  n.kind = Node::Kind::Not;
  n.children = {std::move(child)};
  return n;
}

}  // namespace

TEST_CASE("Search modes and link bases round-trip through their names", "[search_parts]") {
  static const struct {
    SearchMode mode;
    const char* name;
  } modes[] = {{SearchMode::None, ""},        {SearchMode::Exact, "exact"}, {SearchMode::Words, "words"},
               {SearchMode::Broader, "broader"}, {SearchMode::Most, "most"},   {SearchMode::Any, "any"}};
  for (const auto& t : modes) {
    INFO(t.name);
    CHECK(std::string(to_string(t.mode)) == t.name);
    CHECK(parse_search_mode(t.name) == t.mode);
  }
  static const struct {
    links::LinkBasis basis;
    const char* name;
  } bases[] = {{links::LinkBasis::None, ""},           {links::LinkBasis::Same, "same"},         {links::LinkBasis::Changed, "changed"},
               {links::LinkBasis::Split, "split"},     {links::LinkBasis::Merged, "merged"},     {links::LinkBasis::Citation, "citation"},
               {links::LinkBasis::Similarity, "similarity"}};
  for (const auto& t : bases) {
    INFO(t.name);
    CHECK(std::string(links::to_string(t.basis)) == t.name);
    CHECK(links::parse_link_basis(t.name) == t.basis);
  }
  for (const char* unknown : {"Exact", "all", "similar", "SAME", " same"}) {
    INFO(unknown);
    CHECK_FALSE(parse_search_mode(unknown));
    CHECK_FALSE(links::parse_link_basis(unknown));
  }
}

TEST_CASE("A link's basis is stored and read back by name", "[search_parts]") {
  std::vector<links::Link> stored(std::size(links::kAllBases));
  for (std::size_t i = 0; i < stored.size(); ++i) {
    stored[i].kind = links::LinkKind::Version;
    stored[i].from = {"a-2000", {static_cast<int>(i) + 1, 0, 0, 0, 0}};
    stored[i].to = {"a-2010", {static_cast<int>(i) + 1, 0, 0, 0, 0}};
    stored[i].basis = links::kAllBases[i];
  }
  const std::string tsv = links::encode_links(stored);
  CHECK(tsv.find("\tsimilarity\t") != std::string::npos);
  CHECK(links::decode_links(tsv) == stored);
  std::string unknown = tsv.substr(0, tsv.find('\n') + 1);
  unknown.replace(unknown.rfind("\t\t"), 2, "\tsimilar\t");  // the first link has no basis: name one nobody knows
  CHECK_THROWS_WITH(links::decode_links(unknown), Catch::Contains("unknown link basis 'similar'"));
}

TEST_CASE("Query words: English or not, folded phrases, words on their boundaries", "[search_parts]") {
  static const struct {
    const char* word;
    bool english;
  } english[] = {{"spy", true}, {"State", true}, {"ex-employee", true}, {"2014", false}, {"间谍", false}, {"spy间谍", false}, {"-", false}};
  for (const auto& t : english) {
    INFO(t.word);
    CHECK(is_english(t.word) == t.english);
  }
  static const struct {
    const char* typed;
    const char* folded;
  } phrases[] = {{"国家 安全", "国家安全"},    {"国家  安全 机关", "国家安全机关"}, {"State  Secrets", "state secrets"},
                 {" exit ban ", "exit ban"}, {"国家 security", "国家security"},  {"ＡＢＣ", "abc"}};
  for (const auto& t : phrases) {
    INFO(t.typed);
    CHECK(utf8::encode(fold_phrase(t.typed)) == t.folded);
  }
  static const struct {
    const char* text;
    const char* needle;
    bool found;
  } words[] = {{"parcel delivery", "cel", false}, {"cel art. 5", "cel", true}, {"see the cel", "cel", true}, {"cells", "cel", false},
               {"3 cel2", "cel", false},          {"维护国家安全", "安全", true}, {"国家的安全", "国家安全", false}, {"", "cel", false}};
  for (const auto& t : words) {
    INFO(t.text << " / " << t.needle);
    CHECK(contains_word(utf8::decode(t.text), utf8::decode(t.needle)) == t.found);
  }
}

TEST_CASE("A plain query has no operator and no quotes", "[search_parts]") {
  static const struct {
    const char* query;
    bool plain;
  } table[] = {{"快递", true},      {"国家安全 出境", true},     {"exit ban", true}, {"\"国家安全\"", false},
               {"快递 OR 物流", false}, {"间谍 -境外", false}, {"(间谍 出境)", true}};
  for (const auto& t : table) {
    INFO(t.query);
    const QueryParse parsed = parse_query(t.query);
    REQUIRE(parsed.ok);
    CHECK(is_plain_query(parsed.root) == t.plain);
  }
}

TEST_CASE("Words that name a level or may name a law", "[search_parts]") {
  static const struct {
    const char* word;
    const char* level;  // null: none
  } levels[] = {{"地方性法规", "local-regulation"}, {"地方法规", "local-regulation"}, {"部门规章", "departmental-rule"},
                {"行政法规", "administrative-regulation"}, {"司法解释", "judicial-interpretation"}, {"法规", nullptr},
                {"地方性法规举报", nullptr}, {"local-regulation", nullptr}};
  for (const auto& t : levels) {
    INFO(t.word);
    const char* level = level_named(t.word);
    CHECK(std::string(level ? level : "-") == std::string(t.level ? t.level : "-"));
  }
  static const struct {
    const char* word;
    bool law;
  } laws[] = {{"反间谍法", true},     {"2014年反间谍法", true}, {"重庆市反间谍工作条例", true}, {"实施细则", true}, {"举报奖励办法", true},
              {"安全防范规定", true}, {"举报", false},          {"law", false},                 {"间谍", false}};
  for (const auto& t : laws) {
    INFO(t.word);
    CHECK(may_name_a_law(t.word) == t.law);
  }
}

TEST_CASE("Filters named among a plain query's words leave the query", "[search_parts]") {
  static const struct {
    const char* query;
    const char* remaining;  // the words still searched for
    const char* described;  // the filters read, joined by " | "
    const char* laws;
    const char* levels;
    const char* jurisdictions;
  } table[] = {
      {"2014年反间谍法 出境", "出境", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},
      {"反间谍法 举报", "举报", "law: 反间谍法 (every version of cel)", "反间谍法", "", ""},
      {"反间法 立法目的", "立法目的", "law: 反间谍法 (every version of cel)", "反间法", "", ""},  // a short name people use (data/laws.json)
      // The new law: the version in force (round eleven; it was searched as the phrase 新反间谍法).
      {"新反间谍法 施行", "施行", "law: 反间谍法 (cel-2023)", "cel-2023", "", ""},
      {"新保密法 哪天开始施行", "哪天开始施行", "law: 保守国家秘密法 (ssl-2024)", "ssl-2024", "", ""},
      // The old law: the version before the one in force; the year also written with 版 or after
      // the name (round twelve: each was searched as a phrase).
      {"旧反间谍法 出境", "出境", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},
      {"老反间谍法 举报", "举报", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},
      {"2014版反间谍法 出境", "出境", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},
      {"反间谍法2014 出境", "出境", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},
      {"旧国家安全法 出境", "旧国家安全法 出境", "", "", "", ""},  // one version only: no old one, the words stay
      // Round thirteen: a year typed as a word of its own beside the name names that version; a
      // year no version has leaves both words a search, as in English (they gave no hits).
      {"2014年 反间谍法 出境", "出境", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},
      {"反间谍法 2014 出境", "出境", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},
      {"反间谍法 2014年版 出境", "出境", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},
      {"1993年 国家安全法 废止", "1993年 国家安全法 废止", "", "", "", ""},
      {"国家安全法 1993 废止", "国家安全法 1993 废止", "", "", "", ""},
      {"2014年反间谍法 2023 出境", "2023 出境", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},  // the name's own year
      {"2014年 反间谍法", "2014年 反间谍法", "", "", "", ""},  // every word a filter: the words as typed
      // Review of round thirteen: a year in full-width digits, as Chinese input methods type it (it was searched).
      {"２０１４年 反间谍法 出境", "出境", "law: 反间谍法 (cel-2014)", "cel-2014", "", ""},
      // A name shortened as people type it, when it shortens one law's (round eleven; it was searched).
      {"实施细则 危害国家安全 警告", "危害国家安全 警告", "law: 反间谍法实施细则 (every version of cel-rules)", "反间谍法实施细则", "", ""},
      // … but not against the place the query names: Heilongjiang's reward measures, not the national ones.
      {"黑龙江 奖励办法 谁定", "奖励办法 谁定", "jurisdiction: heilongjiang", "", "", "heilongjiang"},
      {"奖励办法 谁定", "谁定", "law: 举报奖励办法 (every version of report-reward)", "举报奖励办法", "", ""},
      // A name several laws shorten alike is no filter, unless one of them is of the place named.
      {"反间谍安全防范条例 施行时间", "反间谍安全防范条例 施行时间", "", "", "", ""},
      {"陕西 反间谍安全防范条例 施行时间", "施行时间", "jurisdiction: shaanxi | law: 陕西省反间谍安全防范条例 (every version of shaanxi-ceprec)",
       "陕西省反间谍安全防范条例", "", "shaanxi"},
      {"地方性法规 举报 奖励", "举报 奖励", "level: local-regulation", "", "local-regulation", ""},
      {"重庆 快递 许可", "快递 许可", "jurisdiction: chongqing", "", "", "chongqing"},
      {"重庆市 地方性法规 快递", "快递", "jurisdiction: chongqing | level: local-regulation", "", "local-regulation", "chongqing"},
      // In English, a province by its romanised name (the jurisdiction's id), as 重庆 in Chinese.
      {"courier licence Chongqing", "courier licence", "jurisdiction: chongqing", "", "", "chongqing"},
      {"drone flights Shanghai", "drone flights", "jurisdiction: shanghai", "", "", "shanghai"},
      {"Shaanxi key units", "key units", "jurisdiction: shaanxi", "", "", "shaanxi"},
      {"Chongqing", "Chongqing", "", "", "", ""},
      {"Atlantis spies", "Atlantis spies", "", "", "", ""},
      // Every word a filter: the words were the query after all.
      {"反间谍法 地方性法规", "反间谍法 地方性法规", "", "", "", ""},
      // One word is no list of words; operators and quotes are taken as typed.
      {"反间谍法", "反间谍法", "", "", "", ""},
      {"\"地方性法规\" 举报", "地方性法规 举报", "", "", "", ""},
      // A name no law has stays a search word.
      {"没有这部法 举报", "没有这部法 举报", "", "", "", ""},
  };
  RegistryOnlyStore store;
  SearchFilters filters(store);
  for (const auto& t : table) {
    INFO(t.query);
    const FiltersRead read = read_filters(filters, t.query);
    CHECK(read.remaining == t.remaining);
    CHECK(read.described == t.described);
    CHECK(read.laws == t.laws);
    CHECK(read.levels == t.levels);
    CHECK(read.jurisdictions == t.jurisdictions);
  }
}

TEST_CASE("A law whose name starts with 新 or 老 is named whole and not as a version of the rest", "[search_parts]") {
  // Round twelve: 新 (the version in force) and 旧 / 老 (the one before) are read before a law's
  // name; 新乡市…条例 and 老年人权益保障法 (lawrefbook) start so. Before, the rest (乡市城市绿化条例)
  // was read as a shortened name of the law itself, which happened to give it back as "the new one".
  class TwoLawsStore : public LawStore {
   public:
    TwoLawsStore()
        : registry_(Registry::parse(R"({"laws":[
          {"id":"xinxiang-green-2019","work":"xinxiang-green","title":{"zh":"新乡市城市绿化条例"},"level":"local-regulation","jurisdiction":"henan","dates":{"adopted":"2019-01-21"}},
          {"id":"elderly-2012","work":"elderly","title":{"zh":"中华人民共和国老年人权益保障法"},"short_names":{"zh":["老年人权益保障法"]},"level":"law","dates":{"adopted":"2012-12-28"}},
          {"id":"elderly-2018","work":"elderly","title":{"zh":"中华人民共和国老年人权益保障法"},"short_names":{"zh":["老年人权益保障法"]},"level":"law","dates":{"adopted":"2018-12-29"}}]})")) {}
    const Registry& registry() const override { return registry_; }
    const LawText* text(const std::string&, const std::string&) override { return nullptr; }

   private:
    Registry registry_;
  };
  static const struct {
    const char* query;
    const char* described;
    const char* laws;
  } table[] = {
      {"新乡市城市绿化条例 树木", "law: 新乡市城市绿化条例 (every version of xinxiang-green)", "新乡市城市绿化条例"},
      {"老年人权益保障法 赡养", "law: 老年人权益保障法 (every version of elderly)", "老年人权益保障法"},
      {"新老年人权益保障法 赡养", "law: 老年人权益保障法 (elderly-2018)", "elderly-2018"},
      {"旧老年人权益保障法 赡养", "law: 老年人权益保障法 (elderly-2012)", "elderly-2012"},
  };
  TwoLawsStore store;
  SearchFilters filters(store);
  for (const auto& t : table) {
    INFO(t.query);
    const FiltersRead read = read_filters(filters, t.query);
    CHECK(read.described == t.described);
    CHECK(read.laws == t.laws);
  }
}

TEST_CASE("Filter options become one Xapian filter, or one line saying what is wrong", "[search_parts]") {
  static const struct {
    std::vector<std::string> laws, levels, jurisdictions;
    const char* in_force_on;
    const char* query;  // Xapian's description, when the filter is good
    const char* error;  // the start of the message, when it is not
  } table[] = {
      {{}, {}, {}, "", "Query()", ""},
      {{"cel-2014"}, {}, {}, "", "Query(XLAWcel-2014)", ""},
      {{"反间谍法"}, {}, {}, "", "Query(XWORKcel)", ""},
      {{"反间谍法"}, {}, {}, "2016-01-01", "Query((XLAWcel-2014 AND (VALUE_LE 1 2016-01-01 AND VALUE_GE 2 2016-01-01\\x01)))", ""},
      {{}, {"law", "local-regulation"}, {}, "", "Query((XLEVELlaw OR XLEVELlocal-regulation))", ""},
      {{}, {}, {"chongqing"}, "", "Query(XJURchongqing)", ""},
      {{"cel-2023"}, {"law"}, {}, "", "Query((XLAWcel-2023 AND XLEVELlaw))", ""},
      {{}, {"bogus"}, {}, "", "", "unknown level 'bogus' (constitution, law, "},
      {{}, {}, {"nowhere"}, "", "", "no law of jurisdiction 'nowhere' in the index ("},
      {{}, {}, {}, "2016-13", "", "--in-force-on needs a YYYY-MM-DD date, not '2016-13'"},
      {{"nosuchlaw"}, {}, {}, "", "", "unknown law 'nosuchlaw'"},
  };
  RegistryOnlyStore store;
  SearchFilters filters(store);
  for (const auto& t : table) {
    SearchOptions o;
    o.laws = t.laws;
    o.levels = t.levels;
    o.jurisdictions = t.jurisdictions;
    o.in_force_on = t.in_force_on;
    INFO(join(o.laws) << " / " << join(o.levels) << " / " << join(o.jurisdictions) << " / " << o.in_force_on);
    Xapian::Query filter;
    std::string error;
    const bool ok = filters.to_query(o, filter, error);
    CHECK(ok == (*t.error == '\0'));
    if (ok) CHECK(filter.get_description() == t.query);
    else CHECK(error.rfind(t.error, 0) == 0);
  }
}

TEST_CASE("Verification checks the text against the compiled query", "[search_parts]") {
  // 国家安全 AND NOT 境外: a four-character phrase the bigrams only approximate, and a negation.
  const Node query = all_of({phrase_leaf("国家安全"), negated(phrase_leaf("境外"))});
  static const struct {
    const char* text;
    bool matches;
  } table[] = {{"维护国家安全的义务", true}, {"危害国家的安全", false}, {"境外机构危害国家安全", false}, {"", false}, {"国家安全 国家安全", true}};
  for (const auto& t : table) {
    INFO(t.text);
    CHECK(matches(query, utf8::decode(t.text)) == t.matches);
  }
  static const struct {
    const char* what;
    Node node;
    bool verify;
  } needs[] = {{"two characters: the bigram is the phrase", phrase_leaf("安全"), false},
               {"four characters", phrase_leaf("国家安全"), true},
               {"a negation", all_of({phrase_leaf("安全"), negated(phrase_leaf("境外"))}), true},
               {"two two-character leaves", all_of({phrase_leaf("安全"), phrase_leaf("出境")}), false}};
  for (const auto& t : needs) {
    INFO(t.what);
    CHECK(needs_verification(t.node) == t.verify);
  }
  static const struct {
    const char* what;
    Node node;
    bool raw;
  } raw[] = {{"Chinese only", all_of({phrase_leaf("国家安全"), negated(phrase_leaf("境外"))}), true},
             {"an English needle", phrase_leaf("spy"), false},
             {"a negated English word", all_of({phrase_leaf("国家安全"), negated(phrase_leaf("law"))}), false}};
  for (const auto& t : raw) {
    INFO(t.what);
    std::vector<std::u32string> needles;
    positive_alternatives(t.node, needles);
    CHECK(checkable_on_stored_data(t.node, needles) == t.raw);
  }
}

TEST_CASE("A leaf's candidates and the candidates its terms settle without the text", "[search_parts]") {
  // One document per text, indexed as the index builder does (bigrams and run ends).
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* text : {"出境管理", "出国（境）证件", "出国境外考察", "入境"}) {
    Xapian::Document doc;
    std::vector<std::string> terms;
    analysis::analyze(text, {}, terms);
    for (const std::string& t : terms) doc.add_term(t);
    doc.set_data(text);
    db.add_document(doc);
  }
  // 出境 and the longer form 出国（境）, as the thesaurus pairs them.
  const Node leaving = leaf({utf8::decode("出境"), utf8::decode("出国(境)")});
  Xapian::Enquire enquire(db);
  enquire.set_query(candidates(leaving));
  std::vector<std::string> found;
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  for (auto m = mset.begin(); m != mset.end(); ++m) found.push_back(m.get_document().get_data());
  std::sort(found.begin(), found.end());
  // 出国境外: 境 starts a bigram there, so it is no candidate of a form whose 境 closes a run.
  CHECK(found == std::vector<std::string>{"出国（境）证件", "出境管理"});
  static const struct {
    const char* what;
    Node node;
    Xapian::docid doc;
    bool settled;
  } table[] = {
      {"holds the bigram of a two-character form", leaving, 1, true},
      {"only the longer form: its text must say", leaving, 2, false},
      {"a four-character leaf is never settled by bigrams", phrase_leaf("出境管理"), 1, false},
      {"all leaves settled", all_of({leaving, phrase_leaf("管理")}), 1, true},
      {"one leaf not present", all_of({leaving, phrase_leaf("入境")}), 1, false},
      {"a negation needs the text", all_of({leaving, negated(phrase_leaf("入境"))}), 1, false},
  };
  for (const auto& t : table) {
    INFO(t.what);
    // The terms read for a batch of candidates at once (search.cpp), given in any order.
    const TermPresence presence(t.node, db, {4, t.doc, 2, 1, 3, t.doc});
    CHECK(holds_on_terms(t.node, [&](const std::string& term) { return presence.has(term, t.doc); }) == t.settled);
  }
}

TEST_CASE("Relaxed tiers: all but one concept, any one of them", "[search_parts]") {
  static const struct {
    std::vector<const char*> concepts;
    bool has_most;
    std::size_t most_groups;
  } table[] = {{{"举报", "奖励"}, false, 0}, {{"举报", "奖励", "条件"}, true, 3}, {{"一一", "二二", "三三", "四四", "五五", "六六", "七七", "八八"}, true, 8},
               {{"一一", "二二", "三三", "四四", "五五", "六六", "七七", "八八", "九九"}, false, 0}};
  for (const auto& t : table) {
    INFO(t.concepts.size() << " concepts");
    std::vector<Node> leaves;
    for (const char* c : t.concepts) leaves.push_back(phrase_leaf(c));
    const Node query = all_of(std::move(leaves));
    Node most;
    REQUIRE(most_of(query, most) == t.has_most);
    if (t.has_most) {
      CHECK(most.kind == Node::Kind::Or);
      REQUIRE(most.children.size() == t.most_groups);
      for (const Node& group : most.children) CHECK(group.children.size() == t.concepts.size() - 1);
    }
    const Node any = any_of(query);
    CHECK(any.kind == Node::Kind::Or);
    CHECK(any.children.size() == t.concepts.size());
  }
  // A negated leaf is never "any one" of the words searched for.
  CHECK(any_of(all_of({phrase_leaf("间谍"), phrase_leaf("举报"), negated(phrase_leaf("境外"))})).children.size() == 2);
}

TEST_CASE("Relaxed tiers: the broader tier accepts the concept a leaf is built on", "[search_parts]") {
  static const struct {
    const char* form;
    const char* broader;  // "" for none
    bool english;         // a leaf of the English text (not checked on the text)
  } rows[] = {{"国家情报工作机构", "国家情报工作", false}, {"国家情报工作机构", "", false}, {"intelligence agencies", "intelligence work", true}};
  for (const auto& row : rows) {
    INFO(row.form << " -> " << row.broader);
    Node concept_leaf = phrase_leaf(row.form);
    if (row.english) {
      concept_leaf.verify = false;
      concept_leaf.query = Xapian::Query("intelligence");
    }
    if (*row.broader) {
      concept_leaf.broader = {utf8::decode(row.broader)};
      concept_leaf.broader_query = row.english ? Xapian::Query("work") : phrase_leaf(row.broader).query;
    }
    Node query = all_of({concept_leaf, phrase_leaf("协助"), negated(phrase_leaf("境外"))});
    const bool has_broader = *row.broader != '\0';
    REQUIRE(broaden(query, false) == has_broader);
    const Node& wider = query.children[0];
    CHECK(wider.broader.empty());
    if (!has_broader) {
      CHECK(wider.alternatives == std::vector<std::u32string>{utf8::decode(row.form)});
      continue;
    }
    CHECK(wider.alternatives == std::vector<std::u32string>{utf8::decode(row.form), utf8::decode(row.broader)});
    CHECK(wider.verify == !row.english);
    // Either form is a match; a text with neither is not.
    if (!row.english) {
      CHECK(matches(query, U"支持、协助和配合国家情报工作"));
      CHECK(matches(query, U"协助国家情报工作机构"));
      CHECK_FALSE(matches(query, U"协助国家安全机关"));
    }
    CHECK(query.children[1].alternatives == std::vector<std::u32string>{U"协助"});  // the others unchanged
  }
}

TEST_CASE("Relaxed tiers: a phrase split into words is still one concept to leave out", "[search_parts]") {
  // The words tier splits 公安机关 into 公安 机关; the query keeps three concepts.
  const Node split = all_of({all_of({phrase_leaf("公安"), phrase_leaf("机关")}), phrase_leaf("查验"), phrase_leaf("设备")});
  Node most;
  REQUIRE(most_of(split, most));
  REQUIRE(most.children.size() == 3);
  REQUIRE(most.children[0].children.size() == 2);  // 查验 设备: the split concept left out whole
  CHECK(most.children[0].children[0].alternatives == std::vector<std::u32string>{U"查验"});
  const Node& kept = most.children[1].children[0];  // 公安 机关, kept whole where it stays
  REQUIRE(kept.kind == Node::Kind::And);
  REQUIRE(kept.children.size() == 2);
  CHECK(kept.children[1].alternatives == std::vector<std::u32string>{U"机关"});
  // Deeper nesting is not a concept of words: no "most" tier.
  const Node deeper = all_of({all_of({all_of({phrase_leaf("公安"), phrase_leaf("机关")})}), phrase_leaf("查验"), phrase_leaf("设备")});
  CHECK_FALSE(most_of(deeper, most));
}

TEST_CASE("Thesaurus: everyday words and statute terms stand for their concept's statute terms", "[search_parts]") {
  const Thesaurus t = Thesaurus::parse("# comment\n泄露国家秘密|泄露|泄密\t漏密|说漏嘴\n国家秘密\t机密\n行政拘留|拘留|十日以下行政拘留|关押\t关几天\n");
  static const struct {
    const char* word;
    std::vector<const char*> terms;
  } rows[] = {
      {"漏密", {"泄露国家秘密", "泄露", "泄密"}},  // an everyday word: every statute term of its line
      {"泄密", {"泄露国家秘密", "泄露"}},          // a statute term: the others
      {"机密", {"国家秘密"}},
      {"国家秘密", {}},                            // a statute term alone in its concept
      {"出境", {}},                                // in no line
      {"关几天", {"行政拘留", "拘留", "十日以下行政拘留", "关押"}},
      {"行政拘留", {"关押"}},  // not 十日以下行政拘留, which holds it, nor the broader 拘留, which it holds
      {"拘留", {"关押"}},
  };
  for (const auto& row : rows) {
    INFO(row.word);
    std::vector<std::u32string> expected;
    for (const char* e : row.terms) expected.push_back(utf8::decode(e));
    CHECK(t.statute_terms(utf8::decode(row.word)) == expected);
  }
  // The longest word at a position: what a query's Chinese is cut at before the dictionary.
  static const struct {
    const char* text;
    std::size_t pos, length;
  } at[] = {
      {"别说漏嘴了", 1, 3}, {"泄露国家秘密罪", 0, 6}, {"泄密了", 0, 2}, {"国家秘密", 0, 0},  // a term alone in its concept is none
      {"漏密", 1, 0},       {"漏密", 2, 0},           {"", 0, 0},
  };
  for (const auto& row : at) {
    INFO(row.text << " at " << row.pos);
    CHECK(t.word_at(utf8::decode(row.text), row.pos) == row.length);
  }
}

TEST_CASE("The compiled query explained line by line", "[search_parts]") {
  static const struct {
    const char* what;
    Node node;
    std::vector<std::string> lines;
  } table[] = {
      {"a two-character phrase", phrase_leaf("快递"), {"phrase 快递"}},
      {"a longer phrase", phrase_leaf("国家安全"), {"phrase 国家安全  (characters together, checked on the text)"}},
      {"a concept with its statute term", leaf({U"手机", U"电子设备"}), {"concept 手机 | 电子设备  (characters together, checked on the text)"}},
      {"all of, with a negation", all_of({phrase_leaf("间谍"), negated(phrase_leaf("境外"))}), {"all of:", "  phrase 间谍", "  not:", "    phrase 境外"}},
      // An English query: its English branch holds for every document, so the glossary's Chinese
      // beside it is never read on the text, and --explain must not claim it is.
      {"the glossary's Chinese beside the English words",
       any_of({all_of({english_leaf("decrypt"), english_leaf("security")}), all_of({phrase_leaf("解密"), phrase_leaf("国家安全")})}),
       {"any of:", "  all of:", "    English decrypt  (word or stem, in the English text)", "    English security  (word or stem, in the English text)",
        "  all of:", "    phrase 解密", "    phrase 国家安全  (its character pairs only, not checked on the text: the English side holds)"}},
      {"a Chinese alternative beside a Chinese one is checked", any_of({phrase_leaf("国家安全"), phrase_leaf("间谍行为")}),
       {"any of:", "  phrase 国家安全  (characters together, checked on the text)", "  phrase 间谍行为  (characters together, checked on the text)"}},
  };
  for (const auto& t : table) {
    INFO(t.what);
    std::vector<std::string> lines;
    describe(t.node, 0, lines);
    CHECK(lines == t.lines);
  }
}

TEST_CASE("Snippets: the unit with most matches, cut around the first, matches marked", "[search_parts]") {
  Article article;
  article.paragraphs = {{1, "甲方应当按照约定交付货物。", {}},
                        {2, "乙方收到货物后应当验收货物，发现货物有瑕疵的，应当通知甲方。", {}},
                        {3, "本条所称货物，包括：", {{1, "（一）", "动产；", {}}, {2, "(2)", "Goods sent by Courier;", {}}}}};
  const std::vector<TextUnit> units = text_units(article);
  REQUIRE(units.size() == 5);
  CHECK(units[3].prefix == "（一）");
  CHECK(units[4].prefix == "(2) ");
  CHECK(units[4].paragraph == 3);
  static const struct {
    std::vector<const char*> needles;
    const char* snippet;
    int paragraph;
    int score;
  } table[] = {
      {{"货物"}, "乙方收到«货物»后应当验收«货物»，发现«货物»有瑕疵的，应当通知甲方。", 2, 3},
      {{"交付"}, "甲方应当按照约定«交付»货物。", 1, 1},
      {{"动产"}, "（一）«动产»；", 3, 1},
      {{"courier"}, "(2) Goods sent by «Courier»;", 3, 1},
      {{"验收", "验收货物"}, "乙方收到货物后应当«验收货物»，发现货物有瑕疵的，应当通知甲方。", 2, 2},
      {{"不在其中"}, "甲方应当按照约定交付货物。", 1, 0},
  };
  for (const auto& t : table) {
    INFO(t.needles.front());
    std::vector<std::u32string> needles;
    for (const char* n : t.needles) needles.push_back(fold_phrase(n));
    const Snippet s = make_snippet(units, needles);
    CHECK(s.text == t.snippet);
    CHECK(s.paragraph == t.paragraph);
    CHECK(s.score == t.score);
  }
}

TEST_CASE("Snippets of a long unit show a window around the first match", "[search_parts]") {
  static const struct {
    std::size_t before, after;  // characters of filler around the match
    const char* starts;         // how the snippet begins
    bool cut_before, cut_after;
  } table[] = {{10, 10, "一一一一一一一一一一«目标»", false, false},
               {10, 200, "一一一一一一一一一一«目标»", false, true},
               {200, 10, "…一一一", true, false},
               {200, 200, "…一一一", true, true}};
  for (const auto& t : table) {
    INFO(t.before << " + " << t.after);
    std::string text;
    for (std::size_t i = 0; i < t.before; ++i) text += "一";
    text += "目标";
    for (std::size_t i = 0; i < t.after; ++i) text += "二";
    Article article;
    article.paragraphs = {{1, text, {}}};
    const Snippet s = make_snippet(text_units(article), {U"目标"});
    CHECK(s.text.rfind(t.starts, 0) == 0);
    CHECK(s.text.find("«目标»") != std::string::npos);
    const std::string ellipsis = "…";
    CHECK((s.text.size() >= ellipsis.size() && s.text.compare(s.text.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0) == t.cut_after);
    CHECK((s.text.rfind(ellipsis, 0) == 0) == t.cut_before);
    // 120 characters at most, the marks and the ellipses aside.
    CHECK(utf8::decode(s.text).size() <= 120 + 2 + 2);
  }
}

TEST_CASE("Relaxed tiers: what the question asks for weighs more than in the exact tier", "[search_parts]") {
  static const struct {
    SearchMode mode;
    double scale;
  } rows[] = {
      {SearchMode::Exact, 1.0},  // every concept there: the cue only orders answers alike
      {SearchMode::Words, 1.25},   {SearchMode::Broader, 1.25}, {SearchMode::Most, 1.25}, {SearchMode::Any, 1.25},
  };
  for (const auto& row : rows) {
    INFO(to_string(row.mode));
    CHECK(cue_scale(row.mode) == row.scale);
  }
}
