#include "index_citations.h"

#include <cstdio>

#include "common_options.h"
#include "exit_codes.h"
#include "law_names.h"

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

}  // namespace lawref::cli
