#include "search_compiler.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "analyzer.h"
#include "index_schema.h"
#include "search_text.h"
#include "utf8.h"

namespace lawref::searching {

using u32 = std::u32string;

namespace {

// The extra weight of an English concept's own words (the word typed, the translation's term)
// over its other renderings: 0.3 chosen on the tuning sets (0.15, 0.25, 0.3, 0.35, 0.4, 0.5, 1:
// english.tsv 0.912/0.827, 0.919/0.831, 0.919/0.831, 0.919/0.831, 0.931/0.826, 0.931/0.830,
// 0.931/0.804, against 0.915/0.827 without; bench/README.md, round eight).
constexpr double kOwnRenderingBonus = 0.3;

// A split word no provision holds: one of its pairs of characters is in at most this many
// documents (0 chosen: 1, 2 and 4 lowered heldout-2, -4, -5 and -9; bench/README.md, round thirteen).
constexpr Xapian::doccount kAbsentAtMost = 0;

// Xapian's BM25 inverse document frequency (bm25weight.cc, without a relevance set): of a term
// in `n` of `total` documents.
double bm25_idf(double total, double n) {
  double tw = (total - n + 0.5) / (n + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  return std::log(tw);
}

// Whether every content word of `rendering` is a word the query typed for another of its
// concepts than `own`.
bool words_of_another_concept(const std::string& rendering, const Expansion& own, const std::vector<Expansion>& expansions) {
  std::vector<std::string> words = english_words(rendering);
  std::erase_if(words, [](const std::string& w) { return is_stop_word(w); });
  if (words.empty()) return false;
  std::set<std::string> others;
  for (const Expansion& e : expansions)
    if (&e != &own)
      for (const std::string& w : english_words(e.english)) others.insert(w);
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) { return others.count(w) > 0; });
}

}  // namespace

// The weight of an English word, in proportion: BM25 counts its documents among all of the
// index's, Chinese ones included, so a word of nearly every English article ("security",
// "state", "report") looks rare. Its idf among the English documents alone, over the one
// Xapian gives it: near 0 for such a word, near 1 for a rare one.
double QueryCompiler::english_idf_scale(const std::string& term) const {
  const Xapian::Database& db = store_.database();
  const double total = db.get_doccount();
  const double english = db.get_termfreq(std::string(schema::kLang) + schema::kLangEnglish);
  const double n = db.get_termfreq(term);
  if (english <= 0 || n <= 0 || total <= english) return 1.0;
  const double all = bm25_idf(total, n);
  return all > 0 ? std::clamp(bm25_idf(english, std::min(n, english)) / all, 0.0, 1.0) : 1.0;
}

QueryCompiler::QueryCompiler(IndexStore& store, const Glossary& glossary, const Thesaurus& thesaurus, const HedgeWords& hedges,
                             const EnglishThesaurus& english_thesaurus)
    : store_(store), glossary_(glossary), thesaurus_(thesaurus), hedges_(hedges), english_thesaurus_(english_thesaurus) {}

// A hedge ranks the provisions that use it, in English and in Chinese through the glossary,
// without excluding the others. Only while a concept or another word stays required: a query
// of nothing but hedges searches them.
void QueryCompiler::set_aside_hedges(std::vector<Expansion>& expansions, std::vector<std::string>& unknown, SearchResult& result) {
  const auto hedge = [&](const std::string& phrase) {  // every content word of it a hedge
    bool any = false;
    for (const std::string& w : english_words(phrase)) {
      if (is_stop_word(w)) continue;
      if (!hedges_.contains(w)) return false;
      any = true;
    }
    return any;
  };
  const bool required_stays = std::any_of(expansions.begin(), expansions.end(), [&](const Expansion& e) { return !hedge(e.english); }) ||
                              std::any_of(unknown.begin(), unknown.end(), [&](const std::string& w) { return !hedge(w); });
  if (!required_stays) return;
  const auto set_aside = [&](const std::string& english, const std::vector<std::string>& zh) {
    if (store_.has_english_text())
      if (const Node n = english_leaf({english}); !n.query.empty()) ranking_words_.push_back(n.query);
    if (!zh.empty()) {
      std::vector<u32> forms;
      for (const std::string& z : zh) forms.push_back(fold_phrase(z));
      ranking_words_.push_back(leaf(std::move(forms)).query);
    }
    result.expansions.push_back(english + ": ranks, not required (a hedge)");
  };
  std::erase_if(expansions, [&](const Expansion& e) {
    if (hedge(e.english)) set_aside(e.english, e.zh);
    return hedge(e.english);
  });
  std::erase_if(unknown, [&](const std::string& w) {
    if (hedge(w)) set_aside(w, {});
    return hedge(w);
  });
}

bool QueryCompiler::compile(const QueryNode& q, Node& out, SearchResult& result, std::string& error) {
  cues_.clear();
  ranking_words_.clear();
  asked_about_.clear();
  if (!compile_node(q, out, result, error)) return false;
  out.hint = cue_query(result);
  if (!ranking_words_.empty()) out.ranking_words = Xapian::Query(Xapian::Query::OP_OR, ranking_words_.begin(), ranking_words_.end());
  return true;
}

// The cues' terms, any of them, each cue as one concept in either language; said in `result`.
Xapian::Query QueryCompiler::cue_query(SearchResult& result) const {
  std::vector<Xapian::Query> parts;
  for (const Cue cue : cues_) {
    const CueTerms& terms = cue_terms(cue);
    std::vector<std::u32string> forms;
    std::string shown = std::string("question for ") + to_string(cue) + " →";
    for (const std::string& zh : terms.zh) {
      forms.push_back(fold_phrase(zh));
      shown += " " + zh;
    }
    std::vector<Xapian::Query> answers{leaf(std::move(forms)).query};
    // What a term means: where the text defines that term (反间谍安全防范是指…, 本条例所称反间谍安全
    // 防范), not any definition: the term before 是指 or after 所称.
    if (cue == Cue::Definition && !asked_about_.empty()) {
      std::vector<u32> defining;
      for (const u32& term : asked_about_) {
        defining.push_back(term + U"是指");
        defining.push_back(U"所称" + term);
      }
      answers.push_back(leaf(std::move(defining)).query);
    }
    if (store_.has_english_text())
      for (const std::string& w : terms.en) {
        const std::string stem = analysis::stem_term(w);
        if (!store_.database().term_exists(stem)) continue;
        answers.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(stem), english_idf_scale(stem)));
        shown += " " + w;
      }
    parts.push_back(Xapian::Query(Xapian::Query::OP_OR, answers.begin(), answers.end()));
    result.expansions.push_back(shown);
  }
  if (parts.empty()) return {};
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// QueryNode -> Node. `result` collects English expansions and ignored words.
bool QueryCompiler::compile_node(const QueryNode& q, Node& out, SearchResult& result, std::string& error) {
  switch (q.kind) {
    case QueryNode::Kind::Phrase: return compile_phrase(q.text, out, result, q.quoted);
    case QueryNode::Kind::Not: {
      out.kind = Node::Kind::Not;
      out.children.resize(1);
      return compile_node(q.children[0], out.children[0], result, error);
    }
    case QueryNode::Kind::Or:
    case QueryNode::Kind::And: {
      out.kind = q.kind == QueryNode::Kind::Or ? Node::Kind::Or : Node::Kind::And;
      // Adjacent unquoted English words are expanded together ("exit ban", "state secrets").
      std::size_t i = 0;
      while (i < q.children.size()) {
        const QueryNode& c = q.children[i];
        if (out.kind == Node::Kind::And && c.kind == QueryNode::Kind::Phrase && !c.quoted && is_english(c.text)) {
          std::string words;
          std::size_t j = i;
          while (j < q.children.size() && q.children[j].kind == QueryNode::Kind::Phrase && !q.children[j].quoted &&
                 is_english(q.children[j].text)) {
            words += (j > i ? " " : "") + q.children[j].text;
            ++j;
          }
          Node group;
          if (compile_phrase(words, group, result)) out.children.push_back(std::move(group));
          i = j;
          continue;
        }
        if (out.kind == Node::Kind::Or && c.kind == QueryNode::Kind::Not) {
          error = "NOT cannot stand inside OR";
          return false;
        }
        Node n;
        if (compile_node(c, n, result, error)) out.children.push_back(std::move(n));
        else if (!error.empty()) return false;
        ++i;
      }
      // An English group may yield an And of concepts: flatten it into this And.
      if (out.kind == Node::Kind::And) {
        std::vector<Node> flat;
        for (Node& c : out.children) {
          if (c.kind == Node::Kind::And) for (Node& g : c.children) flat.push_back(std::move(g));
          else flat.push_back(std::move(c));
        }
        out.children = std::move(flat);
      }
      if (out.children.empty()) return false;
      if (out.children.size() == 1 && out.children[0].kind != Node::Kind::Not) {
        Node only = std::move(out.children[0]);
        out = std::move(only);
      }
      return true;
    }
  }
  return false;
}

// English words: the English text of the index directly (every word, by its form or stem),
// or the Chinese text through the glossary (every concept); an article may match either way.
bool QueryCompiler::compile_phrase(const std::string& text, Node& out, SearchResult& result, bool quoted) {
  if (!is_english(text)) {
    const u32 folded = fold_phrase(text);
    const std::vector<analysis::Run> runs = analysis::runs(folded);
    if (runs.empty()) return false;  // punctuation only
    if (!quoted) {
      // Its question words ask, they are not searched for; a phrase of nothing else is dropped.
      bool only_questions = true;
      for (const analysis::Run& r : runs) {
        bool asked = false;
        if (r.kind == analysis::RunKind::Cjk) chinese_words(r.text, &cues_, &asked, false, &asked_about_);
        only_questions = only_questions && asked;
      }
      if (only_questions) return false;
    }
    out = quoted ? leaf({folded}) : chinese_leaf(folded, &result);
    return true;
  }
  std::vector<std::string> unknown;
  std::vector<std::string> words = english_words(text);
  std::vector<Expansion> expansions;
  if (!quoted) {
    // Its question words ask, they are not searched; --explain says which words went, and why.
    for (const EnglishQuestion& q : take_english_questions(words)) {
      result.expansions.push_back("\"" + q.words + "\": question words, not searched (" +
                                  (q.cue ? std::string("asks for ") + to_string(*q.cue) : std::string("part of the question before them")) + ")");
      if (q.cue && std::find(cues_.begin(), cues_.end(), *q.cue) == cues_.end()) cues_.push_back(*q.cue);
    }
    // Everyday words the translations never use, read as theirs before the glossary reads the query.
    for (const EnglishThesaurus::Reading& r : english_thesaurus_.rewrite(words))
      result.expansions.push_back(r.everyday + ": read as the translation's " + r.statute);
    std::string rest;
    for (const std::string& w : words) rest += (rest.empty() ? "" : " ") + w;
    expansions = glossary_.expand(rest, &unknown);
    set_aside_hedges(expansions, unknown, result);
  } else {
    expansions = glossary_.expand(text, &unknown);
  }
  Node chinese;
  chinese.kind = Node::Kind::And;
  std::map<std::string, Expansion> broader_of;  // the concepts a relaxed tier accepts in place of the query's (by its words)
  for (const Expansion& e : expansions) {
    std::vector<u32> forms;
    for (const std::string& zh : e.zh) forms.push_back(fold_phrase(zh));
    std::string shown = e.english + " →";
    for (const std::string& zh : e.zh) shown += " " + zh;
    result.expansions.push_back(shown);
    chinese.children.push_back(leaf(std::move(forms)));
    chinese.children.back().from_glossary = true;
    if (!quoted)
      if (const std::optional<Expansion> wider = glossary_.broader(e)) {
        Node& concept_leaf = chinese.children.back();
        for (const std::string& zh : wider->zh) concept_leaf.broader.push_back(fold_phrase(zh));
        concept_leaf.broader_query = leaf(concept_leaf.broader).query;
        std::string said = e.english + ", relaxed: " + wider->english + " →";
        for (const std::string& zh : wider->zh) said += " " + zh;
        result.expansions.push_back(said);
        broader_of.emplace(e.english, *wider);
      }
  }
  // The English branch: a glossary concept in any of its English renderings (courier finds
  // "express delivery"), another word as written or by its stem. A concept none of whose
  // renderings the English text uses makes the branch impossible: the Chinese one remains.
  Node english;
  english.kind = Node::Kind::And;
  bool english_possible = store_.has_english_text();
  for (const Expansion& e : expansions) {
    if (!english_possible) break;
    std::vector<std::string> renderings = e.en;
    // A rendering made of another concept's words in the query is that concept's, not this one's:
    // "national" renders 公民 (citizens), but in "citizens … national security" it is security's.
    std::erase_if(renderings, [&](const std::string& r) { return words_of_another_concept(r, e, expansions); });
    // The concept's own words: the word typed, and the translation's term (its first rendering).
    const std::size_t own = 1 + (!renderings.empty() && !e.en.empty() && renderings.front() == e.en.front());
    renderings.insert(renderings.begin(), e.english);
    Node n = english_leaf(renderings, 1, own);
    if (n.query.empty()) {
      english_possible = false;
      break;
    }
    if (const auto wider = broader_of.find(e.english); wider != broader_of.end()) {
      std::vector<std::string> wider_renderings = wider->second.en;
      wider_renderings.insert(wider_renderings.begin(), wider->second.english);
      const Node w = english_leaf(wider_renderings, 0);
      n.broader = w.alternatives;
      n.broader_query = w.query;
    }
    english.children.push_back(std::move(n));
  }
  for (const std::string& w : unknown) {
    Node n = english_possible ? english_leaf({w}) : Node{};
    if (n.query.empty()) {
      result.ignored.push_back(w);  // neither in the glossary nor in the English text: said, not searched
      continue;
    }
    // Beside the glossary's concepts, a word it does not know ("during", "ordinary", "remote")
    // ranks the English articles that use it but does not exclude the others: the Chinese
    // branch cannot ask for it, and the answer is often worded otherwise.
    if (!quoted && !expansions.empty()) {
      ranking_words_.push_back(n.query);
      result.expansions.push_back(w + ": ranks, not required (not in the glossary)");
      continue;
    }
    english.children.push_back(std::move(n));
  }
  if (!english_possible) english.children.clear();
  auto single = [](Node n) {
    if (n.children.size() != 1) return n;
    Node only = std::move(n.children[0]);
    return only;
  };
  // "state secrets": the words must stand together in the English text.
  if (quoted && english.children.size() > 1) {
    std::vector<Xapian::Query> all;
    for (const Node& c : english.children) all.push_back(c.query);
    Node phrase;
    phrase.query = Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
    phrase.alternatives = {fold_phrase(text)};
    english.children = {std::move(phrase)};
  }
  if (english.children.empty() && chinese.children.empty()) return false;
  if (english.children.empty()) out = single(std::move(chinese));
  else if (chinese.children.empty()) out = single(std::move(english));
  else {
    out.kind = Node::Kind::Or;
    out.children.push_back(single(std::move(english)));
    out.children.push_back(single(std::move(chinese)));
  }
  return true;
}

// A Chinese word or phrase, with the statute terms the thesaurus gives for it (手机 ->
// 电子通信工具, 电子设备) as forms of the same concept; the expansion is said in `result`.
Node QueryCompiler::chinese_leaf(const u32& folded, SearchResult* result) const {
  const std::vector<u32>& terms = thesaurus_.statute_terms(folded);
  std::vector<u32> forms{folded};
  forms.insert(forms.end(), terms.begin(), terms.end());
  if (!terms.empty() && result) {
    std::string shown = utf8::encode(folded) + " →";
    for (const u32& t : terms) shown += " " + utf8::encode(t);
    if (std::find(result->expansions.begin(), result->expansions.end(), shown) == result->expansions.end()) result->expansions.push_back(shown);
  }
  return leaf(std::move(forms));
}

// A leaf of the English text: any of `phrases`, each as all of its content words (by form or
// stem; no positions, so not verified as a phrase). Empty when the index has none of them.
// `typed`: how many of the phrases, from the first, are the user's own words, matched by form
// or stem; the glossary's renderings after them are matched as written (the stem of "inform"
// is also that of "information").
Node QueryCompiler::english_leaf(const std::vector<std::string>& phrases, std::size_t typed, std::size_t primary) {
  std::size_t primary_present = 0;
  Node n;
  n.verify = false;
  std::vector<Xapian::Query> alternatives;
  for (std::size_t p = 0; p < phrases.size(); ++p) {
    const std::string& phrase = phrases[p];
    std::vector<Xapian::Query> words;
    bool present = true;
    for (const std::string& w : english_words(phrase)) {
      if (is_stop_word(w)) continue;
      const std::string stem = analysis::stem_term(w);
      const bool by_stem = p < typed;
      if (!store_.database().term_exists(w) && !(by_stem && store_.database().term_exists(stem))) {
        present = false;
        break;
      }
      Xapian::Query word = by_stem ? Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(w), Xapian::Query(stem)) : Xapian::Query(w);
      // Weighed by how rare the word is among the English articles (by its stem: all its forms).
      const std::string& counted = by_stem && store_.database().term_exists(stem) ? stem : w;
      word = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, word, english_idf_scale(counted));
      words.push_back(word);
    }
    if (!present || words.empty()) continue;
    alternatives.push_back(words.size() == 1 ? words[0] : Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
    n.alternatives.push_back(utf8::decode(phrase));
    if (p < primary) ++primary_present;
  }
  if (!alternatives.empty())
    n.query = alternatives.size() == 1 ? alternatives[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
  // The word typed and the translation's own term rank above the glossary's broader variants
  // ("citizens" above "public", "person"): they satisfy the concept alike, but an article using
  // the concept's own words gets their weight once more, scaled.
  if (primary_present > 0 && primary_present < alternatives.size()) {
    const Xapian::Query own = primary_present == 1 ? alternatives[0]
                                                   : Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(),
                                                                   alternatives.begin() + static_cast<std::ptrdiff_t>(primary_present));
    n.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, n.query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, own, kOwnRenderingBonus));
  }
  return n;
}

std::vector<u32> QueryCompiler::chinese_words(const u32& run, std::vector<Cue>* cues, bool* only_questions, bool thesaurus_first,
                                              std::vector<u32>* asked_about) const {
  std::vector<u32> words;
  bool asked = false, other = false;
  // A stretch between question words: dictionary words and the stretches between them (行政|复议:
  // ICU knows only 行政); a long piece (行政诉讼) is split further into two-character parts,
  // since statutes often use the short form (诉讼). Single characters carry too little meaning.
  auto dictionary_stretch = [&](const u32& text) {
    if (text.empty()) return;
    other = true;
    if (text.size() == 2) {  // ICU can only keep it whole; asking spares its dictionary (~8% of a short search)
      words.push_back(text);
      return;
    }
    std::vector<u32> pieces;
    std::size_t at = 0;
    for (const u32& w : analysis::dictionary_words(text)) {
      const std::size_t found = text.find(w, at);
      if (found == u32::npos) continue;
      if (found > at) pieces.push_back(text.substr(at, found - at));
      pieces.push_back(w);
      at = found + w.size();
    }
    if (at < text.size()) pieces.push_back(text.substr(at));
    for (const u32& w : pieces) {
      if (w.size() < 4) {
        if (w.size() >= 2) words.push_back(w);
        continue;
      }
      for (std::size_t k = 0; k + 1 < w.size(); k += 2) words.push_back(w.substr(k, w.size() - k == 3 ? 3 : 2));
    }
  };
  // The thesaurus's words first, whole (微信发涉密文件: 微信 涉密文件, where the dictionary cuts
  // 发涉密 | 文件), then the dictionary on what lies between them.
  auto stretch = [&](const u32& text) {
    if (!thesaurus_first) return dictionary_stretch(text);
    std::size_t from = 0;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t length = thesaurus_.word_at(text, at);
      if (!length) {
        ++at;
        continue;
      }
      dictionary_stretch(text.substr(from, at - from));
      other = true;
      words.push_back(text.substr(at, length));
      at += length;
      from = at;
    }
    dictionary_stretch(text.substr(from));
  };
  u32 pending;
  u32 about;  // the characters since the last question word, none of it
  const auto asked_about_ends = [&] {
    if (asked_about && about.size() >= 2) asked_about->push_back(about);
    about.clear();
  };
  for (std::size_t pos = 0; pos < run.size();) {
    if (const ChineseQuestion q = chinese_question_at(run, pos); q.length) {
      asked_about_ends();
      stretch(pending);
      pending.clear();
      asked = true;
      if (cues)
        for (const Cue cue : q.cues)
          if (std::find(cues->begin(), cues->end(), cue) == cues->end()) cues->push_back(cue);
      pending.append(run, pos + q.asking, q.length - q.asking);  // what follows the asking part (处罚 of 怎么处罚) is searched
      pos += q.length;
      continue;
    }
    about.push_back(run[pos]);
    pending.push_back(run[pos++]);
  }
  asked_about_ends();
  stretch(pending);
  if (only_questions) *only_questions = asked && !other;
  return words;
}

// Relaxed forms of a plain query: its Chinese leaves split into dictionary words, question words
// out, and what leaves no word to search out as well: a single character typed as a word of its
// own (设 of 单位 要不要 设 专门的保密员), or a phrase of nothing but question words and single
// characters (归哪个部门管). Like the single characters of a split phrase, they carry too little
// meaning to be required: one required made the tier match any word holding it, or nothing.
bool QueryCompiler::split_into_words(Node& n, SearchResult& result) const {
  Node typed = n;
  const std::size_t said = result.expansions.size();
  const bool split = split_node(n, result);
  std::vector<Node*> all;
  leaves(n, all);
  if (std::all_of(all.begin(), all.end(), [](const Node* l) { return lone_character(*l); })) {  // nothing else to search: as typed
    n = typed;
    result.expansions.resize(said);
    return false;
  }
  bool left_out = leave_out_lone_characters(n, result);
  // A colloquial rest of a split phrase that no provision holds (能拿 of 能拿奖金吗, 的钱 of 没收的钱)
  // only made the relaxed tiers match nothing; a word typed alone stays required.
  std::set<u32> typed_words;
  std::vector<Node*> typed_leaves;
  leaves(typed, typed_leaves);
  for (const Node* l : typed_leaves)
    if (l->alternatives.size() == 1) typed_words.insert(l->alternatives[0]);
  left_out = leave_out_absent_words(n, typed_words, result) || left_out;
  while (left_out && n.kind == Node::Kind::And && n.children.size() == 1) {
    Node only = std::move(n.children[0]);
    n = std::move(only);
  }
  return left_out || split;
}

bool QueryCompiler::lone_character(const Node& n) {
  return n.kind == Node::Kind::Leaf && !n.from_glossary && n.alternatives.size() == 1 && n.alternatives[0].size() == 1 && has_cjk(n.alternatives[0]);
}

bool QueryCompiler::leave_out_lone_characters(Node& n, SearchResult& result) {
  if (n.kind != Node::Kind::And) return false;
  bool changed = false;
  std::vector<Node> kept;
  for (Node& c : n.children) {
    if (lone_character(c)) {
      result.expansions.push_back(utf8::encode(c.alternatives[0]) + ": left out of the relaxed tiers (a single character)");
      changed = true;
      continue;
    }
    if (c.kind == Node::Kind::And && c.children.empty()) {  // split_node's phrase of no word
      result.expansions.push_back(utf8::encode(c.alternatives.empty() ? u32() : c.alternatives[0]) + ": left out of the relaxed tiers (no word to search)");
      changed = true;
      continue;
    }
    changed = leave_out_lone_characters(c, result) || changed;
    kept.push_back(std::move(c));
  }
  n.children = std::move(kept);
  return changed;
}

// Whether no provision holds the Chinese word `w`: a pair of its characters is in no document
// (能拿, 的钱, 要看我: the colloquial rest of a phrase the dictionary split). A pair in some
// document does not prove the word is, so a longer word may pass.
bool QueryCompiler::absent_word(const u32& w) const {
  if (w.size() < 2 || !has_cjk(w)) return false;
  const Xapian::Database& db = store_.database();
  for (std::size_t k = 0; k + 1 < w.size(); ++k)
    if (db.get_termfreq(analysis::bigram_term(w[k], w[k + 1])) <= kAbsentAtMost) return true;
  return false;
}

bool QueryCompiler::leave_out_absent_words(Node& n, const std::set<u32>& typed, SearchResult& result) const {
  if (n.kind != Node::Kind::And) return false;
  const Node before = n;
  const std::size_t said = result.expansions.size();
  bool changed = false;
  std::vector<Node> kept;
  for (Node& c : n.children) {
    const bool word = c.kind == Node::Kind::Leaf && !c.from_glossary && c.alternatives.size() == 1;
    // A word typed alone stays (我的 of 查 我的 银行存款: leaving those out lowered heldout-7).
    if (word && !typed.count(c.alternatives[0]) && absent_word(c.alternatives[0])) {
      result.expansions.push_back(utf8::encode(c.alternatives[0]) + ": left out of the relaxed tiers (in no provision)");
      changed = true;
      continue;
    }
    if (c.kind == Node::Kind::And) {
      changed = leave_out_absent_words(c, typed, result) || changed;
      if (c.children.empty()) continue;
    }
    kept.push_back(std::move(c));
  }
  if (kept.empty()) {  // nothing else to search: as it was
    n = before;
    result.expansions.resize(said);
    return false;
  }
  n.children = std::move(kept);
  return changed;
}

bool QueryCompiler::split_node(Node& n, SearchResult& result) const {
  bool changed = false;
  if (n.kind == Node::Kind::Leaf) {
    if (n.alternatives.size() != 1 || !has_cjk(n.alternatives[0])) return false;
    std::vector<u32> words;
    for (const analysis::Run& r : analysis::runs(n.alternatives[0])) {
      if (r.kind != analysis::RunKind::Cjk) {
        words.push_back(r.text);
        continue;
      }
      for (u32& w : chinese_words(r.text, nullptr, nullptr, !n.from_glossary)) words.push_back(std::move(w));
    }
    // Nothing but question words and single characters (归哪个部门管): no word to require; an empty
    // group, which split_into_words leaves out.
    if (words.empty() && !n.from_glossary && n.alternatives[0].size() > 1) {
      Node nothing;
      nothing.kind = Node::Kind::And;
      nothing.alternatives = std::move(n.alternatives);  // what was typed, to say it
      n = std::move(nothing);
      return true;
    }
    if (words.empty() || (words.size() == 1 && words[0] == n.alternatives[0])) return false;
    if (words.size() == 1) {
      n = chinese_leaf(words[0], &result);
      return true;
    }
    Node group;
    group.kind = Node::Kind::And;
    for (u32& w : words) group.children.push_back(chinese_leaf(w, &result));
    n = std::move(group);
    return true;
  }
  for (Node& c : n.children) changed = split_node(c, result) || changed;
  return changed;
}

}  // namespace lawref::searching
