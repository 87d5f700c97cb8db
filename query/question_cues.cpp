#include "question_cues.h"

#include <algorithm>

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
      {{"what", "happens"}, Cue::Liability},   {{"consequences"}, Cue::Liability},      {{"consequence"}, Cue::Liability},
  };
  return table;
}

// Chinese question words, longest first at each start; those without a cue only ask.
struct ChineseWord {
  std::u32string word;
  std::size_t asking;  // the characters that only ask; the rest is a word of the statutes
  std::vector<Cue> cues;
};
const std::vector<ChineseWord>& chinese_words() {
  static const std::vector<ChineseWord> table = [] {
    struct Raw {
      const char* word;
      int asking;          // -1: all of it
      int cue;             // -1: none
      int second_cue = -1;  // -1: none
    };
    const std::vector<Raw> raw = {
        {"多长时间", -1, 0}, {"多少时间", -1, 0}, {"多久", -1, 0}, {"多长", -1, 0}, {"几天", -1, 0}, {"几年", -1, 0}, {"几个月", -1, 0},
        {"几小时", -1, 0}, {"几个小时", -1, 0}, {"多少天", -1, 0}, {"多少年", -1, 0}, {"多少钱", -1, 1}, {"多少", -1, 1},
        {"谁决定", 1, 2}, {"谁来决定", 2, 2}, {"谁认定", 1, 2}, {"谁来定", -1, 2}, {"由谁", -1, 2}, {"谁批准", 1, 2},
        {"怎么处罚", 2, 6}, {"怎么处理", 2, 6}, {"怎么罚", -1, 6},
        // A fine and how much: the penalty clauses, and the amounts among them (当间谍罚多少钱).
        {"罚多少钱", -1, 6, 1}, {"罚多少", -1, 6, 1},
        {"什么后果", 2, 6}, {"后果", 0, 6}, {"怎么举报", 2, 4},
        // What happens to someone (快递公司不配合国安调查会怎样): the penalty clauses, as "what happens".
        {"会怎样", -1, 6}, {"会怎么样", -1, 6},
        // What a term means: its definition (反间谍安全防范是什么意思).
        {"是什么意思", -1, 5}, {"什么意思", -1, 5},
        // What one must observe: the duties (开会涉及国家秘密要注意什么).
        {"要注意什么", -1, 3}, {"注意什么", -1, 3},
        // Words that only ask: who, which, when, whence, "will I be".
        {"哪个部门", -1, -1}, {"什么部门", -1, -1}, {"哪个机关", -1, -1},  // the answer names the body, not the word 部门
        {"谁来", -1, -1}, {"哪个", -1, -1}, {"哪天", -1, -1}, {"哪年", -1, -1}, {"从哪来", -1, -1}, {"会被", -1, -1},
        {"什么是", -1, 5}, {"怎么办", -1, 3}, {"怎么做", -1, 3}, {"该怎么做", -1, 3}, {"怎么", -1, -1}, {"怎样", -1, -1}, {"如何", -1, -1}, {"什么", -1, -1}, {"哪些", -1, -1},
        {"哪里", -1, -1}, {"去哪", -1, -1}, {"能不能", -1, 7}, {"可不可以", -1, 7}, {"是不是", -1, -1}, {"要不要", -1, -1},
        {"吗", -1, -1}, {"呢", -1, -1},
        // Round twelve: when, whom, and the A-not-A forms. Two characters typed together are kept
        // whole as a word, so 找谁, 没有 (of 有没有), 不需要 (of 需不需要) were required as typed.
        {"什么时候", -1, -1}, {"啥时候", -1, -1}, {"找谁", -1, -1}, {"向谁", -1, -1}, {"问谁", -1, -1}, {"归谁管", -1, -1},
        {"有没有", -1, -1}, {"是否", -1, -1}, {"算不算", -1, 5}, {"需不需要", -1, -1}, {"用不用", -1, -1}, {"会不会", -1, -1},
        {"该不该", -1, -1}, {"应不应该", -1, -1}, {"能否", -1, 7}, {"可否", -1, 7},
        // Whether a thing is of a kind (一次性密码本 属于 间谍器材吗): the definition of the kind.
        {"属不属于", -1, 5}, {"属于", -1, 5},
        // What liability, what rules, what requirements, in which cases: the frames of a question,
        // whose nouns (责任, 规定, 要求, 情况) an answer need not hold.
        {"要负什么责任", -1, 6}, {"负什么责任", -1, 6}, {"承担什么责任", -1, 6}, {"什么责任", -1, 6}, {"什么处罚", 2, 6},
        {"有什么规定", -1, -1}, {"有哪些规定", -1, -1}, {"怎么规定", -1, -1}, {"如何规定", -1, -1}, {"什么规定", -1, -1},
        {"有什么要求", -1, 3}, {"有哪些要求", -1, 3}, {"什么要求", -1, 3},
        {"什么情况下", -1, -1}, {"哪些情况下", -1, -1}, {"什么情况", -1, -1}, {"哪些情况", -1, -1},
        // A comparison: no statute says 区别; the answer is each term's own provisions.
        {"有什么区别", -1, -1}, {"有何区别", -1, -1}, {"区别", -1, -1},
        // The same questions in colloquial words (咋 for 怎么, 啥 for 什么) and which level or kind.
        {"咋办", -1, 3}, {"咋整", -1, 3}, {"咋罚", -1, 6}, {"咋处罚", 1, 6}, {"咋处理", 1, 6}, {"是啥意思", -1, 5}, {"啥意思", -1, 5},
        {"咋", -1, -1}, {"啥", -1, -1}, {"哪一级", -1, -1}, {"哪级", -1, -1}, {"哪种", -1, -1}, {"哪类", -1, -1}, {"哪一类", -1, -1},
        {"什么样的", -1, -1},
    };
    std::vector<ChineseWord> out;
    for (const Raw& r : raw) {
      std::u32string word = utf8::decode(r.word);
      const std::size_t asking = r.asking < 0 ? word.size() : static_cast<std::size_t>(r.asking);
      std::vector<Cue> cues;
      for (const int cue : {r.cue, r.second_cue})
        if (cue >= 0) cues.push_back(static_cast<Cue>(cue));
      out.push_back({std::move(word), asking, std::move(cues)});
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
  static const CueTerms authority{{"决定", "确定", "认定", "批准", "主管"}, {"decide", "determine", "designate", "approve"}};
  static const CueTerms duty{{"义务", "应当"}, {"obligation", "duty", "shall"}};
  static const CueTerms means{{"方式", "渠道", "途径"}, {"means", "channel", "way"}};
  static const CueTerms definition{{"是指", "所称"}, {"refers", "means"}};
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
    case Cue::Permission: return "whether it is allowed";
  }
  return "";
}

std::vector<Cue> take_english_cues(std::vector<std::string>& words) {
  std::vector<Cue> cues;
  std::vector<std::string> kept;
  std::size_t i = 0;
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
    if (std::find(cues.begin(), cues.end(), found->cue) == cues.end()) cues.push_back(found->cue);
    i += found->words.size();
  }
  words = std::move(kept);
  return cues;
}

ChineseQuestion chinese_question_at(std::u32string_view text, std::size_t pos) {
  if (pos >= text.size()) return {};
  for (const ChineseWord& w : chinese_words()) {
    if (w.word[0] != text[pos] || text.substr(pos, w.word.size()) != w.word) continue;
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
