#include "search_filters.h"

#include <algorithm>
#include <set>
#include <utility>

#include "citation_parser.h"
#include "glossary.h"
#include "index_schema.h"
#include "jurisdictions.h"
#include "registry.h"
#include "search_text.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::searching {
namespace {

// A bound that sorts after the date and before the next day.
std::string next_day_bound(const std::string& date) { return date + "\x01"; }

Xapian::Query any_of_terms(const std::vector<std::string>& terms) { return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()); }

}  // namespace

const char* level_named(std::string_view folded_word) {
  static const std::pair<const char*, const char*> levels[] = {
      {"地方性法规", "local-regulation"}, {"地方法规", "local-regulation"},        {"部门规章", "departmental-rule"},
      {"行政法规", "administrative-regulation"}, {"司法解释", "judicial-interpretation"}};
  for (const auto& [word, level] : levels)
    if (folded_word == word) return level;
  return nullptr;
}

namespace {

// Whether `word` (as typed) is a year: four digits from 1900 to 2099, full-width (２０１４, as
// Chinese input methods type it) or not.
int year_in(const std::string& typed) {
  const bool ascii = std::all_of(typed.begin(), typed.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string word = ascii ? typed : text::fold(typed);
  if (word.size() != 4 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  const int y = std::stoi(word);
  return y >= 1900 && y <= 2099 ? y : 0;
}

// A year typed as a word of its own beside a Chinese law's name: 1993年, 2014, 2014年版, 2014版.
int chinese_year_in(const std::string& word) {
  for (const char* suffix : {"年版", "年", "版", ""}) {
    const std::string_view end(suffix);
    if (word.size() < end.size() || std::string_view(word).substr(word.size() - end.size()) != end) continue;
    if (const int y = year_in(word.substr(0, word.size() - end.size()))) return y;
  }
  return 0;
}

// Whether an English word can end a law's name: Counter-Espionage Law, Implementing Rules,
// Security Precautions Regulations / Provisions, Reporting Reward Measures.
bool ends_an_english_law_name(const std::string& word) {
  static const std::set<std::string> endings = {"law", "laws", "rules", "regulations", "provisions", "measures"};
  const std::vector<std::string> words = english_words(word);
  return !words.empty() && endings.count(words.back()) > 0;
}

// A word without the punctuation around it (law: -> law) and without a possessive 's (law's -> law,
// as english_words reads it: "the national security law's exit ban").
std::string trimmed(const std::string& word) {
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  std::size_t b = 0, e = word.size();
  while (b < e && !alnum(word[b])) ++b;
  while (e > b && !alnum(word[e - 1])) --e;
  if (e - b > 2 && (word[e - 1] == 's' || word[e - 1] == 'S') && word[e - 2] == '\'') e -= 2;
  return word.substr(b, e - b);
}

}  // namespace

bool may_name_a_law(const std::string& word) {
  if (!has_cjk(utf8::decode(word))) return false;
  for (const char* ending : {"法", "条例", "规定", "办法", "细则"})
    if (word.find(ending) != std::string::npos) return true;
  return false;
}

SearchFilters::SearchFilters(const LawStore& store) : store_(store) {}
SearchFilters::~SearchFilters() = default;

const LawNameIndex& SearchFilters::names() {
  if (!names_) names_ = std::make_unique<LawNameIndex>(store_.registry());
  return *names_;
}

std::optional<SearchFilters::LawNamed> SearchFilters::chinese_law_named(const std::string& word, const std::vector<std::string>& places,
                                                                        const SearchOptions& o) {
  const std::string as_of = o.in_force_on.empty() ? today() : o.in_force_on;
  // 新保密法, 新反间谍法: the new law is the version in force (on --in-force-on, else today); 旧反间谍法,
  // 老保密法: the old one, the version before it. A name that merely starts so (新乡市…条例,
  // 老年人权益保障法) is read whole when the rest names no law.
  for (const auto& [prefix, age] : {std::pair{std::string_view("新"), Age::New}, {"旧", Age::Old}, {"老", Age::Old}, {"", Age::Any}}) {
    if (word.size() <= prefix.size() || std::string_view(word).substr(0, prefix.size()) != prefix) continue;
    const CitationParse cite = parse_citation(word.substr(prefix.size()));
    if (!cite.ok || cite.citation.path.article != 0 || cite.citation.law.empty() || (age != Age::Any && cite.citation.year)) continue;
    LawResolution res = names().resolve(cite.citation.law, cite.citation.year, as_of, false);
    // A name shortened as people type it (实施细则 for 反间谍法实施细则), when it shortens one law's;
    // not after 新 or 旧, where the rest of a name (乡市…条例 of 新乡市…条例) would read as one.
    bool shortened = false;
    if (!res.law && age == Age::Any) {
      res = names().resolve_abbreviation(cite.citation.law, cite.citation.year, as_of);
      // Several laws' names shortened alike (反间谍安全防范条例: five provinces'), one of them of
      // the place the query names (陕西): that one.
      if (!res.law && !places.empty()) {
        const LawInfo* of_place = nullptr;
        std::size_t found = 0;
        for (const LawInfo* l : res.ambiguous)
          if (std::find(places.begin(), places.end(), l->jurisdiction) != places.end()) {
            of_place = l;
            ++found;
          }
        if (found == 1) res = names().resolve(of_place->short_name_zh(), cite.citation.year, as_of, false);
      }
      // Not against a place the query names (黑龙江 … 奖励办法: Heilongjiang's measures, not the national 举报奖励办法).
      const bool elsewhere = res.law && std::any_of(places.begin(), places.end(), [&](const std::string& p) { return p != res.law->jurisdiction; });
      if (elsewhere) res = LawResolution{};
      shortened = res.law != nullptr;
    }
    const LawInfo* law = res.law && age == Age::Old ? version_before(*res.law) : res.law;
    // A year names one version, and so do 新 and 旧; a bare name every version of the law.
    if (law) return LawNamed{law, cite.citation.year != 0 || age != Age::Any, shortened};
  }
  return std::nullopt;
}

const LawInfo* SearchFilters::version_before(const LawInfo& law) const {
  const LawInfo* before = nullptr;
  for (const LawInfo& l : store_.registry().laws())
    if (l.work == law.work && l.version_date() < law.version_date() && (!before || l.version_date() > before->version_date())) before = &l;
  return before;
}

const LawInfo* SearchFilters::version_of_year(const std::string& work, int year) const {
  for (const LawInfo& l : store_.registry().laws())
    if (l.work == work && (!year || l.version_date().substr(0, 4) == std::to_string(year))) return &l;
  return nullptr;
}

SearchOptions SearchFilters::read_from_query(QueryParse& parsed, const SearchOptions& o, std::vector<std::string>& described) {
  SearchOptions out = o;
  QueryNode& root = parsed.root;
  if (root.kind != QueryNode::Kind::And || !is_plain_query(root)) return out;
  const std::size_t described_before = described.size();
  std::vector<std::string> places;  // the jurisdictions the query names in Chinese
  for (const QueryNode& c : root.children)
    if (const Jurisdiction* j = jurisdiction_by_name(text::fold(c.text))) places.push_back(j->id);
  std::vector<std::size_t> kept;  // the words still searched for (moved out at the end: when every word is a filter, none is)
  std::vector<bool> named = english_law_names(root.children, o, out, described);
  bool kept_last = false;  // whether the word before was kept as a search word
  for (std::size_t k = 0; k < root.children.size(); ++k) {
    QueryNode& c = root.children[k];
    if (named[k]) {
      kept_last = false;
      continue;
    }
    const std::string folded = text::fold(c.text);
    bool used = false;
    if (const char* level = level_named(folded)) {
      out.levels.push_back(level);
      described.push_back(std::string("level: ") + level);
      used = true;
    }
    if (!used) {
      // A jurisdiction by name (重庆, 重庆市) or, in English, by its romanised name (Chongqing,
      // Shaanxi: the id) when the store has laws of it.
      const Jurisdiction* j = is_english(c.text) ? jurisdiction_by_id(folded) : jurisdiction_by_name(folded);
      const auto& laws = store_.registry().laws();
      if (j && std::any_of(laws.begin(), laws.end(), [&](const LawInfo& l) { return l.jurisdiction == j->id; })) {
        out.jurisdictions.push_back(j->id);
        described.push_back(std::string("jurisdiction: ") + j->id);
        used = true;
      }
    }
    if (!used && may_name_a_law(c.text)) {
      std::optional<LawNamed> named_law = chinese_law_named(c.text, places, o);
      if (named_law) {
        // A year typed beside the name (1993年 国家安全法, 反间谍法 2014) names one version; a year no
        // version has leaves both words a search, as in English (the 1993 国家安全法 is not in the
        // store, and the provision that repealed it names it).
        std::size_t year_at = root.children.size();
        int year = 0;
        if (!named_law->one_version) {
          if (k > 0 && kept_last && (year = chinese_year_in(root.children[k - 1].text))) year_at = k - 1;
          else if (k + 1 < root.children.size() && !named[k + 1] && (year = chinese_year_in(root.children[k + 1].text))) year_at = k + 1;
        }
        if (year) {
          const LawInfo* version = version_of_year(named_law->law->work, year);
          if (!version) named_law.reset();
          else {
            named_law = LawNamed{version, true, named_law->shortened};
            if (year_at < k) kept.pop_back();
            else named[year_at] = true;
          }
        }
      }
      if (named_law) {
        const LawInfo& law = *named_law->law;
        out.laws.push_back(named_law->one_version ? law.id : named_law->shortened ? law.short_name_zh() : c.text);
        described.push_back("law: " + law.short_name_zh() + " (" + (named_law->one_version ? law.id : "every version of " + law.work) + ")");
        used = true;
      }
    }
    if (!used) kept.push_back(k);
    kept_last = !used;
  }
  if (kept.empty()) {
    described.resize(described_before);
    return o;
  }
  std::vector<QueryNode> words;
  for (const std::size_t k : kept) words.push_back(std::move(root.children[k]));
  root.children = std::move(words);
  if (root.children.size() == 1) {
    QueryNode only = std::move(root.children[0]);
    root = std::move(only);
  }
  return out;
}

// An English law's name in the query's words ("national security law", "2014 counter-espionage
// law", "the State Secrets Law"), a run of them ending in law, rules, regulations, provisions or
// measures, the longest first; a year just before or after it names one version, and a year that
// names none leaves the words a search (the 1993 national security law is not in the store).
std::vector<bool> SearchFilters::english_law_names(const std::vector<QueryNode>& words, const SearchOptions& o, SearchOptions& out,
                                                   std::vector<std::string>& described) {
  constexpr std::size_t kLongestName = 8;  // words (Provisions on Anti-Espionage Security Precautions: 5)
  std::vector<bool> used(words.size(), false);
  const auto english_word = [&](std::size_t k) { return !words[k].quoted && is_english(words[k].text) && !year_in(words[k].text); };
  for (std::size_t end = words.size(); end-- > 0;) {
    if (used[end] || !english_word(end) || !ends_an_english_law_name(words[end].text)) continue;
    // The longest run ending here that names a law (at least two words: "law" alone names none).
    for (std::size_t n = std::min(kLongestName, end + 1); n >= 2; --n) {
      const std::size_t begin = end + 1 - n;
      bool english = true;
      std::string name;
      for (std::size_t k = begin; k <= end && english; ++k) {
        english = english_word(k) && !used[k];
        name += (name.empty() ? "" : " ") + trimmed(words[k].text);  // "Intelligence Law:" names the law
      }
      if (!english) continue;
      std::size_t year_at = words.size();
      if (begin > 0 && year_in(words[begin - 1].text)) year_at = begin - 1;
      else if (end + 1 < words.size() && year_in(words[end + 1].text)) year_at = end + 1;
      const int year = year_at < words.size() ? year_in(words[year_at].text) : 0;
      LawResolution res = names().resolve(name, year, o.in_force_on.empty() ? today() : o.in_force_on, false);
      // A name shortened or reordered ("Heilongjiang counter-espionage precautions regulations",
      // "MSS counter-espionage security precautions provisions"): every word among the English
      // names of the versions of one law only.
      if (res.unknown)
        if (const std::string* work = work_named_by_words(name)) {
          res.law = version_of_year(*work, year);
          res.unknown = res.law == nullptr;
        }
      if (!res.law) {
        if (year && !res.unknown) break;  // a name, but no version of that year: the words stay a search
        continue;
      }
      out.laws.push_back(year ? res.law->id : res.law->short_name_zh());
      described.push_back("law: " + res.law->short_name_zh() + " (" + (year ? res.law->id : "every version of " + res.law->work) + ")");
      for (std::size_t k = begin; k <= end; ++k) used[k] = true;
      if (year) used[year_at] = true;
      break;
    }
  }
  return used;
}

// The national work (cel) whose laws' English names (title, short names, aliases) hold every
// content word of `name`, when one work does and `name` has two content words or more; else nullptr.
const std::string* SearchFilters::work_named_by_words(const std::string& name) {
  if (english_name_words_.empty())
    for (const LawInfo& l : store_.registry().laws()) {
      // A provincial regulation's province is a filter of its own (jurisdiction), and the rest of
      // its name ("who must comply with the Shanghai counter-espionage regulations") is what is asked.
      if (!l.is_national()) continue;
      std::vector<std::string> names = l.short_en;
      names.push_back(l.title_en);
      names.insert(names.end(), l.aliases.begin(), l.aliases.end());
      for (const std::string& n : names)
        if (is_english(n))
          for (const std::string& w : english_words(n)) english_name_words_[l.work].insert(w);
    }
  std::vector<std::string> words = english_words(name);
  std::erase_if(words, [](const std::string& w) { return is_stop_word(w); });
  if (words.size() < 2) return nullptr;
  // A word the name says in the glossary's other words counts too: the informant of "informant
  // reward measures" is the name's citizen who reports (举报人: "person who reports").
  std::vector<std::vector<std::string>> said_as(words.size());
  for (std::size_t k = 0; k < words.size(); ++k)
    for (const Expansion& e : Glossary::builtin().expand(words[k]))
      if (e.english == words[k])
        for (const std::string& rendering : e.en)
          for (std::string& w : english_words(rendering)) said_as[k].push_back(std::move(w));
  const auto in_name = [&](const std::set<std::string>& known, std::size_t k) {
    if (known.count(words[k])) return true;
    return std::any_of(said_as[k].begin(), said_as[k].end(), [&](const std::string& w) { return !is_stop_word(w) && known.count(w) > 0; });
  };
  const std::string* found = nullptr;
  for (const auto& [work, known] : english_name_words_) {
    bool all = true;
    for (std::size_t k = 0; k < words.size() && all; ++k) all = in_name(known, k);
    if (!all) continue;
    if (found) return nullptr;  // two works: it names neither
    found = &work;
  }
  return found;
}

bool SearchFilters::to_query(const SearchOptions& o, Xapian::Query& filter, std::string& error) {
  auto bad = [&](std::string message) {
    error = std::move(message);
    return false;
  };
  std::vector<Xapian::Query> parts;
  if (!o.laws.empty()) {
    std::vector<std::string> terms;
    for (const std::string& l : o.laws) {
      if (const LawInfo* info = store_.law(l)) {
        terms.push_back(schema::kLaw + info->id);
        continue;
      }
      const LawResolution res = names().resolve(l, 0, o.in_force_on.empty() ? today() : o.in_force_on);
      if (!res.law) return bad(res.error);
      terms.push_back(o.in_force_on.empty() ? schema::kWork + res.law->work : schema::kLaw + res.law->id);
    }
    parts.push_back(any_of_terms(terms));
  }
  if (!o.levels.empty()) {
    std::vector<std::string> terms;
    for (const std::string& l : o.levels) {
      if (!parse_law_level(l))
        return bad("unknown level '" + l + "' (constitution, law, administrative-regulation, departmental-rule, local-regulation, judicial-interpretation, other)");
      terms.push_back(schema::kLevel + l);
    }
    parts.push_back(any_of_terms(terms));
  }
  if (!o.jurisdictions.empty()) {
    std::set<std::string> known;
    for (const LawInfo& l : store_.registry().laws()) known.insert(l.jurisdiction);
    std::vector<std::string> terms;
    for (const std::string& j : o.jurisdictions) {
      if (!known.count(j)) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        return bad("no law of jurisdiction '" + j + "' in the index (" + list + ")");
      }
      terms.push_back(schema::kJurisdiction + j);
    }
    parts.push_back(any_of_terms(terms));
  }
  if (!o.in_force_on.empty()) {
    if (!is_iso_date(o.in_force_on)) return bad("--in-force-on needs a YYYY-MM-DD date, not '" + o.in_force_on + "'");
    parts.push_back(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotFrom, o.in_force_on),
                                  Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotUntil, next_day_bound(o.in_force_on))));
  }
  if (!parts.empty()) filter = Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  return true;
}

}  // namespace lawref::searching
