// Question words (question_cues.h): which words of a query only ask, and what they ask for.
// Tables of {query, what is left, cues}; nothing here reads the corpus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "glossary.h"
#include "question_cues.h"
#include "utf8.h"

using namespace lawref;
using namespace lawref::searching;

TEST_CASE("English question phrases leave the query and say what they ask for", "[question_cues]") {
  struct Row {
    const char* query;
    const char* left;
    std::vector<Cue> cues;
  };
  const std::vector<Row> rows = {
      {"how long does a state secret stay secret", "does a state secret stay secret", {Cue::Duration}},
      {"how many hours can they question me", "question me", {Cue::Duration}},  // the modal is part of the question how long
      {"reward for reporting a spy how much", "reward for reporting a spy", {Cue::Amount}},
      {"who decides whether something is a state secret", "whether something is a state secret", {Cue::Authority}},
      {"what must the platform do", "the platform do", {Cue::Duty}},
      {"how do I report a suspected spy", "report a suspected spy", {Cue::Means}},
      {"what counts as spying", "spying", {Cue::Definition}},
      {"company ignores obligations consequences", "company ignores obligations", {Cue::Liability}},
      {"how long and how much", "and", {Cue::Duration, Cue::Amount}},
      {"how long how long", "", {Cue::Duration}},  // a cue once
      // Round twelve: which body is in charge, who pays. "in charge" outside the question is the
      // translations' own phrase (the person in charge) and stays searched.
      {"who is in charge of counter-espionage", "counter espionage", {Cue::Competence}},
      {"who is in charge", "", {Cue::Competence}},
      {"who is responsible for secrecy work", "secrecy work", {Cue::Competence}},
      {"who enforces the regulations", "the regulations", {Cue::Competence}},
      {"approval of the person in charge", "approval of the person in charge", {}},
      {"who pays for the informant rewards", "the informant rewards", {Cue::Funding}},
      {"who funds counter-espionage precautions", "counter espionage precautions", {Cue::Funding}},
      {"must I answer state security's questions truthfully", "answer state security questions truthfully", {Cue::Duty}},
      {"are intelligence officers required to respect human rights", "are intelligence officers respect human rights", {Cue::Duty}},
      {"do ISPs have to decrypt", "do isps have to decrypt", {}},  // "have to" alone: no cue (it lowered two held-out queries)
      {"is owning a hidden camera illegal", "is owning a hidden camera", {Cue::Liability}},
      {"are such devices unlawful", "are such devices", {Cue::Liability}},
      {"is that illegal possession of state secrets", "is that illegal possession of state secrets", {}},  // a term, not the question
      {"illegal", "illegal", {}},
      {"who sets counter-espionage technical protection standards", "counter espionage technical protection standards", {Cue::Making}},
      {"who makes secrecy rules for the military", "secrecy rules for the military", {Cue::Making}},
      {"who must comply with the Shanghai counter-espionage regulations", "the shanghai counter espionage regulations", {Cue::Scope}},
      {"must comply with", "must comply with", {}},  // a duty to comply, not the question whom
      {"role of district governments in Shanghai", "district governments in shanghai", {Cue::Duty}},  // a body's role: its duties
      {"what if I come forward", "i come forward", {Cue::Liability}},  // as "what happens if"
      // Round thirteen: whether one may. "how can I" stays the question of the means (the longer phrase).
      {"can I take classified documents abroad", "take classified documents abroad", {Cue::Permission}},
      {"state security officers showed up, can they come in", "state security officers showed up come in", {Cue::Permission}},
      {"may we refuse an inspection", "refuse an inspection", {Cue::Permission}},
      {"am I allowed to photograph a military base", "photograph a military base", {Cue::Permission}},
      {"is it legal to own a hidden camera", "own a hidden camera", {Cue::Permission}},
      {"is it allowed to record a search", "to record a search", {Cue::Permission}},
      {"how can I report a spy", "report a spy", {Cue::Means}},
      {"where the period can be extended", "where the period can be extended", {}},  // the modal inside a sentence
      {"exit ban", "exit ban", {}},
      {"long term", "long term", {}},  // "long" alone asks nothing
  };
  for (const Row& row : rows) {
    INFO(row.query);
    std::vector<std::string> words = english_words(row.query);
    std::vector<Cue> cues;  // each once, as the query compiler keeps them
    for (const EnglishQuestion& q : take_english_questions(words))
      if (q.cue && std::find(cues.begin(), cues.end(), *q.cue) == cues.end()) cues.push_back(*q.cue);
    std::string left;
    for (const std::string& w : words) left += (left.empty() ? "" : " ") + w;
    CHECK(left == row.left);
    CHECK(cues == row.cues);
  }
}

TEST_CASE("Chinese question words: the longest at a position, with its cues if it has any", "[question_cues]") {
  struct Row {
    const char* text;
    std::size_t pos;
    std::size_t length, asking;
    std::vector<Cue> cues;
  };
  const std::vector<Row> rows = {
      {"泄密会怎么处罚", 3, 4, 4, {Cue::Liability}},  // 怎么处罚, not 怎么; 处罚, a liability term, is asked for
      {"当间谍罚多少钱", 4, 3, 3, {Cue::Amount}},     // 多少钱, not 多少
      {"当间谍罚多少钱", 3, 4, 4, {Cue::Liability, Cue::Amount}},  // a fine, and how much
      {"罚多少", 0, 3, 3, {Cue::Liability, Cue::Amount}},
      {"举报奖金多久发", 4, 2, 2, {Cue::Duration}},
      {"密级变更谁决定", 4, 3, 3, {Cue::Authority}},  // 决定 is one of the authority terms: asked for
      {"举报间谍怎么举报", 4, 4, 2, {Cue::Means}},    // 举报 is no term of the means: it stays searched
      {"泄密后果", 2, 2, 0, {Cue::Liability}},        // a cue, and a word of the statutes (造成严重后果)
      {"涉密人员出国要审批吗", 9, 1, 1, {}},
      {"涉密人员出国要审批吗", 0, 0, 0, {}},  // 涉密 asks nothing
      {"国家秘密", 0, 0, 0, {}},
      // Round eleven: questions the held-out sets asked in words the table lacked.
      {"快递公司不配合会怎样", 7, 3, 3, {Cue::Liability}},  // 会 was left over, and the phrase 会怎样 required
      {"快递公司不配合会怎么样", 7, 4, 4, {Cue::Liability}},
      {"反间谍安全防范是什么意思", 7, 5, 5, {Cue::Definition}},  // not 什么 alone, which left 意思 searched
      {"开会涉及国家秘密要注意什么", 8, 5, 5, {Cue::Duty}},
      {"国安干警谁来监督", 4, 2, 2, {}},  // 谁来 asks; 监督 stays searched
      {"四川公民会被警告吗", 4, 2, 2, {}},
      {"江西反间谍工作归哪个部门管", 8, 4, 4, {}},  // 哪个部门, not 哪个: 江西 art 5 says 国家安全机关主管, not 部门
      // Round twelve: when, whom, and the A-not-A forms, which left a two-character word required.
      {"反间谍法什么时候施行", 4, 4, 4, {}},  // not 什么 alone, which left 时候 searched
      {"泄密找谁举报", 2, 2, 2, {}},
      {"发现间谍向谁报告", 4, 2, 2, {}},
      {"出境有没有限制", 2, 3, 3, {}},        // 没有 was required
      {"涉密人员出境需不需要审批", 6, 4, 4, {}},  // 不需要 was required
      {"这算不算间谍行为", 1, 3, 3, {Cue::Definition}},  // whether it is of the kind: the definition
      {"泄密是否违法", 2, 2, 2, {}},
      {"这属不属于国家秘密", 1, 4, 4, {Cue::Definition}},
      {"一次性密码本属于间谍器材吗", 6, 2, 2, {Cue::Definition}},  // 属于 was required
      // What to do: the duties (应当), as 要注意什么 does.
      {"举报后被打击报复怎么办", 8, 3, 3, {Cue::Duty}},
      {"发现间谍该怎么做", 4, 4, 4, {Cue::Duty}},
      // The frames of a question: what liability, rules, requirements, in which cases.
      {"泄密承担什么责任", 2, 6, 6, {Cue::Liability}},  // 承担 and 责任 were required
      {"泄露国家秘密要负什么责任", 6, 6, 6, {Cue::Liability}},
      {"泄露国家秘密受什么处罚", 7, 4, 4, {Cue::Liability}},  // 处罚, a liability term, is asked for
      {"涉密人员出境有什么要求", 6, 5, 5, {Cue::Duty}},
      {"涉密人员出境有什么规定", 6, 5, 5, {}},
      {"什么情况下可以查封", 0, 5, 5, {}},  // 情况 was required
      {"核心涉密人员重要涉密人员区别", 12, 2, 2, {}},  // no statute says 区别
      {"泄密咋处罚", 2, 3, 3, {Cue::Liability}},         // 咋 is 怎么
      {"泄密咋办", 2, 2, 2, {Cue::Duty}},
      {"定密是啥意思", 2, 4, 4, {Cue::Definition}},      // 啥 is 什么
      {"哪一级部门", 0, 3, 3, {}},
      // Whether it is allowed: the provisions that permit or forbid (可以, 不得, 禁止).
      {"绝密文件能不能复印", 4, 3, 3, {Cue::Permission}},
      {"可不可以出境", 0, 4, 4, {Cue::Permission}},
      // Round thirteen: a definition asked for by name; bare 定义 and 含义 only where they end the run.
      {"国家安全法律定义", 4, 4, 4, {Cue::Definition}},
      {"间谍行为的定义", 4, 3, 3, {Cue::Definition}},
      {"间谍行为定义", 4, 2, 2, {Cue::Definition}},
      {"间谍行为的含义", 4, 3, 3, {Cue::Definition}},
      {"间谍行为的概念", 5, 2, 2, {Cue::Definition}},
      {"法定义务", 1, 0, 0, {}},  // a legal duty: 法定 义务
      {"包含义务", 1, 0, 0, {}},
      // … or where only question words follow them (review of round thirteen: 定义 was a word to search).
      {"国家秘密定义是什么", 4, 2, 2, {Cue::Definition}},
      {"间谍行为含义是啥", 4, 2, 2, {Cue::Definition}},
      {"法定义务是什么", 1, 0, 0, {}},
      // When, to whom, which of several (the exact tier of 国家安全法 几时 生效 matched nothing).
      {"国家安全法几时生效", 5, 2, 2, {}},
      {"教育日几号", 3, 2, 2, {}},
      {"奖金给谁", 2, 2, 2, {}},
      {"国家秘密分为哪几个密级", 6, 3, 3, {}},  // not 哪个 of 哪几个, which left 几 over
      // Who makes it: 制定 is the cue's own term, so all of it asks.
      {"国家安全战略谁制定", 6, 3, 3, {Cue::Making}},
      {"奖励办法谁定", 4, 2, 2, {Cue::Making}},
      // What it holds: the enumeration answers, not the words 包括 or 内容.
      {"国家安全战略包括哪些内容", 6, 6, 6, {}},
      {"情报工作机构包括哪些", 6, 4, 4, {}},
      {"保密审查什么内容", 4, 4, 4, {}},
  };
  for (const Row& row : rows) {
    INFO(row.text << " at " << row.pos);
    const std::u32string text = utf8::decode(row.text);
    const ChineseQuestion q = chinese_question_at(text, row.pos);
    CHECK(q.length == row.length);
    CHECK(q.asking == row.asking);
    CHECK(q.cues == row.cues);
  }
}

TEST_CASE("Every cue has terms in both languages and a name", "[question_cues]") {
  for (const Cue cue : {Cue::Duration, Cue::Amount, Cue::Authority, Cue::Duty, Cue::Means, Cue::Definition, Cue::Liability,
                          Cue::Competence, Cue::Funding, Cue::Making, Cue::Scope, Cue::Permission}) {
    INFO(to_string(cue));
    CHECK_FALSE(std::string(to_string(cue)).empty());
    CHECK_FALSE(cue_terms(cue).zh.empty());
    CHECK_FALSE(cue_terms(cue).en.empty());
  }
}

TEST_CASE("English question phrases say which words they took, for --explain", "[question_cues]") {
  std::vector<std::string> words = english_words("how many hours can they question me");
  std::vector<EnglishQuestion> q = take_english_questions(words);
  REQUIRE(q.size() == 2);
  CHECK(q[0].words == "how many hours");
  CHECK(q[0].cue == Cue::Duration);
  CHECK(q[1].words == "can they");
  CHECK_FALSE(q[1].cue.has_value());  // part of the question how long
  words = english_words("is owning a hidden camera illegal");
  q = take_english_questions(words);
  REQUIRE(q.size() == 1);
  CHECK(q[0].words == "illegal");
  CHECK(q[0].cue == Cue::Liability);
  words = english_words("exit ban");
  CHECK(take_english_questions(words).empty());
}
