#include "akn_xml.h"

#include <charconv>
#include <pugixml.hpp>
#include <sstream>
#include <tuple>

#include "provision_id.h"

namespace lawref {
namespace {

constexpr const char* kLawrefNamespace = "urn:lawref:1";

// Multi-line text (an item continued on a second line) is one <p> per line.
void add_text(pugi::xml_node parent, const char* element, const std::string& text) {
  pugi::xml_node block = parent.append_child(element);
  std::size_t start = 0;
  do {
    const std::size_t nl = text.find('\n', start);
    block.append_child("p").text().set(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start).c_str());
    start = nl == std::string::npos ? std::string::npos : nl + 1;
  } while (start != std::string::npos);
}

std::string read_text(pugi::xml_node block) {
  std::string out;
  bool first = true;
  for (pugi::xml_node p : block.children("p")) {
    if (!first) out += '\n';
    out += p.text().get();
    first = false;
  }
  return out;
}

void write_item(pugi::xml_node parent, const Item& item, const std::string& eid) {
  pugi::xml_node point = parent.append_child("point");
  point.append_attribute("eId").set_value(eid.c_str());
  point.append_child("num").text().set(item.num.c_str());
  if (item.children.empty()) {
    add_text(point, "content", item.text);
    return;
  }
  add_text(point, "intro", item.text);
  for (const Item& child : item.children) write_item(point, child, eid + "__point_" + std::to_string(child.number));
}

void write_article(pugi::xml_node parent, const Article& a) {
  const std::string eid = akn_article_eid(a.number, a.insertion);
  pugi::xml_node art = parent.append_child("article");
  art.append_attribute("eId").set_value(eid.c_str());
  art.append_child("num").text().set(a.num.c_str());
  for (const Paragraph& p : a.paragraphs) {
    const std::string peid = eid + "__para_" + std::to_string(p.number);
    pugi::xml_node para = art.append_child("paragraph");
    para.append_attribute("eId").set_value(peid.c_str());
    if (p.items.empty()) {
      add_text(para, "content", p.text);
      continue;
    }
    add_text(para, "intro", p.text);
    for (const Item& it : p.items) write_item(para, it, peid + "__point_" + std::to_string(it.number));
  }
}

void write_body(pugi::xml_node body, const LawText& law) {
  std::vector<std::pair<int, pugi::xml_node>> open;  // division index -> its element, outermost first
  auto node_of = [&](int division) {
    for (auto it = open.rbegin(); it != open.rend(); ++it)
      if (it->first == division) return it->second;
    return open.empty() || division < 0 ? body : open.back().second;
  };
  std::size_t next_article = 0;
  auto emit_articles_until = [&](std::size_t end) {
    for (; next_article < end && next_article < law.articles.size(); ++next_article)
      write_article(node_of(law.articles[next_article].division), law.articles[next_article]);
  };
  for (std::size_t d = 0; d < law.divisions.size(); ++d) {
    const Division& div = law.divisions[d];
    emit_articles_until(div.first_article);
    while (!open.empty() && open.back().first != div.parent) open.pop_back();
    pugi::xml_node el = (open.empty() ? body : open.back().second).append_child(division_akn_element(div.kind));
    el.append_attribute("eId").set_value(akn_division_eid(law, static_cast<int>(d)).c_str());
    el.append_child("num").text().set(div.num.c_str());
    if (!div.heading.empty()) el.append_child("heading").text().set(div.heading.c_str());
    open.emplace_back(static_cast<int>(d), el);
  }
  emit_articles_until(law.articles.size());
}

// ---- reading ----

[[noreturn]] void fail(const std::string& what) { throw AknError(what); }

// The number after the last '_' of an eId segment: art_20-1 -> (20, 1), para_2 -> (2, 0).
std::pair<int, int> eid_number(pugi::xml_node node) {
  const std::string eid = node.attribute("eId").value();
  const std::size_t sep = eid.rfind('_');
  if (sep == std::string::npos) fail(std::string("<") + node.name() + "> without a numbered eId");
  const char* begin = eid.data() + sep + 1;
  const char* end = eid.data() + eid.size();
  int number = 0, insertion = 0;
  auto r = std::from_chars(begin, end, number);
  if (r.ec != std::errc() || number <= 0) fail("bad eId '" + eid + "'");
  if (r.ptr != end) {
    if (*r.ptr != '-') fail("bad eId '" + eid + "'");
    auto r2 = std::from_chars(r.ptr + 1, end, insertion);
    if (r2.ec != std::errc() || r2.ptr != end || insertion <= 0) fail("bad eId '" + eid + "'");
  }
  return {number, insertion};
}

// `depth` 1 is an item (项), 2 a sub-item (目); the limit keeps the recursion shallow.
Item read_item(pugi::xml_node point, int depth) {
  if (depth > kMaxPointDepth)
    fail("<point> nested " + std::to_string(depth) + " deep (a statute has at most " + std::to_string(kMaxPointDepth) + ": 项 and 目)");
  Item item;
  item.number = eid_number(point).first;
  item.num = point.child("num").text().get();
  if (pugi::xml_node content = point.child("content")) item.text = read_text(content);
  else item.text = read_text(point.child("intro"));
  for (pugi::xml_node child : point.children("point")) item.children.push_back(read_item(child, depth + 1));
  return item;
}

Article read_article(pugi::xml_node el, int division) {
  Article a;
  std::tie(a.number, a.insertion) = eid_number(el);
  a.num = el.child("num").text().get();
  a.division = division;
  for (pugi::xml_node p : el.children("paragraph")) {
    Paragraph para;
    para.number = eid_number(p).first;
    if (pugi::xml_node content = p.child("content")) {
      para.text = read_text(content);
    } else {
      para.text = read_text(p.child("intro"));
      for (pugi::xml_node point : p.children("point")) para.items.push_back(read_item(point, 1));
    }
    a.paragraphs.push_back(std::move(para));
  }
  return a;
}

bool division_kind(std::string_view element, DivisionKind& kind) {
  for (DivisionKind k : {DivisionKind::Part, DivisionKind::Subpart, DivisionKind::Chapter, DivisionKind::Section})
    if (element == division_akn_element(k)) {
      kind = k;
      return true;
    }
  return false;
}

// `depth`: how many divisions enclose `container` (0 for the body); bounded by kMaxDivisionDepth.
void read_container(pugi::xml_node container, int division, int depth, LawText& law) {
  for (pugi::xml_node el : container.children()) {
    if (el.type() != pugi::node_element) continue;
    const std::string_view name = el.name();
    if (name == "article") {
      law.articles.push_back(read_article(el, division));
      continue;
    }
    DivisionKind kind;
    if (name == "num" || name == "heading") continue;
    if (!division_kind(name, kind)) fail("unsupported element <" + std::string(name) + "> in the body");
    if (depth >= kMaxDivisionDepth)
      fail("<" + std::string(name) + "> nested " + std::to_string(depth + 1) + " divisions deep (a statute has at most " +
           std::to_string(kMaxDivisionDepth) + ": 编, 分编, 章, 节)");
    Division d;
    d.kind = kind;
    d.number = eid_number(el).first;
    d.num = el.child("num").text().get();
    d.heading = el.child("heading").text().get();
    d.parent = division;
    d.first_article = law.articles.size();
    law.divisions.push_back(std::move(d));
    read_container(el, static_cast<int>(law.divisions.size() - 1), depth + 1, law);
  }
}

}  // namespace

std::string akn_language(std::string_view lang) {
  if (lang == "zh") return "zho";
  if (lang == "en") return "eng";
  if (lang == "zho") return "zh";
  if (lang == "eng") return "en";
  return std::string(lang);
}

std::string to_akn_xml(const LawText& law, const AknWorkInfo& work) {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("akomaNtoso");
  root.append_attribute("xmlns").set_value(kAknNamespace);
  root.append_attribute("xmlns:lawref").set_value(kLawrefNamespace);
  pugi::xml_node act = root.append_child("act");
  act.append_attribute("name").set_value(law.law_id.c_str());

  const std::string work_uri = "/akn/" + work.country + "/act/" + (work.date.empty() ? "" : work.date + "/") + law.law_id;
  const std::string expr_uri = work_uri + "/" + akn_language(law.lang) + "@" + work.date;
  pugi::xml_node ident = act.append_child("meta").append_child("identification");
  ident.append_attribute("source").set_value("#lawref");
  pugi::xml_node frbr_work = ident.append_child("FRBRWork");
  frbr_work.append_child("FRBRthis").append_attribute("value").set_value((work_uri + "/!main").c_str());
  frbr_work.append_child("FRBRuri").append_attribute("value").set_value(work_uri.c_str());
  if (!work.date.empty()) {
    pugi::xml_node date = frbr_work.append_child("FRBRdate");
    date.append_attribute("date").set_value(work.date.c_str());
    date.append_attribute("name").set_value("version");
  }
  if (!work.author.empty()) frbr_work.append_child("FRBRauthor").append_attribute("href").set_value(("#" + work.author).c_str());
  frbr_work.append_child("FRBRcountry").append_attribute("value").set_value(work.country.c_str());
  pugi::xml_node frbr_expr = ident.append_child("FRBRExpression");
  frbr_expr.append_child("FRBRthis").append_attribute("value").set_value((expr_uri + "/!main").c_str());
  frbr_expr.append_child("FRBRuri").append_attribute("value").set_value(expr_uri.c_str());
  frbr_expr.append_child("FRBRlanguage").append_attribute("language").set_value(akn_language(law.lang).c_str());
  if (!law.source.empty() || !law.source_metadata.empty() || !law.translation.empty()) {
    pugi::xml_node prop = act.child("meta").append_child("proprietary");
    prop.append_attribute("source").set_value("#lawref");
    if (!law.source.empty()) prop.append_child("lawref:sourceFile").text().set(law.source.c_str());
    for (const auto& [key, value] : law.source_metadata) {
      pugi::xml_node m = prop.append_child("lawref:sourceMetadata");
      m.append_attribute("name").set_value(key.c_str());
      m.text().set(value.c_str());
    }
    if (!law.translation.empty()) prop.append_child("lawref:translation").text().set(law.translation.c_str());
  }

  pugi::xml_node preface = act.append_child("preface");
  add_text(preface, "longTitle", law.title);
  for (const std::string& line : law.preamble) {
    pugi::xml_node p = preface.append_child("p");
    p.append_attribute("class").set_value("history");
    p.text().set(line.c_str());
  }
  write_body(act.append_child("body"), law);
  if (!law.appendix.empty()) {
    pugi::xml_node attachments = act.append_child("conclusions");
    for (const std::string& line : law.appendix) {
      pugi::xml_node p = attachments.append_child("p");
      p.append_attribute("class").set_value("appendix");
      p.text().set(line.c_str());
    }
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

LawText from_akn_xml(std::string_view xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) fail("broken XML at byte " + std::to_string(parsed.offset) + ": " + parsed.description());
  pugi::xml_node root = doc.child("akomaNtoso");
  if (!root) fail("not an Akoma Ntoso document (no <akomaNtoso> root)");
  pugi::xml_node act = root.child("act");
  if (!act) fail("no <act> in the document");
  LawText law;
  law.law_id = act.attribute("name").value();
  if (!is_valid_law_id(law.law_id)) fail("<act name='" + law.law_id + "'> is not a valid law id");
  pugi::xml_node ident = act.child("meta").child("identification");
  const std::string language = ident.child("FRBRExpression").child("FRBRlanguage").attribute("language").value();
  if (language.empty()) fail("no FRBRlanguage in the document");
  law.lang = akn_language(language);
  pugi::xml_node prop = act.child("meta").child("proprietary");
  law.source = prop.child("lawref:sourceFile").text().get();
  for (pugi::xml_node m : prop.children("lawref:sourceMetadata")) law.source_metadata.emplace_back(m.attribute("name").value(), m.text().get());
  law.translation = prop.child("lawref:translation").text().get();
  pugi::xml_node preface = act.child("preface");
  law.title = read_text(preface.child("longTitle"));
  for (pugi::xml_node p : preface.children("p")) law.preamble.emplace_back(p.text().get());
  pugi::xml_node body = act.child("body");
  if (!body) fail("no <body> in the act");
  read_container(body, -1, 0, law);
  for (pugi::xml_node p : act.child("conclusions").children("p")) law.appendix.emplace_back(p.text().get());
  return law;
}

}  // namespace lawref
