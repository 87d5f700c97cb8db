#include "index_citations.h"

#include "common_options.h"
#include "exit_codes.h"
#include "law_names.h"
#include "provision_format.h"

namespace lawref::cli {

LookupResult resolve_citation(Lookup& lookup, const std::string& citation, const std::string& as_of, int& code) {
  LookupResult r = lookup.find(citation, as_of.empty() ? today() : as_of);
  if (r.status == LookupStatus::Found && !r.zh) {
    r.status = LookupStatus::NotFound;
    r.message = r.law->id + " has no text in the index" + (r.law->text_note.empty() ? "" : " (" + r.law->text_note + ")");
  }
  if (r.status != LookupStatus::Found)
    code = fail(r.status == LookupStatus::BadInput ? exit_code::kBadInput : exit_code::kNotFound, citation + ": " + r.message);
  return r;
}

std::string describe(IndexStore& store, const ProvisionId& id) {
  const LawInfo* law = store.law(id.law);
  if (!law) return id.str();
  return citation_zh(*law, id.path) + " (" + id.str() + ")";
}

}  // namespace lawref::cli
