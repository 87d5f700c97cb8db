#include "citation_lexicon.h"

namespace lawref::links::lexicon {
namespace {

using u32v = std::u32string_view;

// The kinds of text that call themselves 本X: laws (法), administrative and local regulations
// (条例), the State Council's and ministries' rules (办法, 规定, 规则, 细则, and the 实施 forms
// of implementing rules), the NPC Standing Committee's decisions and interpretations (决定,
// 解释), codes and articles (准则, 章程) and opinions (意见). 本条 is no law: it stands apart.
constexpr u32v kSelfDesignatorWords[] = {U"实施细则", U"实施办法", U"实施条例", U"条例", U"细则", U"办法", U"规定",
                                         U"规则",     U"决定",     U"解释",     U"准则", U"章程", U"意见", U"法"};

// 基本法 (Hong Kong's and Macao's, cited by name), 根本, 成本, 资本, 版本, 样本, 副本, 文本, 日本,
// 原本, 范本, 账本, 标本, 剧本, 课本, 脚本, 底本, 书本, 蓝本, 读本, 稿本: words ending in 本, whose 本
// designates nothing.
constexpr u32v kBeforeBenChars = U"基根成资版样副文日原范账标剧课脚底书蓝读稿";

// Statutes look back at most four paragraphs or items (前两款, 前三款, 前四款); 前二款 is written too.
constexpr CountWord kBeforeCountWords[] = {{U'两', 2}, {U'二', 2}, {U'三', 3}, {U'四', 4}};

// The conjunctions statutes join cited provisions with (第五条、第六条和第七条, 第三条或者第四条).
// 以及 and 或者 come before 及 and 或 so that the whole word is taken.
constexpr u32v kListSeparatorWords[] = {U"以及", U"或者", U"、", U"和", U"及", U"或", U"与", U","};

// The last characters of law names (…法, …条例, …细则, …规定, 民法典): a known name is looked for
// only where one of them stands.
constexpr u32v kNameEndingChars = U"法例则定典";

// After a known name, these make it part of another act's name: 刑法修正案(十一), 保密法实施条例,
// 刑法修改 (…关于修改…的决定).
constexpr u32v kNotCitingAfterNameWords[] = {U"修正案", U"实施", U"修改"};

// 法 beginning another word, not ending a law's name: 保密法治, 法律, 法制, 法规, 法定, 法院, 法官,
// 法庭, 法人, 法学, 法理, 法务, 法则.
constexpr u32v kWordStartsAfterFaChars = U"治律制规定院官庭人学理务则";

// How the name of a law lawref does not know ends, when 第 follows (婚姻法第十七条, …条例第三条).
constexpr u32v kUnknownNameEndingWords[] = {U"法", U"条例", U"规定", U"办法", U"细则"};

// The verbs and particles a cited law's name follows in statute text (依照…法第N条, 违反…条例的):
// an unknown name runs back to one of them, no further.
constexpr u32v kWordsBeforeNameWords[] = {U"依照", U"依据", U"根据", U"按照", U"违反", U"适用", U"参照", U"属于", U"符合",
                                          U"规定的", U"和",   U"及",   U"或",   U"的",   U"对",   U"在",   U"为",   U"即"};

// The quotes an alias may be written in: (以下简称《测试法》), (以下简称“测试法”).
constexpr u32v kAliasQuoteChars = U"《》“”\"";

}  // namespace

const Words kSelfDesignators = kSelfDesignatorWords;
const std::u32string_view kSelfArticle = U"本条";
const std::u32string_view kBeforeBenInWords = kBeforeBenChars;
const std::span<const CountWord> kBeforeCounts = kBeforeCountWords;
const Words kListSeparators = kListSeparatorWords;
const std::u32string_view kNameEndings = kNameEndingChars;
const Words kNotCitingAfterName = kNotCitingAfterNameWords;
const std::u32string_view kWordStartsAfterFa = kWordStartsAfterFaChars;
const Words kUnknownNameEndings = kUnknownNameEndingWords;
const Words kWordsBeforeNames = kWordsBeforeNameWords;
// Folded text: the brackets are ASCII.
const std::u32string_view kAliasOpening = U"(以下简称";
const std::u32string_view kAliasQuotes = kAliasQuoteChars;

std::size_t word_at(std::u32string_view s, std::size_t at, Words words) {
  if (at > s.size()) return 0;
  for (u32v word : words)
    if (s.substr(at, word.size()) == word) return word.size();
  return 0;
}

bool word_ends_at(std::u32string_view s, std::size_t end, Words words) {
  for (u32v word : words)
    if (end >= word.size() && s.substr(end - word.size(), word.size()) == word) return true;
  return false;
}

}  // namespace lawref::links::lexicon
