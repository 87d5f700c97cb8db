#include "index_citations.h"

#include <cstdio>

#include "common_options.h"
#include "exit_codes.h"
#include "law_names.h"
#include "provision_format.h"

namespace lawref::cli {

LookupResult resolve_citation(Lookup& lookup, const std::string& citation, const std::string& as_of, int& code, TextNeed need) {
  LookupResult r = lookup.find(citation, as_of.empty() ? today() : as_of);
  if (r.status == LookupStatus::Found && !r.zh && need == TextNeed::Required) {
    r.status = LookupStatus::NotFound;
    r.message = r.law->id + " has no text in the index" + (r.law->text_note.empty() ? "" : " (" + r.law->text_note + ")");
  }
  if (r.status != LookupStatus::Found)
    code = fail(r.status == LookupStatus::BadInput ? exit_code::kBadInput : exit_code::kNotFound, citation + ": " + r.message);
  else if (!r.note.empty())
    std::fprintf(stderr, "lawref: note: %s\n", r.note.c_str());
  return r;
}

std::string describe(IndexStore& store, const ProvisionId& id) {
  const LawInfo* law = store.law(id.law);
  if (!law) return id.str();
  return citation_zh(*law, id.path) + " (" + id.str() + ")";
}

std::string score_label(double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", score);
  return buf;
}

namespace {

std::string link_detail(const links::Link& l) {
  std::string d = links::to_string(l.kind);
  if (l.basis != links::LinkBasis::None) d += std::string(" (") + links::to_string(l.basis) + ")";
  if (l.kind == links::LinkKind::Version || l.kind == links::LinkKind::Implements) d += " " + score_label(l.score);
  return d;
}

}  // namespace

void print_xrefs(std::ostream& out, IndexStore& store, const ProvisionId& at, const std::vector<XrefHit>& hits) {
  for (const bool incoming : {false, true}) {
    bool header = false;
    for (const XrefHit& h : hits) {
      if (h.incoming != incoming) continue;
      if (!header) out << (incoming ? "cited by / continued from:\n" : "cites / continues as:\n");
      header = true;
      const links::Link& l = h.link;
      const std::string other = incoming ? describe(store, l.from) : l.to.law.empty() ? "《" + l.external + "》 (not in the index)" : describe(store, l.to);
      out << std::string(2 * static_cast<std::size_t>(h.depth), ' ') << other << "  [" << link_detail(l) << "]";
      if (!l.evidence.empty()) out << "  «" << l.evidence << "»";
      if (incoming && h.depth == 1 && !(l.to == at)) out << "  → " << l.to.str();
      if (!incoming && !(l.from == at)) out << "  from " << l.from.str();
      if (!l.note.empty()) out << "  (" << l.note << ")";
      out << "\n";
    }
  }
}

}  // namespace lawref::cli
