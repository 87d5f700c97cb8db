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

void strip_suffix(std::string& s, std::string_view suffix) {
  if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) s.resize(s.size() - suffix.size());
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
  std::string folded = text::fold(name);
  std::string out;
  for (char32_t c : utf8::decode(folded))
    if (!drop_char(c)) utf8::append(out, c);
  strip_prefix(out, "中华人民共和国");
  strip_prefix(out, "the");
  strip_suffix(out, "ofthepeoplesrepublicofchina");
  strip_suffix(out, "ofthepeople'srepublicofchina");
  strip_prefix(out, "prc");
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

LawNameIndex::LawNameIndex(const Registry& registry) : registry_(registry) {
  for (const LawInfo& l : registry.laws()) {
    for (const std::string& name : names_of(l)) {
      const std::string key = normalize_law_name(name);
      if (key.empty()) continue;
      auto& laws = by_key_[key];
      if (std::find(laws.begin(), laws.end(), &l) == laws.end()) laws.push_back(&l);
    }
  }
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
