#include "law_names.h"

#include <algorithm>
#include <ctime>
#include <set>

#include "text_folding.h"
#include "utf8.h"

namespace lawref {
namespace {

bool drop_char(char32_t c) {
  if (utf8::is_space(c)) return true;
  switch (c) {
    case U'《': case U'》': case U'〈': case U'〉': case U'<': case U'>': case U'"': case U'\'': case U'“': case U'”':
    case U'‘': case U'’': case U'-': case U'‐': case U'–': case U'—': case U'_': case U'.': case U',': case U'·':
    case U'、': case U'，': case U'。':
      return true;
    default:
      return false;
  }
}

void strip_prefix(std::string& s, std::string_view prefix) {
  if (s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0) s.erase(0, prefix.size());
}

std::vector<std::string> names_of(const LawInfo& l) {
  std::vector<std::string> names = {l.id, l.title_zh};
  if (!l.title_en.empty()) names.push_back(l.title_en);
  names.insert(names.end(), l.short_zh.begin(), l.short_zh.end());
  names.insert(names.end(), l.short_en.begin(), l.short_en.end());
  names.insert(names.end(), l.aliases.begin(), l.aliases.end());
  return names;
}

// Dice coefficient over character bigrams (code points), for "did you mean".
double similarity(const std::string& a, const std::string& b) {
  const std::u32string x = utf8::decode(a), y = utf8::decode(b);
  if (x.size() < 2 || y.size() < 2) return x == y ? 1.0 : 0.0;
  std::multiset<std::u32string> bx;
  for (std::size_t i = 0; i + 1 < x.size(); ++i) bx.insert(x.substr(i, 2));
  int common = 0;
  for (std::size_t i = 0; i + 1 < y.size(); ++i) {
    auto it = bx.find(y.substr(i, 2));
    if (it != bx.end()) {
      ++common;
      bx.erase(it);
    }
  }
  return 2.0 * common / static_cast<double>(x.size() + y.size() - 2);
}

std::string year_of(const std::string& date) { return date.size() >= 4 ? date.substr(0, 4) : std::string(); }

// When a version took effect, for ordering versions (adoption when unknown).
std::string start_of(const LawInfo& l) { return l.effective.empty() ? l.adopted : l.effective; }

}  // namespace

std::string normalize_law_name(std::string_view name) {
  // English words first: "of the People's Republic of China" and "of the PRC" can stand
  // anywhere ("Law of the People's Republic of China on Guarding State Secrets"), and a
  // citation parser may already have dropped "of" and "the".
  const std::u32string folded = utf8::decode(text::fold(name));
  std::vector<std::u32string> words(1);
  for (char32_t c : folded) {
    const bool ascii_letter = (c >= U'a' && c <= U'z') || c == U'\'' || c == U'’';
    if (ascii_letter) words.back().push_back(c == U'’' ? U'\'' : c);
    else {
      if (!words.back().empty()) words.emplace_back();
      if (!drop_char(c)) words.back().push_back(c), words.emplace_back();
    }
  }
  static const std::set<std::u32string> filler = {U"of", U"the", U"a", U"an", U"prc"};
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::u32string& w = words[i];
    if (w.empty() || filler.count(w)) continue;
    const bool peoples = w == U"people's" || w == U"peoples";
    std::size_t j = i + 1;
    while (j < words.size() && (words[j].empty() || filler.count(words[j]))) ++j;
    std::size_t k = j + 1;
    while (k < words.size() && (words[k].empty() || filler.count(words[k]))) ++k;
    if (peoples && j < words.size() && words[j] == U"republic" && k < words.size() && words[k] == U"china") {
      i = k;
      continue;
    }
    for (char32_t c : w)
      if (!drop_char(c)) utf8::append(out, c);
  }
  strip_prefix(out, "中华人民共和国");
  strip_prefix(out, "china");
  return out;
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::vector<std::string> name_keys(const LawInfo& law) {
  std::vector<std::string> keys;
  for (const std::string& name : names_of(law)) {
    std::string key = normalize_law_name(name);
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  }
  return keys;
}

LawNameIndex::LawNameIndex(const Registry& registry) : registry_(registry) {
  for (const LawInfo& l : registry.laws())
    for (const std::string& key : name_keys(l)) by_key_[key].push_back(&l);
}

LawResolution LawNameIndex::resolve(std::string_view name, int year, const std::string& as_of, bool suggest) const {
  LawResolution r;
  const std::string key = normalize_law_name(name);
  const auto it = by_key_.find(key);
  if (key.empty() || it == by_key_.end()) {
    r.unknown = true;
    r.error = "unknown law '" + std::string(name) + "'";
    const auto similar = suggest ? suggestions(name) : std::vector<std::string>{};
    if (!similar.empty()) {
      r.error += "; did you mean ";
      for (std::size_t i = 0; i < similar.size(); ++i) r.error += (i ? ", " : "") + similar[i];
    }
    return r;
  }
  std::vector<const LawInfo*> versions = it->second;
  // A key naming one version exactly (cel-2014) is that version whatever the date.
  if (versions.size() == 1 && normalize_law_name(versions[0]->id) == key) {
    r.law = versions[0];
    return r;
  }
  std::set<std::string> works;
  for (const LawInfo* l : versions) works.insert(l->work);
  if (works.size() > 1) {
    r.ambiguous = versions;
    r.error = "'" + std::string(name) + "' is ambiguous: it names";
    for (const LawInfo* l : versions) r.error += " " + l->id;
    return r;
  }
  std::sort(versions.begin(), versions.end(), [](const LawInfo* a, const LawInfo* b) { return start_of(*a) < start_of(*b); });
  if (year > 0) {
    const std::string y = std::to_string(year);
    for (const LawInfo* l : versions)
      if (year_of(l->version_date()) == y) {
        r.law = l;
        return r;
      }
    r.error = "no " + y + " version of " + std::string(name) + " (versions:";
    for (const LawInfo* l : versions) r.error += " " + l->id;
    r.error += ")";
    return r;
  }
  for (auto v = versions.rbegin(); v != versions.rend(); ++v) {
    if (start_of(**v).empty() || start_of(**v) <= as_of) {
      r.law = *v;
      return r;
    }
  }
  r.next_version = versions.front();
  r.error = std::string(name) + " was not in force on " + as_of + " (in force from " + start_of(*versions.front()) + ")";
  return r;
}

LawResolution LawNameIndex::resolve_abbreviation(std::string_view name, int year, const std::string& as_of) const {
  const std::u32string q = utf8::decode(normalize_law_name(name));
  LawResolution none;
  none.unknown = true;
  none.error = "unknown law '" + std::string(name) + "'";
  if (q.size() < 3) return none;
  // The abbreviation keeps the name's ending (细则, 条例, 办法: at least two characters) and one
  // more piece of it as written (重庆): 重庆条例 for 重庆市反间谍工作条例, not 安全法 for 举报奖励办法.
  auto abbreviates = [&](const std::u32string& full) {
    if (full.size() <= q.size()) return false;
    std::size_t suffix = 0;
    while (suffix < q.size() && q[q.size() - 1 - suffix] == full[full.size() - 1 - suffix]) ++suffix;
    if (suffix < 2) return false;
    const std::u32string rest = q.substr(0, q.size() - suffix);
    return rest.empty() || full.substr(0, full.size() - suffix).find(rest) != std::u32string::npos;
  };
  std::map<std::string, std::string> works;  // work -> a key naming it
  for (const auto& [key, laws] : by_key_)
    if (abbreviates(utf8::decode(key)))
      for (const LawInfo* l : laws) works.emplace(l->work, key);
  if (works.empty()) return none;
  if (works.size() > 1) {
    LawResolution r;
    r.error = "'" + std::string(name) + "' abbreviates several laws:";
    std::size_t shown = 0;
    for (const auto& [work, key] : works) {
      if (shown++ == 5) {
        r.error += " and " + std::to_string(works.size() - 5) + " more";
        break;
      }
      const LawInfo* l = by_key_.at(key).front();
      r.error += (shown > 1 ? ", " : " ") + l->short_name_zh() + " (" + l->id + ")";
    }
    for (const auto& [work, key] : works) r.ambiguous.push_back(by_key_.at(key).front());
    return r;
  }
  const std::string& key = works.begin()->second;
  LawResolution r = resolve(key, year, as_of, false);
  if (r.law) r.read_as = "'" + std::string(name) + "' read as " + r.law->short_name_zh() + " (" + r.law->id + ")";
  return r;
}

std::vector<std::string> LawNameIndex::suggestions(std::string_view name, std::size_t limit) const {
  const std::string key = normalize_law_name(name);
  std::vector<std::pair<double, const LawInfo*>> scored;
  std::set<std::string> seen_works;
  for (const auto& [k, laws] : by_key_) {
    const double s = similarity(key, k);
    if (s >= 0.4) scored.emplace_back(s, laws.front());
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (const auto& [score, law] : scored) {
    if (out.size() >= limit) break;
    if (!seen_works.insert(law->work).second) continue;
    out.push_back(law->short_name_zh() + " (" + law->id + ")");
  }
  return out;
}

}  // namespace lawref
