#include "search.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "analyzer.h"
#include "citation_parser.h"
#include "jurisdictions.h"
#include "index_schema.h"
#include "law_json.h"
#include "law_names.h"
#include "provision_format.h"
#include "query_parser.h"
#include "registry.h"
#include "text_folding.h"
#include "thesaurus.h"
#include "utf8.h"

namespace lawref {
namespace {

using u32 = std::u32string;

constexpr double kInForceBoost = 2.0;
constexpr double kNationalBoost = 2.0;

// A compiled query: leaves are concepts that must appear in the text, in any of their forms.
struct Node {
  enum class Kind { Leaf, And, Or, Not } kind = Kind::Leaf;
  std::vector<u32> alternatives;  // Leaf: folded forms, any of which satisfies it
  bool verify = true;             // Leaf: check on the text (false: the index term is the truth)
  bool exact = false;             // Leaf: the index query is exactly the leaf (safe inside AND_NOT)
  Xapian::Query query;            // Leaf: candidates
  std::vector<Node> children;
};

bool has_cjk(const u32& s) {
  return std::any_of(s.begin(), s.end(), [](char32_t c) { return analysis::is_cjk(c); });
}

bool is_english(const std::string& s) {
  bool letter = false;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) letter = true;
    else if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return letter;
}

// 国家 安全 -> 国家安全: spaces between Chinese characters do not separate words.
u32 fold_phrase(const std::string& text) {
  u32 folded;
  text::fold_chars(utf8::decode(text), folded);
  u32 out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (utf8::is_space(folded[i])) {
      std::size_t j = i;
      while (j < folded.size() && utf8::is_space(folded[j])) ++j;
      const bool cjk_around = (!out.empty() && analysis::is_cjk(out.back())) || (j < folded.size() && analysis::is_cjk(folded[j]));
      if (!cjk_around && !out.empty() && j < folded.size()) out.push_back(U' ');
      i = j - 1;
      continue;
    }
    out.push_back(folded[i]);
  }
  return out;
}

Xapian::Query run_query(const analysis::Run& r) {
  if (r.kind == analysis::RunKind::Cjk) {
    if (r.text.size() == 1) {
      // Every occurrence of a character starts a bigram or ends a run.
      return Xapian::Query(Xapian::Query::OP_OR,
                           Xapian::Query(Xapian::Query::OP_WILDCARD, utf8::encode(r.text), 2000, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT),
                           Xapian::Query(analysis::run_end_term(r.text[0])));
    }
    std::vector<Xapian::Query> bigrams;
    std::set<std::string> seen;
    for (std::size_t k = 0; k + 1 < r.text.size(); ++k) {
      std::string t = analysis::bigram_term(r.text[k], r.text[k + 1]);
      if (seen.insert(t).second) bigrams.emplace_back(t);
    }
    return Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end());
  }
  const std::string word = utf8::encode(r.text);
  if (r.kind == analysis::RunKind::Word) return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(word), Xapian::Query(analysis::stem_term(word)));
  return Xapian::Query(word);
}

// A leaf for folded forms of one concept.
Node leaf(std::vector<u32> alternatives) {
  Node n;
  std::vector<Xapian::Query> alts;
  bool exact = alternatives.size() == 1;
  for (const u32& a : alternatives) {
    const std::vector<analysis::Run> runs = analysis::runs(a);
    std::vector<Xapian::Query> parts;
    for (const analysis::Run& r : runs) parts.push_back(run_query(r));
    if (parts.empty()) continue;
    exact = exact && runs.size() == 1 && runs[0].kind == analysis::RunKind::Cjk && runs[0].text.size() == 2;
    alts.push_back(parts.size() == 1 ? parts[0] : Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
  }
  n.alternatives = std::move(alternatives);
  n.exact = exact;
  // The forms of one concept weigh as one term (OP_SYNONYM): a document does not outrank
  // another just by using several synonyms of the same concept.
  n.query = alts.empty() ? Xapian::Query() : alts.size() == 1 ? alts[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end());
  return n;
}

bool contains_word(const u32& text, const u32& needle) {
  // ASCII needles must sit on word boundaries (cel is not in parcel); CJK needles anywhere.
  const bool ascii = std::all_of(needle.begin(), needle.end(), [](char32_t c) { return c < 0x80; });
  for (std::size_t at = text.find(needle); at != u32::npos; at = text.find(needle, at + 1)) {
    if (!ascii) return true;
    auto alnum = [](char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9'); };
    const bool left = at == 0 || !alnum(text[at - 1]);
    const bool right = at + needle.size() >= text.size() || !alnum(text[at + needle.size()]);
    if (left && right) return true;
  }
  return false;
}

bool matches(const Node& n, const u32& text) {
  switch (n.kind) {
    case Node::Kind::Leaf:
      if (!n.verify) return true;
      return std::any_of(n.alternatives.begin(), n.alternatives.end(), [&](const u32& a) { return contains_word(text, a); });
    case Node::Kind::And:
      return std::all_of(n.children.begin(), n.children.end(), [&](const Node& c) { return matches(c, text); });
    case Node::Kind::Or:
      return std::any_of(n.children.begin(), n.children.end(), [&](const Node& c) { return matches(c, text); });
    case Node::Kind::Not:
      return !matches(n.children[0], text);
  }
  return false;
}

// Candidates: a superset of the documents that match. NOT only narrows it when exact.
Xapian::Query candidates(const Node& n) {
  switch (n.kind) {
    case Node::Kind::Leaf: return n.query;
    case Node::Kind::Or: {
      std::vector<Xapian::Query> qs;
      for (const Node& c : n.children) qs.push_back(candidates(c));
      return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
    }
    case Node::Kind::And: {
      std::vector<Xapian::Query> pos;
      std::vector<Xapian::Query> neg;
      for (const Node& c : n.children) {
        if (c.kind != Node::Kind::Not) pos.push_back(candidates(c));
        else if (c.children[0].kind == Node::Kind::Leaf && c.children[0].exact) neg.push_back(c.children[0].query);
      }
      Xapian::Query q(Xapian::Query::OP_AND, pos.begin(), pos.end());
      for (const Xapian::Query& x : neg) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, x);
      return q;
    }
    case Node::Kind::Not: return Xapian::Query::MatchAll;  // only reachable inside OR, refused earlier
  }
  return {};
}

bool has_negated_ascii(const Node& n, bool negated = false) {
  if (n.kind == Node::Kind::Leaf)
    return negated && std::any_of(n.alternatives.begin(), n.alternatives.end(), [](const u32& a) { return !has_cjk(a); });
  for (const Node& c : n.children)
    if (has_negated_ascii(c, negated || n.kind == Node::Kind::Not)) return true;
  return false;
}

bool needs_verification(const Node& n) {
  switch (n.kind) {
    case Node::Kind::Leaf: return n.verify && !n.exact;
    case Node::Kind::Not: return true;
    default:
      return std::any_of(n.children.begin(), n.children.end(), needs_verification);
  }
}

void positive_alternatives(const Node& n, std::vector<u32>& out) {
  if (n.kind == Node::Kind::Not) return;
  if (n.kind == Node::Kind::Leaf) out.insert(out.end(), n.alternatives.begin(), n.alternatives.end());
  for (const Node& c : n.children) positive_alternatives(c, out);
}

void leaves(Node& n, std::vector<Node*>& out) {
  if (n.kind == Node::Kind::Leaf) out.push_back(&n);
  if (n.kind == Node::Kind::Not) return;
  for (Node& c : n.children) leaves(c, out);
}

// The text units of an article (paragraphs, items, sub-items), each with its paragraph.
struct Unit {
  int paragraph;
  const std::string* text;
  std::string prefix;  // the item number, shown before the text
};

void units_of(const Article& a, std::vector<Unit>& out) {
  std::function<void(int, const Item&)> item = [&](int p, const Item& it) {
    const bool ascii_num = !it.num.empty() && static_cast<unsigned char>(it.num.back()) < 0x80;
    out.push_back({p, &it.text, it.num + (ascii_num ? " " : "")});  // (1) text, but （一）text
    for (const Item& c : it.children) item(p, c);
  };
  for (const Paragraph& p : a.paragraphs) {
    out.push_back({p.number, &p.text, ""});
    for (const Item& it : p.items) item(p.number, it);
  }
}

struct Snippet {
  std::string text;
  int paragraph = 0;
  int score = 0;
};

// The unit with most matches, cut to a window around its first match, matches marked.
Snippet make_snippet(const std::vector<Unit>& units, const std::vector<u32>& needles) {
  constexpr std::size_t kWindow = 120;  // characters shown around the matches
  Snippet best;
  for (const Unit& u : units) {
    const u32 original = utf8::decode(*u.text);
    u32 folded;
    std::vector<std::uint32_t> origin;
    text::fold_chars(original, folded, &origin);
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // in original characters
    for (const u32& n : needles) {
      if (n.empty()) continue;
      for (std::size_t at = folded.find(n); at != u32::npos; at = folded.find(n, at + 1))
        ranges.emplace_back(origin[at], origin[at + n.size() - 1] + 1);
    }
    const int score = static_cast<int>(ranges.size());
    if (!best.text.empty() && score <= best.score) continue;
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    for (const auto& r : ranges) {
      if (!merged.empty() && r.first <= merged.back().second) merged.back().second = std::max(merged.back().second, r.second);
      else merged.push_back(r);
    }
    std::size_t from = 0, to = original.size();
    if (original.size() > kWindow) {
      const std::size_t first = merged.empty() ? 0 : merged.front().first;
      from = first > kWindow / 4 ? first - kWindow / 4 : 0;
      to = std::min(original.size(), from + kWindow);
    }
    std::string s = utf8::encode(utf8::decode(u.prefix));
    if (from > 0) s += "…";
    std::size_t pos = from;
    for (const auto& [a, b] : merged) {
      if (b <= from || a >= to) continue;
      const std::size_t ca = std::max(a, from), cb = std::min(b, to);
      s += utf8::encode(std::u32string_view(original).substr(pos, ca - pos)) + kMarkOpen +
           utf8::encode(std::u32string_view(original).substr(ca, cb - ca)) + kMarkClose;
      pos = cb;
    }
    s += utf8::encode(std::u32string_view(original).substr(pos, to - pos));
    if (to < original.size()) s += "…";
    best = {s, u.paragraph, score};
  }
  return best;
}

// The compiled query as an indented tree, for --explain.
void describe(const Node& n, int depth, std::vector<std::string>& out) {
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  switch (n.kind) {
    case Node::Kind::Leaf: {
      std::string forms;
      for (const u32& a : n.alternatives) forms += (forms.empty() ? "" : " | ") + utf8::encode(a);
      const bool cjk = std::any_of(n.alternatives.begin(), n.alternatives.end(), has_cjk);
      out.push_back(indent + (cjk ? (n.alternatives.size() > 1 ? "concept " : "phrase ") : "English ") + forms +
                    (cjk ? (n.verify && !n.exact ? "  (characters together, checked on the text)" : "") : "  (word or stem, in the English text)"));
      return;
    }
    case Node::Kind::And: out.push_back(indent + "all of:"); break;
    case Node::Kind::Or: out.push_back(indent + "any of:"); break;
    case Node::Kind::Not: out.push_back(indent + "not:"); break;
  }
  for (const Node& c : n.children) describe(c, depth + 1, out);
}

std::string next_day_bound(const std::string& date) { return date + "\x01"; }  // sorts after the date, before the next

}  // namespace

struct Searcher::Impl {
  IndexStore& store;
  const Glossary& glossary;
  const Thesaurus& thesaurus = Thesaurus::builtin();
  std::unique_ptr<LawNameIndex> names_;  // built on first use: only --law NAME needs it

  Impl(IndexStore& s, const Glossary& g) : store(s), glossary(g) {}

  const LawNameIndex& names() {
    if (!names_) names_ = std::make_unique<LawNameIndex>(store.registry());
    return *names_;
  }

  // QueryNode -> Node. `result` collects English expansions and ignored words.
  bool compile(const QueryNode& q, Node& out, SearchResult& result, std::string& error) {
    switch (q.kind) {
      case QueryNode::Kind::Phrase: return compile_phrase(q.text, out, result, q.quoted);
      case QueryNode::Kind::Not: {
        out.kind = Node::Kind::Not;
        out.children.resize(1);
        return compile(q.children[0], out.children[0], result, error);
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
          if (compile(c, n, result, error)) out.children.push_back(std::move(n));
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
  bool compile_phrase(const std::string& text, Node& out, SearchResult& result, bool quoted = false) {
    if (!is_english(text)) {
      const u32 folded = fold_phrase(text);
      if (analysis::runs(folded).empty()) return false;  // punctuation only
      out = quoted ? leaf({folded}) : chinese_leaf(folded, &result);
      return true;
    }
    std::vector<std::string> unknown;
    const std::vector<Expansion> expansions = glossary.expand(text, &unknown);
    Node chinese;
    chinese.kind = Node::Kind::And;
    for (const Expansion& e : expansions) {
      std::vector<u32> forms;
      for (const std::string& zh : e.zh) forms.push_back(fold_phrase(zh));
      std::string shown = e.english + " →";
      for (const std::string& zh : e.zh) shown += " " + zh;
      result.expansions.push_back(shown);
      chinese.children.push_back(leaf(std::move(forms)));
    }
    // The English branch: a glossary concept in any of its English renderings (courier finds
    // "express delivery"), another word as written or by its stem. A concept none of whose
    // renderings the English text uses makes the branch impossible: the Chinese one remains.
    Node english;
    english.kind = Node::Kind::And;
    bool english_possible = store.has_english_text();
    for (const Expansion& e : expansions) {
      if (!english_possible) break;
      std::vector<std::string> renderings = e.en;
      renderings.insert(renderings.begin(), e.english);
      Node n = english_leaf(renderings);
      if (n.query.empty()) english_possible = false;
      else english.children.push_back(std::move(n));
    }
    for (const std::string& w : unknown) {
      Node n = english_possible ? english_leaf({w}) : Node{};
      if (n.query.empty()) {
        result.ignored.push_back(w);  // neither in the glossary nor in the English text: said, not searched
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
  Node chinese_leaf(const u32& folded, SearchResult* result) const {
    const std::vector<u32>& terms = thesaurus.statute_terms(folded);
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
  Node english_leaf(const std::vector<std::string>& phrases, std::size_t typed = 1) {
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
        if (!store.database().term_exists(w) && !(by_stem && store.database().term_exists(stem))) {
          present = false;
          break;
        }
        words.push_back(by_stem ? Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(w), Xapian::Query(stem)) : Xapian::Query(w));
      }
      if (!present || words.empty()) continue;
      alternatives.push_back(words.size() == 1 ? words[0] : Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()));
      n.alternatives.push_back(utf8::decode(phrase));
    }
    if (!alternatives.empty())
      n.query = alternatives.size() == 1 ? alternatives[0] : Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
    return n;
  }

  // Relaxed forms of a plain query: its Chinese leaves split into dictionary words.
  bool split_into_words(Node& n, SearchResult& result) const {
    bool changed = false;
    if (n.kind == Node::Kind::Leaf) {
      if (n.alternatives.size() != 1 || !has_cjk(n.alternatives[0])) return false;
      std::vector<u32> words;
      for (const analysis::Run& r : analysis::runs(n.alternatives[0])) {
        if (r.kind != analysis::RunKind::Cjk) {
          words.push_back(r.text);
          continue;
        }
        // Dictionary words and the stretches between them (行政|复议: ICU knows only 行政); a long
        // piece (行政诉讼) is split further into two-character parts, since statutes often use
        // the short form (诉讼). Single characters carry too little meaning and are dropped.
        std::vector<u32> pieces;
        std::size_t at = 0;
        for (const u32& w : analysis::dictionary_words(r.text)) {
          const std::size_t found = r.text.find(w, at);
          if (found == u32::npos) continue;
          if (found > at) pieces.push_back(r.text.substr(at, found - at));
          pieces.push_back(w);
          at = found + w.size();
        }
        if (at < r.text.size()) pieces.push_back(r.text.substr(at));
        for (const u32& w : pieces) {
          if (w.size() < 4) {
            if (w.size() >= 2) words.push_back(w);
            continue;
          }
          for (std::size_t k = 0; k + 1 < w.size(); k += 2) words.push_back(w.substr(k, w.size() - k == 3 ? 3 : 2));
        }
      }
      if (words.size() < 2) return false;
      Node group;
      group.kind = Node::Kind::And;
      for (u32& w : words) group.children.push_back(chinese_leaf(w, &result));
      n = std::move(group);
      return true;
    }
    for (Node& c : n.children) changed = split_into_words(c, result) || changed;
    return changed;
  }

  // With dictionary words in the index, documents that hold a leaf's words rank higher.
  static void boost_with_words(Node& n) {
    if (n.kind == Node::Kind::Not) return;
    for (Node& c : n.children) boost_with_words(c);
    if (n.kind != Node::Kind::Leaf || n.query.empty()) return;
    std::vector<Xapian::Query> words;
    for (const u32& a : n.alternatives)
      for (const analysis::Run& r : analysis::runs(a))
        if (r.kind == analysis::RunKind::Cjk)
          for (const u32& w : analysis::dictionary_words(r.text)) words.emplace_back(analysis::word_term(w));
    if (!words.empty())
      n.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, n.query, Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
  }

  // All but one of the leaves of an And of 3 to 8 leaves; of an English query's two branches
  // (the English text, the Chinese through the glossary) each on its own, since no document
  // has both languages. False when no part of the query has enough leaves.
  static bool most_of(const Node& n, Node& out) {
    if (n.kind == Node::Kind::Or) {
      out.kind = Node::Kind::Or;
      out.children.clear();
      for (const Node& branch : n.children) {
        Node m;
        if (most_of(branch, m)) out.children.push_back(std::move(m));
      }
      return !out.children.empty();
    }
    if (n.kind != Node::Kind::And || n.children.size() < 3 || n.children.size() > 8) return false;
    if (std::any_of(n.children.begin(), n.children.end(), [](const Node& c) { return c.kind != Node::Kind::Leaf; })) return false;
    out.kind = Node::Kind::Or;
    out.children.clear();
    for (std::size_t skip = 0; skip < n.children.size(); ++skip) {
      Node group;
      group.kind = Node::Kind::And;
      for (std::size_t k = 0; k < n.children.size(); ++k)
        if (k != skip) group.children.push_back(n.children[k]);
      out.children.push_back(std::move(group));
    }
    return true;
  }

  static Node any_of(Node n) {
    Node any;
    any.kind = Node::Kind::Or;
    std::vector<Node*> ls;
    leaves(n, ls);
    for (Node* l : ls) any.children.push_back(*l);
    return any;
  }

  bool filters(const SearchOptions& o, Xapian::Query& filter, SearchResult& r) {
    std::vector<Xapian::Query> parts;
    auto any_of_terms = [](const std::vector<std::string>& terms) {
      return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    };
    if (!o.laws.empty()) {
      std::vector<std::string> terms;
      for (const std::string& l : o.laws) {
        if (const LawInfo* info = store.law(l)) {
          terms.push_back(schema::kLaw + info->id);
          continue;
        }
        const LawResolution res = names().resolve(l, 0, o.in_force_on.empty() ? today() : o.in_force_on);
        if (!res.law) return bad_filter(r, res.error);
        terms.push_back(o.in_force_on.empty() ? schema::kWork + res.law->work : schema::kLaw + res.law->id);
      }
      parts.push_back(any_of_terms(terms));
    }
    if (!o.levels.empty()) {
      std::vector<std::string> terms;
      for (const std::string& l : o.levels) {
        if (!parse_law_level(l))
          return bad_filter(r, "unknown level '" + l + "' (constitution, law, administrative-regulation, departmental-rule, local-regulation, judicial-interpretation, other)");
        terms.push_back(schema::kLevel + l);
      }
      parts.push_back(any_of_terms(terms));
    }
    if (!o.jurisdictions.empty()) {
      std::set<std::string> known;
      for (const LawInfo& l : store.registry().laws()) known.insert(l.jurisdiction);
      std::vector<std::string> terms;
      for (const std::string& j : o.jurisdictions) {
        if (!known.count(j)) {
          std::string list;
          for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
          return bad_filter(r, "no law of jurisdiction '" + j + "' in the index (" + list + ")");
        }
        terms.push_back(schema::kJurisdiction + j);
      }
      parts.push_back(any_of_terms(terms));
    }
    if (!o.in_force_on.empty()) {
      if (!is_iso_date(o.in_force_on)) return bad_filter(r, "--in-force-on needs a YYYY-MM-DD date, not '" + o.in_force_on + "'");
      parts.push_back(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotFrom, o.in_force_on),
                                    Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotUntil, next_day_bound(o.in_force_on))));
    }
    if (!parts.empty()) filter = Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    return true;
  }

  static bool bad_filter(SearchResult& r, std::string message) {
    r.status = SearchStatus::BadFilter;
    r.error = std::move(message);
    return false;
  }

  // Runs one tier of the query: up to `need` hits for articles not in `seen` (which it extends),
  // appended to `hits`. Returns how many articles the tier matches, and whether that is exact.
  std::pair<std::size_t, bool> run(const Node& node, const Xapian::Query& filter, const std::string& query_lang, std::size_t need,
                                   std::set<std::string>& seen, std::vector<SearchHit>& hits) {
    Xapian::Query q = candidates(node);
    // Versions still in force rank above superseded ones: a fixed boost, 2.0 chosen on the
    // labelled queries (0.2-0.5 changed nothing, 1.0 and 2.0 raised every set; see bench/README.md).
    {
      auto* current = new Xapian::ValueMapPostingSource(schema::kSlotUntil);
      current->add_mapping("9999-12-31", kInForceBoost);
      q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, Xapian::Query(current->release()));
    }
    // National texts rank above the local regulations that often repeat them word for word
    // (江西 art 36 is 反间谍法 art 25): a fixed boost for national provisions, 2.0 chosen on the
    // labelled queries over core + local (0.5, 1.0, 2.0: zh MRR 0.80, 0.85, 0.87; see bench/README.md).
    {
      Xapian::Query national(Xapian::Query::OP_FILTER, Xapian::Query((new Xapian::FixedWeightPostingSource(kNationalBoost))->release()),
                             Xapian::Query(std::string(schema::kJurisdiction) + "national"));
      q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, national);
    }
    if (!filter.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    Xapian::Enquire enquire(store.database());
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    std::vector<u32> needles;
    positive_alternatives(node, needles);
    const bool verify = needs_verification(node);
    constexpr std::size_t kVerifyCap = 200;  // candidates checked before the total is estimated from them
    // Chinese needles can be checked on the stored data as it is: JSON punctuation separates
    // every field, so no phrase can span two. ASCII needles could meet a JSON key: parse.
    const bool raw_check = std::all_of(needles.begin(), needles.end(), has_cjk) && !has_negated_ascii(node);

    // An article has a document per language: the first (best) that passes counts, once.
    std::set<std::string> matched;  // articles of this tier, also those `seen` before
    std::size_t fresh = 0, checked = 0, first = 0;
    std::size_t batch = std::max<std::size_t>(need * 2, 32);
    bool exhausted = false;
    Xapian::doccount estimated = 0;
    struct Candidate {
      Xapian::Document doc;
      std::string id;
      double weight;  // the article's: its Chinese and English documents' weights added (in the first batch)
    };
    while (true) {
      const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first), static_cast<Xapian::doccount>(batch));
      estimated = mset.get_matches_estimated();
      std::vector<Candidate> candidates;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        std::string id = doc.get_value(schema::kSlotId);
        candidates.push_back({std::move(doc), std::move(id), it.get_weight()});
      }
      // The best-ranked candidates, article by article: an article that matches in both its
      // languages (the English words, and the Chinese through the glossary) has both kinds of
      // evidence and ranks by their sum. Later batches only fill up.
      if (first == 0) {
        std::map<std::string, double> sum;
        for (const Candidate& c : candidates) sum[c.id] += c.weight;
        for (Candidate& c : candidates) c.weight = sum[c.id];
        std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
      }
      for (const Candidate& candidate : candidates) {
        ++checked;
        const Xapian::Document& doc = candidate.doc;
        const std::string& id = candidate.id;
        if (matched.count(id)) continue;
        const bool wanted = !seen.count(id) && fresh < need;
        const std::string raw = doc.get_data();
        if (verify && raw_check) {
          u32 folded;
          text::fold_chars(utf8::decode(raw), folded);
          if (!matches(node, folded)) continue;
        }
        nlohmann::json data;
        std::vector<Unit> units;
        Article article;
        if (wanted || (verify && !raw_check)) {
          data = nlohmann::json::parse(raw);
          article = article_from_json(data.at(data.contains("zh") ? "zh" : "en"));
          units_of(article, units);
        }
        if (verify && !raw_check) {
          u32 all;
          for (const Unit& u : units) {
            u32 f;
            text::fold_chars(utf8::decode(*u.text), f);
            all += f;
            all.push_back(U'\n');
          }
          if (!matches(node, all)) continue;
        }
        matched.insert(id);
        if (seen.count(id)) continue;
        if (wanted) hits.push_back(hit(data, article, units, needles, candidate.weight, query_lang));
        ++fresh;
      }
      if (mset.size() < batch) {
        exhausted = true;
        break;
      }
      if (fresh >= need && checked >= std::min<std::size_t>(kVerifyCap, estimated)) break;
      if (checked >= 20 * kVerifyCap) break;
      first += batch;
      batch *= 2;
    }
    for (const std::string& id : matched) seen.insert(id);
    if (exhausted || checked == 0) return {fresh, true};
    // Not every candidate was read: estimate the tier's articles from the share that passed.
    const double share = static_cast<double>(fresh) / static_cast<double>(checked);
    return {std::max(fresh, static_cast<std::size_t>(share * static_cast<double>(estimated) + 0.5)), false};
  }

  SearchHit hit(const nlohmann::json& data, const Article& a, const std::vector<Unit>& units, const std::vector<u32>& needles, double weight,
                const std::string& query_lang) {
    SearchHit h;
    h.law = data.at("law").get<std::string>();
    h.article = a.number;
    h.insertion = a.insertion;
    h.id = ProvisionId{h.law, article_path(a)}.str();
    h.score = weight;
    if (const LawInfo* info = store.law(h.law)) {
      h.citation = citation_zh(*info, article_path(a));
      h.citation_en = citation_en(*info, article_path(a));
      h.title = info->title_zh;
    }
    h.lang = data.contains("zh") ? "zh" : "en";
    Snippet s = make_snippet(units, needles);
    // The snippet speaks the query's language when the article has text in it: an English
    // query that matched the Chinese through the glossary shows the English text.
    if (h.lang != query_lang) {
      if (const LawText* other = store.text(h.law, query_lang)) {
        if (const Article* oa = other->find_article(a.number, a.insertion)) {
          std::vector<Unit> other_units;
          units_of(*oa, other_units);
          std::vector<u32> other_needles;
          for (const u32& n : needles)
            if (has_cjk(n) == (query_lang == "zh")) other_needles.push_back(n);
          Snippet o = make_snippet(other_units, other_needles);
          if (o.score > 0 || s.score == 0) {
            s = std::move(o);
            h.lang = query_lang;
          }
        }
      }
    }
    h.snippet = s.text;
    h.paragraph = s.paragraph;
    if (h.lang != "zh")
      if (const LawText* t = store.text(h.law, h.lang)) h.translation = t->translation;
    return h;
  }

  // 2014年反间谍法 出境, 地方性法规 举报 奖励, 重庆 快递 许可: in a plain query of several words,
  // a word that names a law of the index (with or without a year), a level or a jurisdiction is a
  // filter, not a search term. Returns the options with those filters added, and removes the words.
  SearchOptions filters_in_query(QueryParse& parsed, const SearchOptions& o, SearchResult& r) {
    SearchOptions out = o;
    QueryNode& root = parsed.root;
    if (root.kind != QueryNode::Kind::And || !is_plain(root)) return out;
    static const std::pair<const char*, const char*> levels[] = {
        {"地方性法规", "local-regulation"}, {"地方法规", "local-regulation"},        {"部门规章", "departmental-rule"},
        {"行政法规", "administrative-regulation"}, {"司法解释", "judicial-interpretation"}};
    std::vector<QueryNode> kept;
    for (QueryNode& c : root.children) {
      const std::string folded = text::fold(c.text);
      bool used = false;
      for (const auto& [word, level] : levels)
        if (folded == word) {
          out.levels.push_back(level);
          r.filters.push_back(std::string("level: ") + level);
          used = true;
        }
      if (!used && !is_english(c.text)) {
        // A jurisdiction by name (重庆, 重庆市) when the index has laws of it.
        const Jurisdiction* j = jurisdiction_by_name(folded);
        if (j && std::any_of(store.registry().laws().begin(), store.registry().laws().end(), [&](const LawInfo& l) { return l.jurisdiction == j->id; })) {
          out.jurisdictions.push_back(j->id);
          r.filters.push_back(std::string("jurisdiction: ") + j->id);
          used = true;
        }
      }
      if (!used && has_cjk(utf8::decode(c.text)) && (c.text.find("法") != std::string::npos || c.text.find("条例") != std::string::npos ||
                                                     c.text.find("规定") != std::string::npos || c.text.find("办法") != std::string::npos ||
                                                     c.text.find("细则") != std::string::npos)) {
        // A law's name, perhaps with its year: 网络安全法, 2014年反间谍法.
        const CitationParse cite = parse_citation(c.text);
        if (cite.ok && cite.citation.path.article == 0 && !cite.citation.law.empty()) {
          const LawResolution res = names().resolve(cite.citation.law, cite.citation.year, o.in_force_on.empty() ? today() : o.in_force_on, false);
          if (res.law) {
            // A year names one version; a bare name every version of the law.
            out.laws.push_back(cite.citation.year ? res.law->id : c.text);
            r.filters.push_back("law: " + res.law->short_name_zh() + " (" + (cite.citation.year ? res.law->id : "every version of " + res.law->work) + ")");
            used = true;
          }
        }
      }
      if (!used) kept.push_back(std::move(c));
    }
    if (kept.empty()) {  // nothing left to search for: the words were the query after all
      r.filters.clear();
      return o;
    }
    root.children = std::move(kept);
    if (root.children.size() == 1) {
      QueryNode only = std::move(root.children[0]);
      root = std::move(only);
    }
    return out;
  }

  SearchResult search(const SearchOptions& options) {
    SearchResult r;
    r.query = options.query;
    QueryParse parsed = parse_query(options.query);
    if (!parsed.ok) {
      r.status = SearchStatus::BadQuery;
      r.error = parsed.error;
      return r;
    }
    const SearchOptions o = filters_in_query(parsed, options, r);
    Xapian::Query filter;
    if (!filters(o, filter, r)) return r;
    Node node;
    std::string error;
    if (!compile(parsed.root, node, r, error)) {
      r.status = error.empty() && !r.ignored.empty() ? SearchStatus::NoHits : SearchStatus::BadQuery;
      r.error = !error.empty()            ? error
                : !r.ignored.empty()      ? "no word of the query is in the index or the glossary (unknown: " + join(r.ignored) + ")"
                                          : "nothing to search for in the query";
      return r;
    }
    if (store.has_dictionary_words()) boost_with_words(node);
    const std::string query_lang = query_language(parsed.root);

    // Tiers, best first: the query as typed; its phrases split into words; any of its words.
    // Each adds the articles the earlier ones lack until the page is full, so a precise query
    // still shows a page of useful provisions. Only plain queries (no operators, no quotes) relax.
    std::vector<std::pair<const char*, Node>> tiers;
    tiers.emplace_back("exact", node);
    if (is_plain(parsed.root)) {
      Node words = node;
      const bool split = split_into_words(words, r);
      Node any = any_of(split ? words : node);  // any word of the phrases, not any phrase
      if (split) {
        if (store.has_dictionary_words()) boost_with_words(words);
        tiers.emplace_back("words", std::move(words));
      }
      // All the concepts but one, before any one of them: of a question in many words
      // (how do I report a suspected spy), the provisions that answer most of it come first.
      if (Node most; most_of(split ? tiers.back().second : node, most)) tiers.emplace_back("most", std::move(most));
      if (any.children.size() > 1) tiers.emplace_back("any", std::move(any));
    }
    r.explanation.push_back("query: " + options.query + (query_lang == "en" ? "  (English: the English text, and the Chinese through the glossary)" : ""));
    for (const std::string& f : r.filters) r.explanation.push_back("filter from the query: " + f);
    for (const std::string& e : r.expansions) r.explanation.push_back("expansion: " + e);
    for (const std::string& w : r.ignored) r.explanation.push_back("ignored (in neither the glossary nor the English text): " + w);
    for (auto& [name, tier] : tiers) {
      r.explanation.push_back(std::string("tier ") + name + ":");
      describe(tier, 1, r.explanation);
    }
    const std::size_t need = o.offset + o.limit;
    std::set<std::string> seen;
    std::vector<SearchHit> hits;
    r.total_exact = true;
    for (auto& [name, tier] : tiers) {
      if (hits.size() >= need && !r.tiers.empty()) break;
      const std::size_t before = hits.size();
      const auto [count, exact] = run(tier, filter, query_lang, need > hits.size() ? need - hits.size() : 0, seen, hits);
      for (std::size_t k = before; k < hits.size(); ++k) hits[k].tier = name;
      r.tiers.push_back({name, count});
      r.explanation.push_back(std::string("tier ") + name + " matched " + (exact ? "" : "about ") + std::to_string(count) + " more articles");
      r.total += count;
      r.total_exact = r.total_exact && exact;
    }
    r.mode = "exact";
    for (const auto& t : r.tiers)
      if (t.count > 0) {
        r.mode = t.name;
        break;
      }
    if (o.offset < hits.size())
      r.hits.assign(std::make_move_iterator(hits.begin() + static_cast<std::ptrdiff_t>(o.offset)),
                    std::make_move_iterator(hits.begin() + static_cast<std::ptrdiff_t>(std::min(hits.size(), need))));
    return finish(r);
  }

  // en when the query has English words and no Chinese, else zh.
  static std::string query_language(const QueryNode& q) {
    bool english = false, chinese = false;
    std::function<void(const QueryNode&)> visit = [&](const QueryNode& n) {
      if (n.kind == QueryNode::Kind::Phrase) {
        chinese = chinese || has_cjk(utf8::decode(n.text));
        english = english || is_english(n.text);
      }
      for (const QueryNode& c : n.children) visit(c);
    };
    visit(q);
    return english && !chinese ? "en" : "zh";
  }

  static SearchResult& finish(SearchResult& r) {
    if (r.hits.empty() && r.total == 0) {
      r.status = SearchStatus::NoHits;
      r.mode = r.mode.empty() ? "exact" : r.mode;
    }
    return r;
  }

  static bool is_plain(const QueryNode& q) {
    if (q.kind == QueryNode::Kind::Phrase) return !q.quoted;
    if (q.kind != QueryNode::Kind::And) return false;
    return std::all_of(q.children.begin(), q.children.end(), [](const QueryNode& c) { return c.kind == QueryNode::Kind::Phrase && !c.quoted; });
  }

  static std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  }
};

Searcher::Searcher(IndexStore& store, const Glossary& glossary) : impl_(std::make_unique<Impl>(store, glossary)) {}
Searcher::~Searcher() = default;
SearchResult Searcher::search(const SearchOptions& options) { return impl_->search(options); }

}  // namespace lawref
