// Law names -> registry laws. Every title, short name, alias and id of the registry (and of
// automatically described laws) is normalised into a key; a name resolves to the versions
// of one law, and a version is picked by year (2014年反间谍法, CEL (2014)) or by the date
// the caller asks about (default: today).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "registry.h"

namespace lawref {

// Folded (full-width, case, Traditional), without brackets, quotes, spaces and punctuation,
// without 中华人民共和国 / "of the People's Republic of China" / a leading "the".
std::string normalize_law_name(std::string_view name);

struct LawResolution {
  const LawInfo* law = nullptr;  // set on success
  bool unknown = false;          // the name matched no law at all (as opposed to no version)
  std::vector<const LawInfo*> ambiguous;  // the laws of different works the name matches
  const LawInfo* next_version = nullptr;   // no version in force yet on that date: the first one after
  std::string error;             // one line, when law is null
  std::string read_as;           // an abbreviation was read as this law's name (say so to the user)
};

// The keys a law is found under (normalize_law_name of its id, titles, short names, aliases).
std::vector<std::string> name_keys(const LawInfo& law);

class LawNameIndex {
 public:
  explicit LawNameIndex(const Registry& registry);

  // `year`: 0 when not given. `as_of`: YYYY-MM-DD. `suggest`: add "did you mean" to the error
  // of an unknown name (a scan of every name: leave it off in bulk).
  LawResolution resolve(std::string_view name, int year, const std::string& as_of, bool suggest = true) const;
  // A name no law has, read as the abbreviation of exactly one law's name: 实施细则 for
  // 反间谍法实施细则, 重庆条例 for 重庆市反间谍工作条例 (its characters in order, ending alike).
  // When it abbreviates several laws, the error lists them. Only for names people type:
  // statute texts are read by resolve() alone.
  LawResolution resolve_abbreviation(std::string_view name, int year, const std::string& as_of) const;
  // Up to `limit` names of known laws that look like `name`: "国家安全法 (nsl-2015)".
  std::vector<std::string> suggestions(std::string_view name, std::size_t limit = 3) const;

 private:
  const Registry& registry_;
  std::map<std::string, std::vector<const LawInfo*>> by_key_;
};

// Today's date as YYYY-MM-DD (local time).
std::string today();

}  // namespace lawref
