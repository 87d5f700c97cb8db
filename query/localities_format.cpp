#include "localities_format.h"

#include "csv_field.h"
#include "display_width.h"
#include "jurisdictions.h"
#include "provision_format.h"
#include "score_format.h"
#include "utf8.h"

namespace lawref {
namespace {

std::string pad(const std::string& s, int width) { return s + std::string(static_cast<std::size_t>(std::max(0, width - display_width(s))), ' '); }

// 16, 17(2): local article numbers, with the national paragraph when the match was a part.
std::string cell(const std::vector<LocalMatch>& matches) {
  std::string out;
  int last = -1;
  for (const LocalMatch& m : matches) {
    if (m.local.article == last) continue;
    last = m.local.article;
    out += (out.empty() ? "" : ",") + std::to_string(m.local.article) + (m.local.insertion ? "-" + std::to_string(m.local.insertion) : "");
  }
  return out;
}

std::string first_chars(const Article& a, std::size_t n) { return glimpse(a.paragraphs.empty() ? std::string() : a.paragraphs.front().text, n); }

}  // namespace

std::string locality_label(const LawInfo& law) {
  const Jurisdiction* j = jurisdiction_by_id(law.jurisdiction);
  if (!j) return law.jurisdiction;
  std::string name = j->name_zh;
  for (const char* suffix : {"省", "市", "自治区"})
    if (name.size() > std::string(suffix).size() && name.compare(name.size() - std::string(suffix).size(), std::string(suffix).size(), suffix) == 0)
      name.resize(name.size() - std::string(suffix).size());
  return name;
}

std::string localities_table(const LocalitiesView& view) {
  std::string out = view.national->short_name_zh() + " (" + view.national->id + ") and the local regulations implementing it: " +
                    std::to_string(view.locals.size()) + "\n";
  for (const LocalLaw& l : view.locals) {
    out += "  " + pad(locality_label(*l.info), 8) + l.info->id + "  " + l.info->title_zh + ": " + std::to_string(l.aligned) + " of " +
           std::to_string(l.articles) + " articles aligned";
    bool through = false;
    for (const std::string& v : l.implements) through = through || v != view.national->id;
    if (through) {
      out += " (made under ";
      for (std::size_t i = 0; i < l.implements.size(); ++i) out += (i ? ", " : "") + l.implements[i];
      out += ": through the version links, and aligned with " + view.national->id + " directly)";
    }
    out += "\n";
  }
  out += "\n";
  // The table: national article, then one column per locality with its article numbers.
  std::vector<std::string> heads = {"national"};
  for (const LocalLaw& l : view.locals) heads.push_back(locality_label(*l.info));
  std::vector<std::vector<std::string>> rows;
  for (const NationalRow& r : view.rows) {
    std::vector<std::string> row = {r.article->num};
    bool any = false;
    for (const LocalLaw& l : view.locals) {
      const auto it = r.locals.find(l.info->id);
      row.push_back(it == r.locals.end() ? "·" : cell(it->second));
      any = any || it != r.locals.end();
    }
    row.push_back(any ? "" : "(no locality)");
    rows.push_back(std::move(row));
  }
  std::vector<int> width(heads.size(), 0);
  for (std::size_t c = 0; c < heads.size(); ++c) {
    width[c] = display_width(heads[c]);
    for (const auto& row : rows) width[c] = std::max(width[c], display_width(row[c]));
  }
  for (std::size_t c = 0; c < heads.size(); ++c) out += pad(heads[c], width[c] + 2);
  out += "\n";
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) line += c < heads.size() ? pad(row[c], width[c] + 2) : row[c];
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out += "\nLocal additions (no counterpart in " + view.national->id + " or the other national laws the regulation implements):\n";
  for (const LocalLaw& l : view.locals) {
    out += "  " + locality_label(*l.info) + " (" + l.info->id + "): " + (l.additions.empty() ? "none" : std::to_string(l.additions.size())) + "\n";
    for (const Article* a : l.additions) out += "    " + a->num + " " + first_chars(*a, 40) + "\n";
  }
  return out;
}

nlohmann::ordered_json localities_json(const LocalitiesView& view) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["national"] = view.national->id;
  j["locals"] = ordered_json::array();
  for (const LocalLaw& l : view.locals) {
    ordered_json additions = ordered_json::array();
    for (const Article* a : l.additions)
      additions.push_back({{"id", ProvisionId{l.info->id, article_path(*a)}.str()}, {"article", a->number}, {"citation", citation_zh(*l.info, article_path(*a))}});
    j["locals"].push_back({{"id", l.info->id},
                           {"title", l.info->title_zh},
                           {"jurisdiction", l.info->jurisdiction},
                           {"implements", l.implements},
                           {"articles", l.articles},
                           {"aligned", l.aligned},
                           {"additions", additions}});
  }
  j["rows"] = ordered_json::array();
  for (const NationalRow& r : view.rows) {
    ordered_json locals = ordered_json::object();
    for (const auto& [law, matches] : r.locals) {
      ordered_json list = ordered_json::array();
      for (const LocalMatch& m : matches)
        list.push_back({{"id", ProvisionId{law, m.local}.str()},
                        {"national", ProvisionId{view.national->id, m.national}.str()},
                        {"basis", links::to_string(m.basis)},
                        {"score", json_score(m.score)},
                        {"via", m.via.empty() ? ordered_json(nullptr) : ordered_json(m.via)}});
      locals[law] = list;
    }
    j["rows"].push_back({{"id", ProvisionId{view.national->id, article_path(*r.article)}.str()},
                         {"citation", citation_zh(*view.national, article_path(*r.article))},
                         {"locals", locals}});
  }
  return j;
}

std::string localities_csv(const LocalitiesView& view) {
  std::string out = "kind,national,local_law,local,basis,score,via\n";
  for (const NationalRow& r : view.rows)
    for (const auto& [law, matches] : r.locals)
      for (const LocalMatch& m : matches)
        out += "implements," + ProvisionId{view.national->id, m.national}.str() + "," + law + "," + ProvisionId{law, m.local}.str() + "," +
               links::to_string(m.basis) + "," + score_text(json_score(m.score)) + "," + csv_field(m.via) + "\n";
  for (const LocalLaw& l : view.locals)
    for (const Article* a : l.additions) out += "addition,," + l.info->id + "," + ProvisionId{l.info->id, article_path(*a)}.str() + ",,,\n";
  return out;
}

}  // namespace lawref
