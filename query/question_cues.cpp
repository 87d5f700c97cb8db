#include "question_cues.h"

#include <algorithm>
#include <optional>

#include "utf8.h"

namespace lawref::searching {
namespace {

// English question phrases, as word sequences, longest first where one begins another.
struct EnglishPhrase {
  std::vector<std::string> words;
  Cue cue;
};
const std::vector<EnglishPhrase>& english_phrases() {
  static const std::vector<EnglishPhrase> table = {
      {{"how", "long"}, Cue::Duration},        {{"how", "many", "years"}, Cue::Duration}, {{"how", "many", "days"}, Cue::Duration},
      {{"how", "many", "hours"}, Cue::Duration}, {{"how", "many", "months"}, Cue::Duration}, {{"how", "soon"}, Cue::Duration},
      {{"how", "much"}, Cue::Amount},          {{"who", "decides"}, Cue::Authority},     {{"who", "determines"}, Cue::Authority},
      {{"who", "decide"}, Cue::Authority},     {{"who", "approves"}, Cue::Authority},    {{"who", "designates"}, Cue::Authority},
      {{"what", "must"}, Cue::Duty},           {{"must", "do"}, Cue::Duty},              {{"have", "to", "do"}, Cue::Duty},
      {{"how", "do", "i"}, Cue::Means},        {{"how", "can", "i"}, Cue::Means},        {{"how", "to"}, Cue::Means},
      {{"ways", "to"}, Cue::Means},            {{"what", "counts", "as"}, Cue::Definition}, {{"what", "is", "meant", "by"}, Cue::Definition},
      {{"what", "if"}, Cue::Liability},        {{"what", "happens"}, Cue::Liability},   {{"consequences"}, Cue::Liability},      {{"consequence"}, Cue::Liability},
      // Round twelve: which body is in charge, and who pays. "in charge" alone is the translations'
      // own phrase (the person in charge): only the question asks.
      {{"who", "is", "in", "charge", "of"}, Cue::Competence}, {{"who", "is", "in", "charge"}, Cue::Competence},
      {{"who", "is", "responsible", "for"}, Cue::Competence}, {{"who", "enforces"}, Cue::Competence},
      // Must one: the duties ("do ISPs have to decrypt", "must I answer", "are officers required to").
      {{"must", "i"}, Cue::Duty},              {{"must", "we"}, Cue::Duty},
      {{"required", "to"}, Cue::Duty},         {{"obliged", "to"}, Cue::Duty},
      {{"who", "pays", "for"}, Cue::Funding},  {{"who", "pays"}, Cue::Funding},       {{"who", "funds"}, Cue::Funding},
      {{"who", "bears", "the", "cost"}, Cue::Funding},
      // Who makes a rule, a standard, a plan: the body that formulates it (制定).
      {{"who", "makes"}, Cue::Making},         {{"who", "sets"}, Cue::Making},           {{"who", "drafts"}, Cue::Making},
      {{"who", "formulates"}, Cue::Making},    {{"who", "writes"}, Cue::Making},
      // Whom a text binds: its scope of application (本条例适用于…, "these Regulations apply to").
      {{"who", "must", "comply", "with"}, Cue::Scope}, {{"who", "has", "to", "comply", "with"}, Cue::Scope},
      {{"scope", "of", "application"}, Cue::Scope},
      {{"role", "of"}, Cue::Duty},  // a body's role is what it must do (职责, "shall")
      // Round thirteen: whether one may (可以, 不得, 禁止; the translations' "may", "prohibited").
      {{"can", "i"}, Cue::Permission},         {{"can", "we"}, Cue::Permission},         {{"can", "they"}, Cue::Permission},
      {{"may", "i"}, Cue::Permission},         {{"may", "we"}, Cue::Permission},
      {{"am", "i", "allowed", "to"}, Cue::Permission}, {{"are", "we", "allowed", "to"}, Cue::Permission},
      {{"is", "it", "legal", "to"}, Cue::Permission}, {{"is", "it", "allowed"}, Cue::Permission}, {{"is", "it", "permitted"}, Cue::Permission},
  };
  return table;
}

// Chinese question words, longest first at each start; those without a cue only ask.
struct ChineseWord {
  std::u32string word;
  std::size_t asking;  // the characters that only ask; the rest is a word of the statutes
  std::vector<Cue> cues;
  // Read only where it closes the question: at the end of the run, or before another question word,
  // after 是 or not (国家秘密定义是什么); 定义 of 法定义务 is no question.
  bool closing_only = false;
};
const std::vector<ChineseWord>& chinese_words() {
  static const std::vector<ChineseWord> table = [] {
    constexpr std::optional<Cue> kAsks;  // a word that only asks
    struct Raw {
      const char* word;
      int asking;  // -1: all of it
      std::optional<Cue> cue;
      std::optional<Cue> second_cue = kAsks;
      bool closing_only = false;
    };
    const std::vector<Raw> raw = {
        {"多长时间", -1, Cue::Duration}, {"多少时间", -1, Cue::Duration}, {"多久", -1, Cue::Duration}, {"多长", -1, Cue::Duration}, {"几天", -1, Cue::Duration},
        {"几年", -1, Cue::Duration}, {"几个月", -1, Cue::Duration},
        {"几小时", -1, Cue::Duration}, {"几个小时", -1, Cue::Duration}, {"多少天", -1, Cue::Duration}, {"多少年", -1, Cue::Duration}, {"多少钱", -1, Cue::Amount},
        {"多少", -1, Cue::Amount},
        {"谁决定", 1, Cue::Authority}, {"谁来决定", 2, Cue::Authority}, {"谁认定", 1, Cue::Authority}, {"谁来定", -1, Cue::Authority}, {"由谁", -1, Cue::Authority},
        {"谁批准", 1, Cue::Authority},
        {"怎么处罚", 2, Cue::Liability}, {"怎么处理", 2, Cue::Liability}, {"怎么罚", -1, Cue::Liability},
        // A fine and how much: the penalty clauses, and the amounts among them (当间谍罚多少钱).
        {"罚多少钱", -1, Cue::Liability, Cue::Amount}, {"罚多少", -1, Cue::Liability, Cue::Amount},
        {"什么后果", 2, Cue::Liability}, {"后果", 0, Cue::Liability}, {"怎么举报", 2, Cue::Means},
        // What happens to someone (快递公司不配合国安调查会怎样): the penalty clauses, as "what happens".
        {"会怎样", -1, Cue::Liability}, {"会怎么样", -1, Cue::Liability},
        // What a term means: its definition (反间谍安全防范是什么意思).
        {"是什么意思", -1, Cue::Definition}, {"什么意思", -1, Cue::Definition},
        // What one must observe: the duties (开会涉及国家秘密要注意什么).
        {"要注意什么", -1, Cue::Duty}, {"注意什么", -1, Cue::Duty},
        // Words that only ask: who, which, when, whence, "will I be".
        {"哪个部门", -1, kAsks}, {"什么部门", -1, kAsks}, {"哪个机关", -1, kAsks},  // the answer names the body, not the word 部门
        {"谁来", -1, kAsks}, {"哪个", -1, kAsks}, {"哪天", -1, kAsks}, {"哪年", -1, kAsks}, {"从哪来", -1, kAsks}, {"会被", -1, kAsks},
        {"什么是", -1, Cue::Definition}, {"怎么办", -1, Cue::Duty}, {"怎么做", -1, Cue::Duty}, {"该怎么做", -1, Cue::Duty}, {"怎么", -1, kAsks}, {"怎样", -1, kAsks},
        {"如何", -1, kAsks}, {"什么", -1, kAsks}, {"哪些", -1, kAsks},
        {"哪里", -1, kAsks}, {"去哪", -1, kAsks}, {"能不能", -1, Cue::Permission}, {"可不可以", -1, Cue::Permission}, {"是不是", -1, kAsks}, {"要不要", -1, kAsks},
        {"吗", -1, kAsks}, {"呢", -1, kAsks},
        // Round twelve: when, whom, and the A-not-A forms. Two characters typed together are kept
        // whole as a word, so 找谁, 没有 (of 有没有), 不需要 (of 需不需要) were required as typed.
        {"什么时候", -1, kAsks}, {"啥时候", -1, kAsks}, {"找谁", -1, kAsks}, {"向谁", -1, kAsks}, {"问谁", -1, kAsks}, {"归谁管", -1, kAsks},
        {"有没有", -1, kAsks}, {"是否", -1, kAsks}, {"算不算", -1, Cue::Definition}, {"需不需要", -1, kAsks}, {"用不用", -1, kAsks}, {"会不会", -1, kAsks},
        {"该不该", -1, kAsks}, {"应不应该", -1, kAsks}, {"能否", -1, Cue::Permission}, {"可否", -1, Cue::Permission},
        // Whether a thing is of a kind (一次性密码本 属于 间谍器材吗): the definition of the kind.
        {"属不属于", -1, Cue::Definition}, {"属于", -1, Cue::Definition},
        // What liability, what rules, what requirements, in which cases: the frames of a question,
        // whose nouns (责任, 规定, 要求, 情况) an answer need not hold.
        {"要负什么责任", -1, Cue::Liability}, {"负什么责任", -1, Cue::Liability}, {"承担什么责任", -1, Cue::Liability}, {"什么责任", -1, Cue::Liability},
        {"什么处罚", 2, Cue::Liability},
        {"有什么规定", -1, kAsks}, {"有哪些规定", -1, kAsks}, {"怎么规定", -1, kAsks}, {"如何规定", -1, kAsks}, {"什么规定", -1, kAsks},
        {"有什么要求", -1, Cue::Duty}, {"有哪些要求", -1, Cue::Duty}, {"什么要求", -1, Cue::Duty},
        {"什么情况下", -1, kAsks}, {"哪些情况下", -1, kAsks}, {"什么情况", -1, kAsks}, {"哪些情况", -1, kAsks},
        // A comparison: no statute says 区别; the answer is each term's own provisions.
        {"有什么区别", -1, kAsks}, {"有何区别", -1, kAsks}, {"区别", -1, kAsks},
        // The same questions in colloquial words (咋 for 怎么, 啥 for 什么) and which level or kind.
        {"咋办", -1, Cue::Duty}, {"咋整", -1, Cue::Duty}, {"咋罚", -1, Cue::Liability}, {"咋处罚", 1, Cue::Liability}, {"咋处理", 1, Cue::Liability},
        {"是啥意思", -1, Cue::Definition}, {"啥意思", -1, Cue::Definition},
        {"咋", -1, kAsks}, {"啥", -1, kAsks}, {"哪一级", -1, kAsks}, {"哪级", -1, kAsks}, {"哪种", -1, kAsks}, {"哪类", -1, kAsks}, {"哪一类", -1, kAsks},
        {"什么样的", -1, kAsks},
        // Round thirteen. A definition asked for by name (国家安全 的 法律定义): no statute says 定义,
        // 含义 or 概念; the answer is where the text defines the term (是指, 所称).
        // Bare 定义 and 含义 only where they close the question (法定义务, 包含义务 hold them).
        {"法律定义", -1, Cue::Definition}, {"的定义", -1, Cue::Definition}, {"的含义", -1, Cue::Definition}, {"概念", -1, Cue::Definition},
        {"定义", -1, Cue::Definition, kAsks, true}, {"含义", -1, Cue::Definition, kAsks, true},
        // When, to whom, which of several: 几时 and 几号 as 什么时候; 给谁 as 找谁.
        {"几时", -1, kAsks}, {"几号", -1, kAsks}, {"给谁", -1, kAsks}, {"哪几个", -1, kAsks}, {"哪几种", -1, kAsks}, {"哪几类", -1, kAsks},
        // Who makes it: the body that formulates it (制定 is the cue's term: all of it asks).
        {"谁制定", 1, Cue::Making}, {"谁来制定", 2, Cue::Making}, {"谁定", -1, Cue::Making},
        // What it holds: the enumeration is the answer, not the words 内容 or 包括.
        {"包括哪些内容", -1, kAsks}, {"包括哪些", -1, kAsks}, {"包括什么", -1, kAsks}, {"哪些内容", -1, kAsks}, {"什么内容", -1, kAsks},
    };
    std::vector<ChineseWord> out;
    for (const Raw& r : raw) {
      std::u32string word = utf8::decode(r.word);
      const std::size_t asking = r.asking < 0 ? word.size() : static_cast<std::size_t>(r.asking);
      std::vector<Cue> cues;
      for (const std::optional<Cue>& cue : {r.cue, r.second_cue})
        if (cue) cues.push_back(*cue);
      out.push_back({std::move(word), asking, std::move(cues), r.closing_only});
    }
    // Longest first, so 多少钱 wins over 多少 and 怎么处罚 over 怎么.
    std::stable_sort(out.begin(), out.end(), [](const ChineseWord& a, const ChineseWord& b) { return a.word.size() > b.word.size(); });
    return out;
  }();
  return table;
}

}  // namespace

const CueTerms& cue_terms(Cue cue) {
  static const CueTerms duration{{"期限", "日内", "之日起", "小时", "不超过"}, {"period", "within", "days", "hours", "years", "exceed"}};
  static const CueTerms amount{{"元", "万元", "标准"}, {"yuan", "rmb", "amount"}};
  static const CueTerms authority{{"决定", "确定", "认定", "批准", "主管", "权限"}, {"decide", "determine", "designate", "approve", "authority"}};
  static const CueTerms duty{{"义务", "应当"}, {"obligation", "duty", "shall"}};
  static const CueTerms means{{"方式", "渠道", "途径"}, {"means", "channel", "way"}};
  static const CueTerms definition{{"是指", "所称"}, {"refers", "means"}};
  // 主管 and "competent": the competent organs (国家安全机关是反间谍工作的主管机关). Not 负责 or
  // "responsible": "who is responsible for" asks for that organ, and 负责 is said of every duty.
  static const CueTerms competence{{"主管"}, {"competent"}};
  static const CueTerms funding{{"经费", "预算"}, {"funds", "funding", "budget"}};
  static const CueTerms making{{"制定"}, {"formulate"}};
  static const CueTerms scope{{"适用"}, {"apply"}};
  static const CueTerms liability{{"法律责任", "处罚", "处分", "罚款", "拘留", "追究"}, {"penalty", "punish", "fine", "detention", "liability"}};
  static const CueTerms permission{{"可以", "不得", "禁止"}, {"may", "prohibited", "permitted"}};
  switch (cue) {
    case Cue::Duration: return duration;
    case Cue::Amount: return amount;
    case Cue::Authority: return authority;
    case Cue::Duty: return duty;
    case Cue::Means: return means;
    case Cue::Definition: return definition;
    case Cue::Liability: return liability;
    case Cue::Competence: return competence;
    case Cue::Funding: return funding;
    case Cue::Making: return making;
    case Cue::Scope: return scope;
    case Cue::Permission: return permission;
  }
  return duration;
}

const char* to_string(Cue cue) {
  switch (cue) {
    case Cue::Duration: return "a period";
    case Cue::Amount: return "an amount";
    case Cue::Authority: return "who decides";
    case Cue::Duty: return "a duty";
    case Cue::Means: return "the means";
    case Cue::Definition: return "a definition";
    case Cue::Liability: return "the liability";
    case Cue::Competence: return "the body in charge";
    case Cue::Funding: return "who pays";
    case Cue::Making: return "who makes it";
    case Cue::Scope: return "whom it applies to";
    case Cue::Permission: return "whether it is allowed";
  }
  return "";
}

std::vector<EnglishQuestion> take_english_questions(std::vector<std::string>& words) {
  std::vector<EnglishQuestion> found_questions;
  // "is owning a hidden camera illegal", "are such devices unlawful": a yes-or-no question whether
  // something is unlawful asks for the liability; its last word only asks (inside a query,
  // "illegal possession" is a term and stays).
  if (words.size() >= 3 && (words.front() == "is" || words.front() == "are") && (words.back() == "illegal" || words.back() == "unlawful")) {
    found_questions.push_back({words.back(), Cue::Liability});
    words.pop_back();
  }
  std::vector<std::string> kept;
  std::size_t i = 0;
  std::size_t previous_end = 0;  // where the last question phrase ended
  while (i < words.size()) {
    const EnglishPhrase* found = nullptr;
    for (const EnglishPhrase& p : english_phrases()) {
      if (i + p.words.size() > words.size() || !std::equal(p.words.begin(), p.words.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) continue;
      if (!found || p.words.size() > found->words.size()) found = &p;
    }
    if (!found) {
      kept.push_back(words[i++]);
      continue;
    }
    EnglishQuestion q;
    for (const std::string& w : found->words) q.words += (q.words.empty() ? "" : " ") + w;
    // "how many hours can they question me": the modal right after a question is part of that
    // question (how long they may), no question of its own whether they may.
    if (!(found->cue == Cue::Permission && i > 0 && i == previous_end)) q.cue = found->cue;
    found_questions.push_back(std::move(q));
    i += found->words.size();
    previous_end = i;
  }
  words = std::move(kept);
  return found_questions;
}

ChineseQuestion chinese_question_at(std::u32string_view text, std::size_t pos) {
  if (pos >= text.size()) return {};
  for (const ChineseWord& w : chinese_words()) {
    if (w.word[0] != text[pos] || text.substr(pos, w.word.size()) != w.word) continue;
    if (w.closing_only) {
      std::size_t end = pos + w.word.size();
      if (end < text.size() && text[end] == U'是') ++end;
      if (end < text.size() && !chinese_question_at(text, end).length) continue;
    }
    ChineseQuestion q{w.word.size(), w.asking, w.cues};
    // A statute word that is one of the cue's own terms (处罚 of 怎么处罚, 决定 of 谁决定) is what
    // the question asks for: the cue ranks by it, the query does not require it.
    if (!q.cues.empty() && q.asking < q.length) {
      const std::string rest = utf8::encode(std::u32string(w.word.substr(q.asking)));
      const std::vector<std::string>& terms = cue_terms(q.cues.front()).zh;
      if (std::find(terms.begin(), terms.end(), rest) != terms.end()) q.asking = q.length;
    }
    return q;
  }
  return {};
}

}  // namespace lawref::searching
