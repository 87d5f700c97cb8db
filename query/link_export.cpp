#include "link_export.h"

#include "csv_field.h"
#include "provision_format.h"
#include "score_format.h"

#include <map>
#include <pugixml.hpp>
#include <set>

namespace lawref {
namespace {

using nlohmann::ordered_json;

std::string node_id(const links::Link& l, bool to) {
  if (!to) return l.from.str();
  return l.to.law.empty() ? "external:" + l.external : l.to.str();
}

std::string number_or_empty(int n) { return n ? std::to_string(n) : std::string(); }

void write_csv(const std::vector<links::Link>& links, std::ostream& out) {
  out << "kind,from,from_law,from_article,from_paragraph,to,to_law,to_article,to_paragraph,external,evidence,score,basis,line,offset,note\r\n";
  for (const links::Link& l : links) {
    const std::vector<std::string> row = {
        links::to_string(l.kind), l.from.str(), l.from.law, number_or_empty(l.from.path.article), number_or_empty(l.from.path.paragraph),
        l.to.law.empty() ? "" : l.to.str(), l.to.law, number_or_empty(l.to.path.article), number_or_empty(l.to.path.paragraph),
        l.external, l.evidence, l.score > 0 ? score_text(l.score, ScorePrecision::Stored) : "", links::to_string(l.basis), number_or_empty(l.line),
        l.offset >= 0 ? std::to_string(l.offset) : "", l.note};
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i]);
    out << "\r\n";
  }
}

void write_jsonl(const std::vector<links::Link>& links, std::ostream& out) {
  for (const links::Link& l : links) out << link_json(l).dump() << "\n";
}

void write_graphml(const std::vector<links::Link>& links, std::ostream& out) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_attribute("xsi:schemaLocation") =
      "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";
  const struct {
    const char *id, *domain, *name, *type;
  } keys[] = {{"law", "node", "law", "string"},     {"external", "node", "external", "boolean"}, {"kind", "edge", "kind", "string"},
              {"evidence", "edge", "evidence", "string"}, {"score", "edge", "score", "double"},     {"basis", "edge", "basis", "string"},
              {"note", "edge", "note", "string"}};
  for (const auto& k : keys) {
    auto key = root.append_child("key");
    key.append_attribute("id") = k.id;
    key.append_attribute("for") = k.domain;
    key.append_attribute("attr.name") = k.name;
    key.append_attribute("attr.type") = k.type;
  }
  auto graph = root.append_child("graph");
  graph.append_attribute("id") = "lawref";
  graph.append_attribute("edgedefault") = "directed";
  auto data = [](pugi::xml_node parent, const char* key, const std::string& value) {
    auto d = parent.append_child("data");
    d.append_attribute("key") = key;
    d.text().set(value.c_str());
  };
  std::set<std::string> nodes;
  auto add_node = [&](const std::string& id, const std::string& law) {
    if (!nodes.insert(id).second) return;
    auto n = graph.append_child("node");
    n.append_attribute("id") = id.c_str();
    if (!law.empty()) data(n, "law", law);
    data(n, "external", law.empty() ? "true" : "false");
  };
  for (const links::Link& l : links) {
    add_node(node_id(l, false), l.from.law);
    add_node(node_id(l, true), l.to.law);
  }
  for (const links::Link& l : links) {
    auto e = graph.append_child("edge");
    e.append_attribute("source") = node_id(l, false).c_str();
    e.append_attribute("target") = node_id(l, true).c_str();
    data(e, "kind", links::to_string(l.kind));
    if (!l.evidence.empty()) data(e, "evidence", l.evidence);
    if (l.score > 0) data(e, "score", score_text(l.score, ScorePrecision::Stored));
    if (l.basis != links::LinkBasis::None) data(e, "basis", links::to_string(l.basis));
    if (!l.note.empty()) data(e, "note", l.note);
  }
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

std::string dot_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

// Graphviz needs a font with Chinese glyphs, or every label is a row of boxes.
constexpr const char* kCjkFont = "Noto Sans CJK SC";

void write_dot(const std::vector<links::Link>& links, std::ostream& out, const Registry* registry) {
  out << "digraph lawref {\n  rankdir=LR;\n  graph [fontname=" << dot_quote(kCjkFont) << "];\n  node [shape=box, fontsize=10, fontname="
      << dot_quote(kCjkFont) << "];\n  edge [fontsize=8, fontname=" << dot_quote(kCjkFont) << "];\n";
  auto citation = [&](const std::string& node) {
    const auto id = ProvisionId::parse(node);
    const LawInfo* law = registry && id ? registry->find(id->law) : nullptr;
    return law ? citation_zh(*law, id->path) : node;
  };
  // Provisions grouped by law, so that the picture shows laws as boxes.
  std::map<std::string, std::set<std::string>> by_law;
  std::set<std::string> external;
  for (const links::Link& l : links) {
    by_law[l.from.law].insert(node_id(l, false));
    if (l.to.law.empty()) external.insert(node_id(l, true));
    else by_law[l.to.law].insert(node_id(l, true));
  }
  for (const auto& [law, nodes] : by_law) {
    const LawInfo* info = registry ? registry->find(law) : nullptr;
    out << "  subgraph " << dot_quote("cluster_" + law) << " {\n    label=" << dot_quote(info ? info->short_name_zh() + " (" + law + ")" : law) << ";\n";
    for (const std::string& n : nodes) out << "    " << dot_quote(n) << " [label=" << dot_quote(citation(n)) << "];\n";
    out << "  }\n";
  }
  for (const std::string& n : external) out << "  " << dot_quote(n) << " [shape=ellipse, style=dashed];\n";
  for (const links::Link& l : links) {
    std::string label = links::to_string(l.kind);
    if (l.score > 0 && l.kind != links::LinkKind::Internal) label += " " + score_text(l.score, ScorePrecision::Stored);
    out << "  " << dot_quote(node_id(l, false)) << " -> " << dot_quote(node_id(l, true)) << " [label=" << dot_quote(label) << "];\n";
  }
  out << "}\n";
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view s) {
  if (s == "csv") return ExportFormat::Csv;
  if (s == "jsonl") return ExportFormat::Jsonl;
  if (s == "graphml") return ExportFormat::GraphMl;
  if (s == "dot") return ExportFormat::Dot;
  return std::nullopt;
}

ordered_json provision_json(const ProvisionId& id) {
  ordered_json j;
  j["id"] = id.str();
  j["law"] = id.law;
  if (id.path.article == 0) return j;
  j["article"] = id.path.article;
  if (id.path.insertion) j["insertion"] = id.path.insertion;
  j["paragraph"] = id.path.paragraph ? ordered_json(id.path.paragraph) : ordered_json(nullptr);
  if (id.path.item) j["item"] = id.path.item;
  if (id.path.subitem) j["subitem"] = id.path.subitem;
  return j;
}

ordered_json link_json(const links::Link& l) {
  ordered_json j;
  j["from"] = provision_json(l.from);
  if (l.to.law.empty()) j["to"] = {{"external", l.external}};
  else {
    j["to"] = provision_json(l.to);
    if (!l.external.empty()) j["to"]["name"] = l.external;
  }
  j["kind"] = links::to_string(l.kind);
  if (!l.evidence.empty()) j["evidence"] = l.evidence;
  if (l.offset >= 0) j["position"] = {{"line", l.line}, {"offset", l.offset}};
  if (l.kind == links::LinkKind::Version || l.kind == links::LinkKind::Implements) j["score"] = json_score(l.score);
  if (l.basis != links::LinkBasis::None) j["basis"] = links::to_string(l.basis);
  if (!l.note.empty()) j["note"] = l.note;
  return j;
}

ordered_json diff_json(const std::vector<DiffSegment>& diff) {
  ordered_json a = ordered_json::array();
  for (const DiffSegment& s : diff)
    a.push_back({{"op", s.op == DiffSegment::Op::Equal ? "equal" : s.op == DiffSegment::Op::Delete ? "delete" : "insert"}, {"text", s.text}});
  return a;
}

void export_links(const std::vector<links::Link>& links, ExportFormat format, std::ostream& out, const Registry* registry) {
  switch (format) {
    case ExportFormat::Csv: write_csv(links, out); break;
    case ExportFormat::Jsonl: write_jsonl(links, out); break;
    case ExportFormat::GraphMl: write_graphml(links, out); break;
    case ExportFormat::Dot: write_dot(links, out, registry); break;
  }
}

}  // namespace lawref
