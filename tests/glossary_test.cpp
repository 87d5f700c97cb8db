// The bilingual glossary (query/glossary.h), table-driven as Xapian's api_termgen.cc: each row
// is an input and what it gives, reported with its input.
#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "glossary.h"

using namespace lawref;

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Expansions as "english=zh|zh; english=zh".
std::string render(const std::vector<Expansion>& expansions) {
  std::string out;
  for (const Expansion& e : expansions) out += (out.empty() ? "" : "; ") + e.english + "=" + join(e.zh, "|");
  return out;
}

// Entries as "zh|zh=en|en; …", or "error: …".
std::string parsed(const std::string& tsv) {
  try {
    const Glossary g = Glossary::parse(tsv);
    std::string out;
    for (const GlossaryEntry& e : g.entries()) out += (out.empty() ? "" : "; ") + join(e.zh, "|") + "=" + join(e.en, "|");
    return out;
  } catch (const std::runtime_error& e) {
    return std::string("error: ") + e.what();
  }
}

}  // namespace

TEST_CASE("The glossary turns English query words into the statutes' Chinese terms", "[glossary]") {
  static const struct {
    std::string input;
    std::string expansions;
    std::string unknown;  // words it does not know, space-separated
  } rows[] = {
      {"courier", "courier=快递|寄递|邮政", ""},  // two entries render "courier": both, in glossary order
      {"Couriers", "couriers=快递|寄递|邮政", ""},  // compared by stems, lower-cased
      {"COURIER", "courier=快递|寄递|邮政", ""},
      {"courier companies must assist", "courier companies=快递|寄递|邮政; assist=支持|协助|配合", ""},  // the longest match first
      {"exit ban", "exit ban=不准出境|不得出境|不准其出境", ""},  // not "exit" and "ban"; 不准其出境 as CEL art 33 and Jiangxi art 37 write it
      {"exit", "exit=出境", ""},
      {"abuse of power", "abuse of power=滥用职权", ""},   // a stop word inside a phrase is not compared
      {"abuse their power", "abuse their power=滥用职权", ""},
      {"cross-border data transfer", "cross border=向境外提供|境外; data=数据", "transfer"},
      {"people's courts", "people courts=人民法院", ""},  // a possessive 's is no part of the word
      {"state security organ", "state security organ=国家安全机关", ""},
      {"zzyzx", "", "zzyzx"},
      {"zzyzx courier qqq", "courier=快递|寄递|邮政", "zzyzx qqq"},
      {"the of and must", "", ""},  // stop words are neither matched nor unknown
      {"law", "", ""},               // nor are words every query about laws has
      {"", "", ""},
      {"   \t ", "", ""},
      {"快递courier寄递", "courier=快递|寄递|邮政", ""},   // mixed with Chinese: the English words
      {"courier，exit ban。", "courier=快递|寄递|邮政; exit ban=不准出境|不得出境|不准其出境", ""},  // full-width punctuation separates
      {"快递", "", ""},                                      // Chinese is not English
      {"ｃｏｕｒｉｅｒ", "", ""},                            // full-width letters are no English words here (search passes the text unfolded)
      {"seized", "seized=扣押", ""},                          // an inflection of the rendering "seize"
      {"authorities", "", "authorities"},                     // its stem is that of "authorization" (批准), another word
      {"office", "", "office"},                               // nor is "office" a form of "officers"
      {"posted", "", "posted"},                               // "post" is 岗位 in the translation, not 邮政
      {"laptop back", "laptop=电子设备|设施|程序|工具", "back"},  // "back" is no rendering of 支持 (support)
      // Round thirteen: the disclosure of government information is 公开 (made public), not 泄露 (a leak);
      // a collaborator is one in a cooperative relationship (NIL art 12); family, the close relatives.
      {"government information disclosure", "government information disclosure=公告|公开", ""},
      {"disclosure of state secrets", "disclosure=泄露; state secrets=国家秘密", ""},
      {"collaborators", "collaborators=合作关系", ""},
      {"family", "family=近亲属", ""},
      // Everyday verbs that are no statute term: talking is not 约谈 (a summons for a talk), wanting not
      // 通缉 (the wanted list), registering not 受理 (accepting a case), papers no identity papers.
      {"talking about state secrets", "state secrets=国家秘密", "talking"},
      {"summoned for a talk", "summoned for a talk=约谈", ""},
      {"the lab wants to hire", "", "lab wants hire"},
      {"wanted list", "wanted list=通缉", ""},
      {"registering equipment", "equipment=电子设备|设施|程序|工具", "registering"},
      {"classified papers", "classified=国家秘密|定密|确定密级|涉密", "papers"},
      {"identity papers", "identity papers=身份证明|身份", ""},
      {"protect human rights", "protect human rights=人权|尊重和保障人权", ""},  // 保障人权, said "safeguard" or "protect"
      // A rendering of one content word among stop words is that whole phrase, never its word alone:
      // "education" is not 法治宣传教育 (rule of law education), "crime" not 尚不构成犯罪 (not a crime).
      {"education", "", "education"},
      {"rule of law education", "rule of law education=法治宣传教育", ""},
      {"not a crime", "not a crime=尚不构成犯罪", ""},
      {"crime", "crime=构成犯罪|犯罪", ""},                      // not 尚不构成犯罪 as well
      {"illegal", "illegal=违法|违反本法|非法", ""},            // nor 窃取|刺探|收买|非法提供 ("illegal provision": provision is a stop word)
      {"come into force", "come into force=施行|生效", ""},
      {"report to the police", "report to=报告|及时报告; police=公安机关", ""},
      {"spy on", "spy on=窃取|刺探|收买|非法提供", ""},
      {"count as", "count as=本法所称|所称|是指|统称", ""},  // a term is also defined as what several are "collectively referred to as" (统称)
  };
  const Glossary& g = Glossary::builtin();
  for (const auto& row : rows) {
    CAPTURE(row.input);
    std::vector<std::string> unknown;
    CHECK(render(g.expand(row.input, &unknown)) == row.expansions);
    CHECK(join(unknown, " ") == row.unknown);
  }
}

TEST_CASE("The glossary: a long English query expands word by word", "[glossary]") {
  std::string input;
  for (int i = 0; i < 2000; ++i) input += i % 2 ? "exit ban " : "courier ";
  const std::vector<Expansion> e = Glossary::builtin().expand(input);
  REQUIRE(e.size() == 2000);
  CHECK(e.front().english == "courier");
  CHECK(e.back().english == "exit ban");
}

TEST_CASE("English words and stems, as the glossary compares them", "[glossary]") {
  static const struct {
    std::string input;
    std::string words;  // english_words, space-separated
    std::string stems;  // english_stem of each
  } rows[] = {
      {"Courier Companies", "courier companies", "courier compani"},
      {"people's court", "people court", "peopl court"},
      // A possessive 's is no part of the word, as in the index (a spy's relatives, the company's
      // data, officers' conduct); an apostrophe inside a word joins it (don't, isn't).
      {"a spy's relatives", "a spy relatives", "a spi relat"},
      {"the Company's data", "the company data", "the compani data"},
      {"officers' conduct", "officers conduct", "offic conduct"},
      {"don't, isn't", "dont isnt", "dont isnt"},
      {"spy's", "spy", "spi"},
      {"'s", "s", "s"},
      {"cross-border", "cross border", "cross border"},
      {"art. 14(2)", "art 14 2", "art 14 2"},
      {"", "", ""},
      {"  ,;  ", "", ""},
      {"国家安全机关MSS", "mss", "mss"},
      {"ＭＳＳ", "", ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.input);
    const std::vector<std::string> words = english_words(row.input);
    CHECK(join(words, " ") == row.words);
    std::vector<std::string> stems;
    for (const std::string& w : words) stems.push_back(english_stem(w));
    CHECK(join(stems, " ") == row.stems);
  }
}

TEST_CASE("Words that share a stem are forms of one word only when they differ by an inflection", "[glossary]") {
  static const struct {
    const char* a;
    const char* b;
    bool same;
  } rows[] = {
      {"seize", "seize", true},        {"seized", "seize", true},         {"seizing", "seize", true},     {"companies", "company", true},
      {"couriers", "courier", true},   {"leaving", "leave", true},        {"stopped", "stop", true},      {"spying", "spy", true},
      {"services", "service", true},   {"classified", "classify", true},  {"authorities", "authority", true},
      {"authorities", "authorization", false}, {"office", "officers", false}, {"employer", "employment", false},
      {"investigate", "investigation", false}, {"inform", "information", false}, {"sea", "seas", true}, {"bus", "buses", true},
  };
  for (const auto& row : rows) {
    CAPTURE(row.a, row.b);
    CHECK(same_word_forms(row.a, row.b) == row.same);
    CHECK(same_word_forms(row.b, row.a) == row.same);
  }
}

TEST_CASE("Glossary files: entries, comments, line endings, and errors that name their line", "[glossary]") {
  static const struct {
    std::string tsv;
    std::string expected;
  } rows[] = {
      {"快递\tcourier\n", "快递=courier"},
      {"快递|寄递\tcourier|express delivery\n邮政\tpostal\n", "快递|寄递=courier|express delivery; 邮政=postal"},
      {"# a comment\n\n快递\tcourier\n", "快递=courier"},
      {"快递\tcourier\r\n邮政\tpostal\r\n", "快递=courier; 邮政=postal"},  // CRLF
      {" 快递 \t courier \n", "快递=courier"},                               // spaces around the columns
      {"快递\tcourier", "快递=courier"},                                     // no final newline
      {"", ""},
      {"# only a comment\n", ""},
      {"快递 courier\n", "error: glossary line 1: expected 'Chinese<TAB>English'"},
      {"\tcourier\n", "error: glossary line 1: expected 'Chinese<TAB>English'"},
      {"快递\t|\n", "error: glossary line 1: an empty column"},
      {"快递\tcourier\n邮政\n", "error: glossary line 2: expected 'Chinese<TAB>English'"},
      // Blank lines and comments count: the line is the one an editor shows (it was the
      // number of non-blank lines).
      {"# comment\n\n快递\n", "error: glossary line 3: expected 'Chinese<TAB>English'"},
      {"快递\tcourier\n\n\n邮政\t|\n", "error: glossary line 4: an empty column"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.tsv);
    CHECK(parsed(row.tsv) == row.expected);
  }
}

TEST_CASE("A compound concept relaxes to the concept it is built on, by both its languages", "[glossary]") {
  // A small synthetic glossary: each row asks what one expansion relaxes to.
  const Glossary g = Glossary::parse(
      "情报工作\tintelligence work|intelligence activities\n"
      "情报工作机构\tintelligence work institutions|intelligence agencies\n"
      "安全\tsecurity\n"
      "安全机关\tsecurity organs\n"
      "境外\toutside the territory|abroad\n"
      "境外返回访谈\tinterviews upon return from outside the territory|debriefing\n"
      "数据处理\tdata processing\n"
      "数据处理者\tdata processing entities\n"
      "保密工作\tsecrecy work\n"
      "保密工作人员\tstaff in secrecy work|secrecy staff\n");
  static const struct {
    const char* english;  // what the query said, found by expand()
    const char* broader;  // "english=zh|zh" of the broader concept, or "" for none
  } rows[] = {
      {"intelligence agencies", "intelligence work=情报工作"},  // 机构, an actor; "intelligence work" within "intelligence work institutions"
      {"security organs", ""},                                // 安全 is one English word: too little to say the concept is built on it
      {"debriefing", ""},                                     // 返回访谈 names no actor: an interview is no kind of 境外
      {"data processing entities", ""},                       // 者 alone is not an organ, unit or staff
      {"secrecy staff", "secrecy work=保密工作"},              // 人员, an actor
      {"intelligence work", ""},                              // nothing it is built on
  };
  for (const auto& row : rows) {
    INFO(row.english);
    const std::vector<Expansion> found = g.expand(row.english);
    REQUIRE(found.size() == 1);
    const std::optional<Expansion> wider = g.broader(found[0]);
    CHECK((wider ? wider->english + "=" + join(wider->zh, "|") : std::string()) == row.broader);
  }
  // The built-in glossary: the example.
  const std::vector<Expansion> agencies = Glossary::builtin().expand("intelligence agencies");
  REQUIRE(agencies.size() == 1);
  const std::optional<Expansion> wider = Glossary::builtin().broader(agencies[0]);
  REQUIRE(wider);
  CHECK(wider->zh.front() == "国家情报工作");
}

TEST_CASE("After a possessive, 'own' says whose and is not the verb of owning", "[glossary]") {
  // "is my company responsible for its own counter-espionage precautions", "who supervises state
  // security officers' own conduct": "own" was read as 非法获取|非法持有 (illegal possession), a
  // concept the query then required. After my/our/your/his/her/its/their it is a word the glossary
  // does not know; as a verb it stays the concept.
  const Glossary& g = Glossary::builtin();
  const auto has_possession = [](const std::vector<Expansion>& e) {
    return std::any_of(e.begin(), e.end(), [](const Expansion& x) { return std::find(x.zh.begin(), x.zh.end(), "非法持有") != x.zh.end(); });
  };
  for (const char* q : {"its own precautions", "their own units", "my own phone"}) {
    INFO(q);
    std::vector<std::string> unknown;
    CHECK_FALSE(has_possession(g.expand(q, &unknown)));
    CHECK(std::find(unknown.begin(), unknown.end(), "own") != unknown.end());
  }
  CHECK(has_possession(g.expand("owning a hidden camera")));
  CHECK(has_possession(g.expand("people who own a hidden camera")));
}

TEST_CASE("'national' and 'public' are citizens only as nouns", "[glossary]") {
  // "which agencies count as national intelligence institutions", "public health": "national" and
  // "public" render 公民 as nouns (a national of China, the public), and were read so as adjectives
  // too, a concept the query then required. Before a content word they are words the glossary
  // does not know, unless a longer term holds them.
  const Glossary& g = Glossary::builtin();
  const auto has_citizens = [](const std::vector<Expansion>& e) {
    return std::any_of(e.begin(), e.end(), [](const Expansion& x) { return std::find(x.zh.begin(), x.zh.end(), "公民") != x.zh.end(); });
  };
  for (const char* q : {"national intelligence institutions", "public health emergencies", "who issues national secrecy standards"}) {
    INFO(q);
    std::vector<std::string> unknown;
    CHECK_FALSE(has_citizens(g.expand(q, &unknown)));
  }
  CHECK(has_citizens(g.expand("Chinese nationals abroad")));
  CHECK(has_citizens(g.expand("informing the public")));
  CHECK(has_citizens(g.expand("a national of China")));
  const std::vector<Expansion> security = g.expand("national security");
  REQUIRE(security.size() == 1);
  CHECK(security[0].english == "national security");  // the longer term
}
