#include "glossary.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <xapian.h>

namespace lawref {

namespace embedded {
std::string_view glossary_tsv();
}

namespace {

// The trimmed non-empty parts of `s`; with keep_empty, the empty ones too (lines, to count them).
std::vector<std::string> split(std::string_view s, char sep, bool keep_empty = false) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = s.substr(start, end - start);
    while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\r')) part.remove_suffix(1);
    if (!part.empty() || keep_empty) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

// Stems of the words, stop words left out inside a phrase ("abuse their power" and "abuse of
// power" share a key), but kept when they are all there is.
std::string stems_key(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
  std::string key;
  for (std::size_t k = from; k < from + n; ++k)
    if (n == 1 || !is_stop_word(words[k])) key += (key.empty() ? "" : " ") + english_stem(words[k]);
  return key;
}

// The key of a phrase whose stop words count: every word's stem, marked apart from stems_key's.
std::string whole_key(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
  std::string key = "=";
  for (std::size_t k = from; k < from + n; ++k) key += (k > from ? " " : "") + english_stem(words[k]);
  return key;
}

}  // namespace

std::vector<std::string> english_words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool letter = is_letter(c);
    // A possessive 's ends the word ("a spy's relatives": spy), as the index reads the English text
    // (the apostrophe parts words there); an apostrophe inside a word joins it ("don't": dont).
    if (c == '\'' && !word.empty() && i + 1 < text.size() && (text[i + 1] == 's' || text[i + 1] == 'S') &&
        (i + 2 == text.size() || !is_letter(text[i + 2]))) {
      out.push_back(std::move(word));
      word.clear();
      ++i;
      continue;
    }
    if (letter) {
      word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (!word.empty() && c != '\'') {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

namespace {

// A word's possible bases before an inflection, each without a final e and a doubled final
// consonant (leaving -> leav, leave -> leav; stopped -> stop).
std::vector<std::string> inflection_bases(const std::string& w) {
  std::vector<std::string> out{w};
  const auto strip = [&](std::string_view suffix, std::string_view replacement = "") {
    if (w.size() >= suffix.size() + 3 && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(w.substr(0, w.size() - suffix.size()) + std::string(replacement));
  };
  strip("s");
  strip("es");
  strip("ed");
  strip("d");
  strip("ing");
  strip("ies", "y");
  strip("ied", "y");
  for (std::string& b : out) {
    if (b.size() > 3 && b.back() == 'e') b.pop_back();
    const std::size_t n = b.size();
    if (n > 3 && b[n - 1] == b[n - 2] && std::string_view("aeiouy").find(b[n - 1]) == std::string_view::npos) b.pop_back();
  }
  return out;
}

// The words a rendering and a typed phrase are compared by: all but the stop words, unless
// there is only one word.
std::vector<std::string> content_words(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
  std::vector<std::string> out;
  for (std::size_t k = from; k < from + n; ++k)
    if (n == 1 || !is_stop_word(words[k])) out.push_back(words[k]);
  return out;
}

}  // namespace

bool same_word_forms(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::vector<std::string> x = inflection_bases(a), y = inflection_bases(b);
  return std::any_of(x.begin(), x.end(), [&](const std::string& base) { return std::find(y.begin(), y.end(), base) != y.end(); });
}

std::string english_stem(const std::string& word) {
  thread_local Xapian::Stem stemmer("english");
  return stemmer(word);
}

bool is_stop_word(const std::string& word) {
  static const std::set<std::string> stop = {
      "a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "and", "or", "with", "from", "as", "be", "is", "are", "was",
      "were", "been", "must", "shall", "should", "may", "can", "could", "will", "would", "do", "does", "did", "what", "which",
      "who", "whom", "whose", "how", "when", "where", "why", "that", "this", "these", "those", "it", "its", "their", "there",
      "about", "under", "any", "all", "some", "such", "not", "no", "if", "than", "into", "upon", "i", "we", "you", "they",
      "he", "she", "my", "our", "your", "his", "her", "them", "us", "me", "law", "laws", "article", "articles", "provision",
      "provisions", "rule", "rules", "chinese", "china", "prc"};
  return stop.count(word) > 0;
}

const Glossary& Glossary::builtin() {
  static const Glossary g = parse(embedded::glossary_tsv());
  return g;
}

Glossary Glossary::parse(std::string_view tsv) {
  Glossary g;
  int line_no = 0;
  for (const std::string& raw : split(tsv, '\n', true)) {  // blank lines too: errors name the line an editor shows
    ++line_no;
    if (raw.empty() || raw[0] == '#') continue;
    const std::vector<std::string> cols = split(raw, '\t');
    if (cols.size() < 2) throw std::runtime_error("glossary line " + std::to_string(line_no) + ": expected 'Chinese<TAB>English'");
    GlossaryEntry e{split(cols[0], '|'), split(cols[1], '|')};
    if (e.zh.empty() || e.en.empty()) throw std::runtime_error("glossary line " + std::to_string(line_no) + ": an empty column");
    g.entries_.push_back(std::move(e));
  }
  return g;
}

const Glossary::StemIndex& Glossary::stem_index() const {
  std::call_once(lazy_->once, [this] {
    StemIndex& s = lazy_->index;
    for (std::size_t index = 0; index < entries_.size(); ++index)
      for (const std::string& en : entries_[index].en) {
        const std::vector<std::string> words = english_words(en);
        if (words.empty()) continue;
        s.longest = std::max(s.longest, words.size());
        // A phrase of one content word and stop words ("not a crime", "rule of law education",
        // "illegal provision": provision is a stop word, "report to") is that phrase: keyed by all its
        // words, it is no reading of its content word alone ("crime", "education", "illegal").
        if (words.size() > 1 && content_words(words, 0, words.size()).size() == 1) {
          s.by_stems[whole_key(words, 0, words.size())].push_back({index, words});
          continue;
        }
        s.by_stems[stems_key(words, 0, words.size())].push_back({index, content_words(words, 0, words.size())});
      }
  });
  return lazy_->index;
}

// The expansion of words [i, i + n) that name `entries`: their Chinese terms and renderings, once each.
Expansion Glossary::expansion_of(const std::vector<std::string>& words, std::size_t i, std::size_t n, const std::vector<std::size_t>& entries) const {
  Expansion e;
  for (std::size_t k = i; k < i + n; ++k) e.english += (k > i ? " " : "") + words[k];
  for (std::size_t index : entries) {
    for (const std::string& zh : entries_[index].zh)
      if (std::find(e.zh.begin(), e.zh.end(), zh) == e.zh.end()) e.zh.push_back(zh);
    for (const std::string& en : entries_[index].en)
      if (std::find(e.en.begin(), e.en.end(), en) == e.en.end()) e.en.push_back(en);
  }
  return e;
}

std::vector<Expansion> Glossary::expand(std::string_view english, std::vector<std::string>* unknown) const {
  const std::vector<std::string> words = english_words(english);
  std::vector<Expansion> out;
  if (words.empty()) return out;
  const StemIndex& stems = stem_index();
  // "its own precautions", "their own units": after a possessive, "own" says whose, it is not
  // the verb of owning (非法持有): a word the glossary does not know (the translations say "their
  // own units" too).
  static const std::set<std::string> possessives = {"my", "our", "your", "his", "her", "its", "their"};
  // The entries of the renderings that are the `typed` words, word by word as forms of one word; each once.
  const auto entries_typed = [](const std::vector<Rendering>& renderings, const std::vector<std::string>& typed) {
    std::vector<std::size_t> entries;
    for (const Rendering& r : renderings)
      if (r.words.size() == typed.size() && std::find(entries.begin(), entries.end(), r.entry) == entries.end() &&
          std::equal(typed.begin(), typed.end(), r.words.begin(), same_word_forms))
        entries.push_back(r.entry);
    return entries;
  };
  std::size_t i = 0;
  while (i < words.size()) {
    if (words[i] == "own" && i > 0 && possessives.count(words[i - 1])) {
      if (unknown) unknown->push_back(words[i]);
      ++i;
      continue;
    }
    bool matched = false;
    for (std::size_t n = std::min(stems.longest, words.size() - i); n >= 1 && !matched; --n) {
      // A phrase typed whole ("not a crime", "report to") that a rendering of one content word is.
      if (n > 1)
        if (const auto whole = stems.by_stems.find(whole_key(words, i, n)); whole != stems.by_stems.end()) {
          const std::vector<std::string> typed(words.begin() + static_cast<std::ptrdiff_t>(i), words.begin() + static_cast<std::ptrdiff_t>(i + n));
          if (const std::vector<std::size_t> entries = entries_typed(whole->second, typed); !entries.empty()) {
            out.push_back(expansion_of(words, i, n, entries));
            i += n;
            matched = true;
            break;
          }
        }
      if (is_stop_word(words[i]) || is_stop_word(words[i + n - 1])) continue;  // a match starts and ends on a content word
      // "national", "public" are 公民 as nouns (a national, the public); before a content word they
      // are adjectives ("national secrecy standards", "public datasets"), unless a longer term
      // holds them ("national security").
      if (n == 1 && (words[i] == "national" || words[i] == "public") && i + 1 < words.size() && !is_stop_word(words[i + 1])) continue;
      const auto it = stems.by_stems.find(stems_key(words, i, n));
      if (it == stems.by_stems.end()) continue;
      const std::vector<std::size_t> entries = entries_typed(it->second, content_words(words, i, n));
      if (entries.empty()) continue;
      out.push_back(expansion_of(words, i, n, entries));
      i += n;
      matched = true;
    }
    if (matched) continue;
    if (!is_stop_word(words[i]) && unknown) unknown->push_back(words[i]);
    ++i;
  }
  return out;
}

namespace {

// Whether the words of `part` stand together in `whole`, word by word as forms of one word.
bool stands_within(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  if (part.empty() || part.size() > whole.size()) return false;
  for (std::size_t at = 0; at + part.size() <= whole.size(); ++at)
    if (std::equal(part.begin(), part.end(), whole.begin() + static_cast<std::ptrdiff_t>(at), same_word_forms)) return true;
  return false;
}

// Whether the rest of a compound term, after the concept it is built on, names who does it:
// an organ, a unit, its staff (国家情报工作|机构, 关键信息基础设施|运营者). Such an actor's duties
// and powers are often written of its work alone (支持、协助和配合国家情报工作). Other compounds
// narrow their head's meaning otherwise (境外|返回访谈 is no kind of 境外) and do not relax.
bool names_an_actor(std::string_view rest) {
  static constexpr std::string_view kActors[] = {"机构", "机关", "部门", "单位", "人员", "组织", "运营者", "经营者"};
  return std::any_of(std::begin(kActors), std::end(kActors), [&](std::string_view actor) { return rest.ends_with(actor); });
}

}  // namespace

std::optional<Expansion> Glossary::broader(const Expansion& e) const {
  constexpr std::size_t kMinHeadBytes = 6;  // two Chinese characters
  std::vector<std::vector<std::string>> renderings;
  for (const std::string& en : e.en) renderings.push_back(english_words(en));
  std::optional<Expansion> best;
  std::size_t best_length = 0;
  for (const GlossaryEntry& entry : entries_) {
    std::size_t head_length = 0;
    for (const std::string& head : entry.zh) {
      if (head.size() < kMinHeadBytes || head.size() <= best_length || std::find(e.zh.begin(), e.zh.end(), head) != e.zh.end()) continue;
      for (const std::string& zh : e.zh)
        if (zh.size() > head.size() && zh.compare(0, head.size(), head) == 0 && names_an_actor(std::string_view(zh).substr(head.size())))
          head_length = std::max(head_length, head.size());
    }
    if (!head_length) continue;
    for (const std::string& en : entry.en) {
      const std::vector<std::string> words = english_words(en);
      if (words.size() < 2) continue;
      if (std::none_of(renderings.begin(), renderings.end(), [&](const std::vector<std::string>& r) { return stands_within(words, r); })) continue;
      best = Expansion{en, entry.zh, entry.en};
      best_length = head_length;
      break;
    }
  }
  return best;
}

}  // namespace lawref
