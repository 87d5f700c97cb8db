// Question words: what a question asks for, apart from what it is about. "how long does a state
// secret stay secret" is about state secrets and asks for a period; the words "how long" are in
// no statute, so they must not be required, but the provisions that state a period answer it.
// A cue is such a question, turned into optional terms that raise the provisions answering it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lawref::searching {

// Competence: which body is in charge (the competent organs); Funding: who pays (funds, budgets);
// Making: who makes a rule or a standard (formulates, 制定); Scope: whom a text applies to (适用);
// Permission: whether a thing is allowed (可以, 不得, 禁止).
enum class Cue { Duration, Amount, Authority, Duty, Means, Definition, Liability, Competence, Funding, Making, Scope, Permission };

// What answers a cue: Chinese statute terms, and English words of the translation.
struct CueTerms {
  std::vector<std::string> zh;
  std::vector<std::string> en;
};
const CueTerms& cue_terms(Cue cue);
const char* to_string(Cue cue);

// The question phrases of an English query ("how long", "who decides", "who is in charge of"),
// taken out of `words` (lower-case, as english_words gives them) so they are not searched for:
// each with the words it took (for --explain) and its cue (none for a modal that is part of the
// question before it: "how many hours can they"); a closing "illegal" first, then the phrases in
// the order of the query. A cue may come twice; the caller keeps it once.
struct EnglishQuestion {
  std::string words;
  std::optional<Cue> cue;
};
std::vector<EnglishQuestion> take_english_questions(std::vector<std::string>& words);

// A Chinese question word at `pos` of the folded `text` (怎么, 多久, 多少钱, 谁批准): its length
// (0 when none), how many of its first characters only ask, and the cues it carries (none; one;
// two for 罚多少钱, which asks for a penalty and its amount). The statute word it ends in stays
// searched (审批 of 要审批吗), unless it is one of its first cue's own terms (处罚 of 怎么处罚,
// 决定 of 谁决定): then all of it asks, and the cue ranks by that word.
struct ChineseQuestion {
  std::size_t length = 0;
  std::size_t asking = 0;
  std::vector<Cue> cues;
};
ChineseQuestion chinese_question_at(std::u32string_view text, std::size_t pos);

}  // namespace lawref::searching
