#include "registry.h"

#include <map>
#include <nlohmann/json.hpp>

#include "provision_id.h"
#include "text_folding.h"

namespace lawref {

namespace embedded {
std::string_view registry_json();
}

namespace {

using nlohmann::json;

constexpr std::pair<LawLevel, const char*> kLevels[] = {
    {LawLevel::Constitution, "constitution"},
    {LawLevel::Law, "law"},
    {LawLevel::AdministrativeRegulation, "administrative-regulation"},
    {LawLevel::DepartmentalRule, "departmental-rule"},
    {LawLevel::LocalRegulation, "local-regulation"},
    {LawLevel::JudicialInterpretation, "judicial-interpretation"},
    {LawLevel::Other, "other"},
};

std::string str(const json& j, const char* key, const std::string& law) {
  if (!j.contains(key) || j.at(key).is_null()) return {};
  if (!j.at(key).is_string()) throw RegistryError("law '" + law + "': '" + key + "' must be a string");
  return j.at(key).get<std::string>();
}

std::vector<std::string> strings(const json& j, const char* key, const std::string& law) {
  if (!j.contains(key) || j.at(key).is_null()) return {};
  if (!j.at(key).is_array()) throw RegistryError("law '" + law + "': '" + key + "' must be a list");
  std::vector<std::string> out;
  for (const json& v : j.at(key)) {
    if (!v.is_string()) throw RegistryError("law '" + law + "': '" + key + "' must hold strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::string date(const json& j, const char* key, const std::string& law) {
  std::string d = str(j, key, law);
  if (!d.empty() && !is_iso_date(d)) throw RegistryError("law '" + law + "': '" + key + "' is not a YYYY-MM-DD date: " + d);
  return d;
}

LawInfo parse_law(const json& j) {
  if (!j.is_object()) throw RegistryError("every entry of 'laws' must be an object");
  LawInfo law;
  law.id = str(j, "id", "?");
  if (!is_valid_law_id(law.id)) throw RegistryError("invalid law id '" + law.id + "'");
  const std::string& id = law.id;
  law.work = str(j, "work", id);
  if (law.work.empty()) law.work = id;
  const json empty = json::object();
  const json& title = j.contains("title") ? j.at("title") : empty;
  law.title_zh = str(title, "zh", id);
  law.title_en = str(title, "en", id);
  if (law.title_zh.empty()) throw RegistryError("law '" + id + "': no Chinese title");
  const json& shorts = j.contains("short_names") ? j.at("short_names") : empty;
  law.short_zh = strings(shorts, "zh", id);
  law.short_en = strings(shorts, "en", id);
  law.aliases = strings(j, "aliases", id);
  const json& body = j.contains("issuing_body") ? j.at("issuing_body") : empty;
  law.body_zh = str(body, "zh", id);
  law.body_en = str(body, "en", id);
  const auto level = parse_law_level(str(j, "level", id));
  if (!level) throw RegistryError("law '" + id + "': unknown level '" + str(j, "level", id) + "'");
  law.level = *level;
  law.jurisdiction = str(j, "jurisdiction", id);
  if (law.jurisdiction.empty()) law.jurisdiction = kNationalJurisdiction;
  const json& dates = j.contains("dates") ? j.at("dates") : empty;
  law.adopted = date(dates, "adopted", id);
  law.effective = date(dates, "effective", id);
  law.amended = strings(dates, "amended", id);
  for (const std::string& d : law.amended)
    if (!is_iso_date(d)) throw RegistryError("law '" + id + "': amendment date is not YYYY-MM-DD: " + d);
  law.supersedes = str(j, "supersedes", id);
  law.superseded_by = str(j, "superseded_by", id);
  law.implements = strings(j, "implements", id);
  law.document_number = str(j, "document_number", id);
  law.source_file = str(j, "source_file", id);
  law.text_note = str(j, "text_note", id);
  if (const std::string status = str(j, "status", id); status == "amended-since") law.amended_since = true;
  else if (!status.empty() && status != "current")
    throw RegistryError("law '" + id + "': unknown status '" + status + "' (current, amended-since)");
  if (j.contains("articles")) law.expected_articles = j.at("articles").get<int>();
  if (j.contains("chapters")) law.expected_chapters = j.at("chapters").get<int>();
  return law;
}

}  // namespace

const char* to_string(LawLevel level) {
  for (const auto& [l, name] : kLevels)
    if (l == level) return name;
  return "other";
}

std::optional<LawLevel> parse_law_level(std::string_view s) {
  for (const auto& [l, name] : kLevels)
    if (s == name) return l;
  return std::nullopt;
}

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (month < 1 || month > 12 || day < 1) return false;
  // A real calendar day (proleptic Gregorian): 2023-02-30 is refused, 2024-02-29 is not.
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string LawInfo::version_date() const { return amended.empty() ? adopted : amended.back(); }

const Registry& Registry::builtin() {
  static const Registry registry = parse(embedded::registry_json());
  return registry;
}

Registry Registry::parse(std::string_view text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw RegistryError(std::string("registry is not valid JSON: ") + e.what());
  }
  if (!j.is_object() || !j.contains("laws") || !j.at("laws").is_array()) throw RegistryError("registry has no 'laws' list");
  Registry r;
  try {
    for (const json& entry : j.at("laws")) r.add(parse_law(entry));
  } catch (const json::exception& e) {
    throw RegistryError(std::string("registry: ") + e.what());
  }
  return r;
}

const LawInfo* Registry::find(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &laws_[it->second];
}

const LawInfo* Registry::find_by_source_file(std::string_view file_name) const {
  for (const LawInfo& l : laws_)
    if (!l.source_file.empty() && l.source_file == file_name) return &l;
  return nullptr;
}

std::string Registry::in_force_until(const LawInfo& law) const {
  if (law.superseded_by.empty()) return {};
  const LawInfo* next = find(law.superseded_by);
  return next ? next->effective : std::string();
}

const LawInfo* Registry::version_in_force(std::string_view work, std::string_view date) const {
  const LawInfo* best = nullptr;
  for (const LawInfo& l : laws_) {
    if (l.work != work) continue;
    if (!l.effective.empty() && l.effective > date) continue;
    const std::string until = in_force_until(l);
    if (!until.empty() && until <= date) continue;
    if (!best || l.effective > best->effective) best = &l;
  }
  return best;
}

void Registry::add(LawInfo law) {
  if (find(law.id)) throw RegistryError("duplicate law id '" + law.id + "'");
  by_id_.emplace(law.id, laws_.size());
  laws_.push_back(std::move(law));
}

void Registry::set_succession(std::string_view older, std::string_view newer) {
  // Either may not be added yet (an automatically described version): update what is here.
  if (const auto a = by_id_.find(std::string(older)); a != by_id_.end() && laws_[a->second].superseded_by.empty())
    laws_[a->second].superseded_by = std::string(newer);
  if (const auto b = by_id_.find(std::string(newer)); b != by_id_.end() && laws_[b->second].supersedes.empty())
    laws_[b->second].supersedes = std::string(older);
}

void Registry::reserve(std::size_t laws) {
  laws_.reserve(laws);
  by_id_.reserve(laws);
}

std::vector<std::string> Registry::problems() const {
  std::vector<std::string> out;
  std::map<std::string, std::string> name_to_work;
  for (const LawInfo& l : laws_) {
    if (!l.supersedes.empty() && !find(l.supersedes)) out.push_back(l.id + ": supersedes unknown law '" + l.supersedes + "'");
    if (!l.superseded_by.empty()) {
      const LawInfo* next = find(l.superseded_by);
      if (!next) out.push_back(l.id + ": superseded by unknown law '" + l.superseded_by + "'");
      else if (next->supersedes != l.id) out.push_back(l.id + ": superseded by " + next->id + ", which does not name it in 'supersedes'");
    }
    for (const std::string& target : l.implements)
      if (!find(target)) out.push_back(l.id + ": implements unknown law '" + target + "'");
    if (!l.effective.empty() && !l.adopted.empty() && l.effective < l.adopted)
      out.push_back(l.id + ": effective " + l.effective + " before adoption " + l.adopted);
    if (!l.registered) continue;
    std::vector<std::string> names = l.short_zh;
    names.insert(names.end(), l.short_en.begin(), l.short_en.end());
    names.insert(names.end(), l.aliases.begin(), l.aliases.end());
    names.push_back(l.title_zh);
    if (!l.title_en.empty()) names.push_back(l.title_en);
    for (const std::string& name : names) {
      const std::string key = text::fold(name);
      auto [it, inserted] = name_to_work.emplace(key, l.work);
      if (!inserted && it->second != l.work) out.push_back("name '" + name + "' names both " + it->second + " and " + l.work);
    }
  }
  return out;
}

}  // namespace lawref
