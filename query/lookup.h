// Provision lookup: a citation string -> the exact provision of the right law version.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "law_names.h"
#include "law_store.h"
#include "provision_id.h"

namespace lawref {

enum class LookupStatus { Found, NotFound, BadInput };

struct LookupResult {
  LookupStatus status = LookupStatus::BadInput;
  std::string message;  // one line, unless Found
  const LawInfo* law = nullptr;
  const LawText* zh = nullptr;   // the law's Chinese text (null only for a law cited as a whole with no text)
  const LawText* en = nullptr;   // English text, when imported
  const Article* article = nullptr;  // in zh; null when the whole law is cited
  ProvisionPath path;                // resolved: the 款 of a bare 第（三）项 is filled in
  std::string note;                  // how an abbreviated law name was read, for the user
  ProvisionId id() const { return {law ? law->id : std::string(), path}; }
};

class Lookup {
 public:
  explicit Lookup(LawStore& store);
  // `as_of`: YYYY-MM-DD; an unqualified law name means the version in force on that day.
  LookupResult find(std::string_view citation, const std::string& as_of);

 private:
  const LawNameIndex& all_names();
  LawResolution resolve_in_store(std::string_view name, int year, const std::string& as_of);

  LawStore& store_;
  LawNameIndex registered_names_;            // the built-in registry: most citations, at no cost
  std::unique_ptr<LawNameIndex> all_names_;  // every law of the store, built when needed
};

}  // namespace lawref
