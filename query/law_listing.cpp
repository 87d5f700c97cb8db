#include "law_listing.h"

#include <cstdio>
#include <unordered_map>

#include "auto_describe.h"

namespace lawref {

std::vector<LawRow> list_laws(const Catalog& catalog) {
  std::vector<LawRow> rows;
  for (const CatalogEntry& entry : catalog.entries()) {
    LawRow row{entry.info, {}, -1, {}};
    for (const TextSource& t : entry.texts) {
      row.text_languages.push_back(t.lang);
      if (t.lang != "zh" && entry.text("zh")) continue;  // count articles in the authoritative text
      const ParseResult parsed = load_text(entry, t.lang, false);
      if (!parsed.law.articles.empty()) row.articles = static_cast<int>(parsed.law.articles.size());
      complete_from_text(row.info, parsed.law);
    }
    rows.push_back(std::move(row));
  }
  // A successor's effective date is known only once its text is read.
  std::unordered_map<std::string, const LawInfo*> by_id;
  for (const LawRow& r : rows) by_id.emplace(r.info.id, &r.info);
  for (LawRow& r : rows)
    if (const auto next = by_id.find(r.info.superseded_by); !r.info.superseded_by.empty() && next != by_id.end())
      r.in_force_until = next->second->effective;
  return rows;
}

nlohmann::ordered_json to_json(const LawRow& row) {
  using nlohmann::ordered_json;
  const LawInfo& l = row.info;
  auto or_null = [](const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); };
  ordered_json j;
  j["id"] = l.id;
  j["work"] = l.work;
  j["title"] = {{"zh", l.title_zh}, {"en", or_null(l.title_en)}};
  j["short_names"] = {{"zh", l.short_zh}, {"en", l.short_en}};
  j["aliases"] = l.aliases;
  j["issuing_body"] = {{"zh", or_null(l.body_zh)}, {"en", or_null(l.body_en)}};
  j["level"] = to_string(l.level);
  j["jurisdiction"] = l.jurisdiction;
  j["dates"] = {{"adopted", or_null(l.adopted)},
                {"amended", l.amended},
                {"effective", or_null(l.effective)},
                {"in_force_until", or_null(row.in_force_until)}};
  j["supersedes"] = or_null(l.supersedes);
  j["superseded_by"] = or_null(l.superseded_by);
  j["implements"] = l.implements;
  j["document_number"] = or_null(l.document_number);
  j["source_file"] = or_null(l.source_file);
  j["registered"] = l.registered;
  j["text_present"] = !row.text_languages.empty();
  j["text_languages"] = row.text_languages;
  j["articles"] = row.articles >= 0 ? ordered_json(row.articles) : ordered_json(nullptr);
  j["expected_articles"] = l.registered && l.expected_articles > 0 ? ordered_json(l.expected_articles) : ordered_json(nullptr);
  if (!l.text_note.empty()) j["note"] = l.text_note;
  return j;
}

std::string to_table(const std::vector<LawRow>& rows) {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-22s %-26s %-12s %-10s %-10s %5s  %-5s %s\n", "ID", "LEVEL", "JURISDICTION", "EFFECTIVE",
                "UNTIL", "ARTS", "TEXT", "TITLE");
  out += buf;
  for (const LawRow& r : rows) {
    std::string langs;
    for (const std::string& l : r.text_languages) langs += (langs.empty() ? "" : ",") + l;
    const std::string arts = r.articles >= 0 ? std::to_string(r.articles)
                             : r.info.expected_articles > 0 ? "(" + std::to_string(r.info.expected_articles) + ")"
                                                            : "-";
    std::snprintf(buf, sizeof buf, "%-22s %-26s %-12s %-10s %-10s %5s  %-5s ", r.info.id.c_str(), to_string(r.info.level),
                  r.info.jurisdiction.c_str(), r.info.effective.empty() ? "-" : r.info.effective.c_str(),
                  r.in_force_until.empty() ? "-" : r.in_force_until.c_str(), arts.c_str(), langs.empty() ? "none" : langs.c_str());
    out += buf;
    out += r.info.title_zh;
    if (!r.info.title_en.empty()) out += " — " + r.info.title_en;
    out += "\n";
  }
  return out;
}

}  // namespace lawref
