#include "law_json.h"

#include <algorithm>
#include <stdexcept>

#include "stored_fields.h"

namespace lawref {
namespace {

using nlohmann::json;

json item_to_json(const Item& it) {
  json j = {{"no", it.number}, {"n", it.num}, {"t", it.text}};
  if (!it.children.empty()) {
    j["c"] = json::array();
    for (const Item& c : it.children) j["c"].push_back(item_to_json(c));
  }
  return j;
}

Item item_from_json(const json& j) {
  Item it{j.at("no").get<int>(), j.at("n").get<std::string>(), j.at("t").get<std::string>(), {}};
  if (j.contains("c"))
    for (const json& c : j.at("c")) it.children.push_back(item_from_json(c));
  return it;
}

}  // namespace

json article_to_json(const Article& a) {
  json paragraphs = json::array();
  for (const Paragraph& p : a.paragraphs) {
    json jp = {{"no", p.number}, {"t", p.text}};
    if (!p.items.empty()) {
      jp["i"] = json::array();
      for (const Item& it : p.items) jp["i"].push_back(item_to_json(it));
    }
    paragraphs.push_back(std::move(jp));
  }
  return {{"a", a.number}, {"x", a.insertion}, {"n", a.num}, {"d", a.division}, {"l", a.source_line}, {"p", paragraphs}};
}

Article article_from_json(const json& j) {
  Article a;
  a.number = j.at("a").get<int>();
  a.insertion = j.at("x").get<int>();
  a.num = j.at("n").get<std::string>();
  a.division = j.at("d").get<int>();
  a.source_line = j.at("l").get<int>();
  for (const json& jp : j.at("p")) {
    Paragraph p{jp.at("no").get<int>(), jp.at("t").get<std::string>(), {}};
    if (jp.contains("i"))
      for (const json& it : jp.at("i")) p.items.push_back(item_from_json(it));
    a.paragraphs.push_back(std::move(p));
  }
  return a;
}

json law_header_to_json(const LawText& law) {
  json divisions = json::array();
  for (const Division& d : law.divisions)
    divisions.push_back({{"k", static_cast<int>(d.kind)}, {"no", d.number}, {"n", d.num}, {"h", d.heading}, {"p", d.parent},
                         {"f", d.first_article}});
  json j = {{"id", law.law_id}, {"lang", law.lang},         {"title", law.title}, {"preamble", law.preamble},
            {"divisions", divisions}, {"appendix", law.appendix}, {"source", law.source}};
  if (!law.source_metadata.empty()) j["meta"] = law.source_metadata;
  if (!law.translation.empty()) j["translation"] = law.translation;
  j["articles"] = law.articles.size();  // for listings that do not read the articles
  return j;
}

LawText law_header_from_json(const json& j) {
  LawText law;
  law.law_id = j.at("id").get<std::string>();
  law.lang = j.at("lang").get<std::string>();
  law.title = j.at("title").get<std::string>();
  law.preamble = j.at("preamble").get<std::vector<std::string>>();
  law.appendix = j.at("appendix").get<std::vector<std::string>>();
  law.source = j.at("source").get<std::string>();
  if (j.contains("meta")) law.source_metadata = j.at("meta").get<std::vector<std::pair<std::string, std::string>>>();
  if (j.contains("translation")) law.translation = j.at("translation").get<std::string>();
  for (const json& d : j.at("divisions"))
    law.divisions.push_back(Division{static_cast<DivisionKind>(d.at("k").get<int>()), d.at("no").get<int>(), d.at("n").get<std::string>(),
                                     d.at("h").get<std::string>(), d.at("p").get<int>(), d.at("f").get<std::size_t>()});
  return law;
}

namespace {

void put_list(std::string& out, const std::vector<std::string>& list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += '|';
    put_escaped(out, list[i]);
  }
}

std::vector<std::string> get_list(std::string_view field) {
  std::vector<std::string> out;
  if (field.empty()) return out;
  for (std::string_view part : split_fields(field, '|')) out.push_back(unescape_field(part));
  return out;
}

constexpr std::size_t kFields = 24;

}  // namespace

std::string encode_law_infos(const std::vector<LawInfo>& laws) {
  std::string out;
  for (const LawInfo& l : laws) {
    const std::string* scalars[] = {&l.id, &l.work, &l.title_zh, &l.title_en, &l.body_zh, &l.body_en, &l.jurisdiction, &l.adopted,
                                    &l.effective, &l.supersedes, &l.superseded_by, &l.document_number, &l.source_file, &l.text_note};
    for (const std::string* f : scalars) {
      put_escaped(out, *f);
      out += '\t';
    }
    for (const std::vector<std::string>* list : {&l.short_zh, &l.short_en, &l.aliases, &l.amended, &l.implements}) {
      put_list(out, *list);
      out += '\t';
    }
    out += std::string(to_string(l.level)) + '\t' + std::to_string(l.expected_articles) + '\t' + std::to_string(l.expected_chapters) + '\t' +
           (l.registered ? "1" : "0") + '\t' + (l.amended_since ? "1" : "0") + '\n';
  }
  return out;
}

std::vector<LawInfo> decode_law_infos(std::string_view text) {
  std::vector<LawInfo> out;
  out.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  for (std::string_view line : split_fields(text, '\n')) {
    if (line.empty()) continue;
    const std::vector<std::string_view> f = split_fields(line, '\t');
    if (f.size() != kFields) throw std::runtime_error("registry record with " + std::to_string(f.size()) + " fields");
    LawInfo l;
    std::string* scalars[] = {&l.id, &l.work, &l.title_zh, &l.title_en, &l.body_zh, &l.body_en, &l.jurisdiction, &l.adopted,
                              &l.effective, &l.supersedes, &l.superseded_by, &l.document_number, &l.source_file, &l.text_note};
    std::size_t k = 0;
    for (std::string* s : scalars) *s = unescape_field(f[k++]);
    for (std::vector<std::string>* list : {&l.short_zh, &l.short_en, &l.aliases, &l.amended, &l.implements}) *list = get_list(f[k++]);
    l.level = parse_law_level(f[k++]).value_or(LawLevel::Other);
    l.expected_articles = std::stoi(std::string(f[k++]));
    l.expected_chapters = std::stoi(std::string(f[k++]));
    l.registered = f[k++] == "1";
    l.amended_since = f[k++] == "1";
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace lawref
