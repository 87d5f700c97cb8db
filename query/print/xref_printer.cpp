#include "xref_printer.h"

#include "link_export.h"
#include "provision_format.h"
#include "score_format.h"

namespace lawref {
namespace {

// "implements (similarity) 0.87": the kind, how the link was found, and for the aligned kinds their score.
std::string link_detail(const links::Link& l) {
  std::string d = links::to_string(l.kind);
  if (l.basis != links::LinkBasis::None) d += std::string(" (") + links::to_string(l.basis) + ")";
  if (l.kind == links::LinkKind::Version || l.kind == links::LinkKind::Implements) d += " " + score_text(l.score);
  return d;
}

const char* direction(const XrefHit& h) { return h.incoming ? "in" : "out"; }

}  // namespace

std::string describe(const LawStore& names, const ProvisionId& id) {
  const LawInfo* law = names.law(id.law);
  if (!law) return id.str();
  return citation_zh(*law, id.path) + " (" + id.str() + ")";
}

void print_xref_lines(std::ostream& out, const LawStore& names, const ProvisionId& at, const std::vector<XrefHit>& hits) {
  for (const bool incoming : {false, true}) {
    bool header = false;
    for (const XrefHit& h : hits) {
      if (h.incoming != incoming) continue;
      if (!header) out << (incoming ? "cited by / continued from:\n" : "cites / continues as:\n");
      header = true;
      const links::Link& l = h.link;
      const std::string other = incoming ? describe(names, l.from) : l.to.law.empty() ? "《" + l.external + "》 (not in the index)" : describe(names, l.to);
      out << std::string(2 * static_cast<std::size_t>(h.depth), ' ') << other << "  [" << link_detail(l) << "]";
      if (!l.evidence.empty()) out << "  «" << l.evidence << "»";
      if (!h.via.law.empty()) out << (incoming ? "  → " : "  through ") << h.via.str() << " (an earlier version)";
      else if (incoming && h.depth == 1 && !(l.to == at)) out << "  → " << l.to.str();
      if (!incoming && !(l.from == at)) out << "  from " << l.from.str();
      if (!l.note.empty()) out << "  (" << l.note << ")";
      out << "\n";
    }
  }
}

void print_xrefs(std::ostream& out, const LawStore& names, const ProvisionId& at, const std::vector<XrefHit>& hits, OutputFormat format) {
  switch (format) {
    case OutputFormat::Text:
      out << describe(names, at) << "\n";
      print_xref_lines(out, names, at, hits);
      return;
    case OutputFormat::Json:
      for (const XrefHit& h : hits) {
        nlohmann::ordered_json j = link_json(h.link);
        j["direction"] = direction(h);
        j["depth"] = h.depth;
        if (!h.via.law.empty()) j["via"] = h.via.str();
        out << j.dump() << "\n";
      }
      return;
    case OutputFormat::Csv:
    case OutputFormat::Html: break;
  }
  throw_unsupported(format, "a provision's links");
}

nlohmann::ordered_json xref_links_json(const std::vector<XrefHit>& hits) {
  nlohmann::ordered_json links = nlohmann::ordered_json::array();
  for (const XrefHit& h : hits) {
    nlohmann::ordered_json l = link_json(h.link);
    l["direction"] = direction(h);
    if (!h.via.law.empty()) l["via"] = h.via.str();
    links.push_back(l);
  }
  return links;
}

}  // namespace lawref
