#include "law_listing.h"

#include <algorithm>
#include <unordered_map>

#include "auto_describe.h"
#include "index_store.h"
#include "utf8.h"

namespace lawref {
namespace {

// Successors' effective dates are known only once every row is filled; then each row's status.
void finish_rows(std::vector<LawRow>& rows, const std::string& today) {
  std::unordered_map<std::string, const LawInfo*> by_id;
  for (const LawRow& r : rows) by_id.emplace(r.info.id, &r.info);
  for (LawRow& r : rows) {
    if (const auto next = by_id.find(r.info.superseded_by); !r.info.superseded_by.empty() && next != by_id.end())
      r.in_force_until = next->second->effective;
    if (!r.in_force_until.empty() && r.in_force_until <= today) r.status = LawStatus::Superseded;
    else if (r.info.amended_since) r.status = LawStatus::AmendedSince;
    else if (r.info.effective.empty()) r.status = LawStatus::Unknown;
    else if (r.info.effective > today) r.status = LawStatus::NotYetInForce;
    else r.status = LawStatus::InForce;
  }
}

}  // namespace

const char* to_string(LawStatus status) {
  switch (status) {
    case LawStatus::InForce: return "in-force";
    case LawStatus::NotYetInForce: return "not-yet-in-force";
    case LawStatus::Superseded: return "superseded";
    case LawStatus::AmendedSince: return "amended-since";
    case LawStatus::Unknown: return "unknown";
  }
  return "unknown";
}

std::vector<LawRow> list_laws(const Catalog& catalog, const std::string& today) {
  std::vector<LawRow> rows;
  for (const CatalogEntry& entry : catalog.entries()) {
    LawRow row{entry.info, {}, -1, {}, LawStatus::Unknown};
    for (const TextSource& t : entry.texts) {
      row.text_languages.push_back(t.lang);
      if (t.lang != "zh" && entry.text("zh")) continue;  // count articles in the authoritative text
      const ParseResult parsed = load_text(entry, t.lang, false);
      if (!parsed.law.articles.empty()) row.articles = static_cast<int>(parsed.law.articles.size());
      complete_from_text(row.info, parsed.law);
    }
    rows.push_back(std::move(row));
  }
  finish_rows(rows, today);
  return rows;
}

std::vector<LawRow> list_laws(IndexStore& index, const std::string& today) {
  std::vector<LawRow> rows;
  for (const LawInfo& info : index.registry().laws()) {
    LawRow row{info, index.languages(info.id), -1, {}, LawStatus::Unknown};
    if (!row.text_languages.empty()) row.articles = index.article_count(info.id);
    rows.push_back(std::move(row));
  }
  finish_rows(rows, today);
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
  j["status"] = to_string(row.status);
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
  // Columns as wide as their widest cell (ids and jurisdictions vary: heilongjiang-ceprec-2019).
  auto status_label = [](const LawRow& r) -> std::string {
    switch (r.status) {
      case LawStatus::Superseded: return "superseded " + r.in_force_until;
      case LawStatus::AmendedSince: return "amended since";
      case LawStatus::NotYetInForce: return "from " + r.info.effective;
      case LawStatus::InForce: return "in force";
      case LawStatus::Unknown: return "-";
    }
    return "-";
  };
  auto arts = [](const LawRow& r) {
    return r.articles >= 0 ? std::to_string(r.articles)
           : r.info.expected_articles > 0 ? "(" + std::to_string(r.info.expected_articles) + ")"
                                          : std::string("-");
  };
  auto langs = [](const LawRow& r) {
    std::string s;
    for (const std::string& l : r.text_languages) s += (s.empty() ? "" : ",") + l;
    return s.empty() ? std::string("none") : s;
  };
  std::vector<std::vector<std::string>> cells;
  cells.push_back({"ID", "LEVEL", "JURISDICTION", "EFFECTIVE", "STATUS", "ARTS", "TEXT"});
  for (const LawRow& r : rows)
    cells.push_back({r.info.id, to_string(r.info.level), r.info.jurisdiction, r.info.effective.empty() ? "-" : r.info.effective,
                     status_label(r), arts(r), langs(r)});
  std::vector<std::size_t> width(cells[0].size(), 0);
  for (const auto& row : cells)
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    for (std::size_t c = 0; c < cells[i].size(); ++c) {
      const std::string& cell = cells[i][c];
      const std::size_t pad = width[c] - cell.size();
      if (c == 5) out += std::string(pad, ' ') + cell;  // numbers right-aligned
      else out += cell + std::string(pad, ' ');
      out += "  ";
    }
    if (i == 0) out += "TITLE";
    else {
      const LawInfo& l = rows[i - 1].info;
      out += l.title_zh;
      if (!l.title_en.empty()) out += " — " + l.title_en;
    }
    out += "\n";
  }
  return out;
}

}  // namespace lawref
