// `lawref laws`: one row per law of the catalog, as a table or as JSON.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog.h"

namespace lawref {

struct LawRow {
  LawInfo info;
  std::vector<std::string> text_languages;  // languages with text present: zh, en
  int articles = -1;                        // counted in the text; -1 when there is none
  std::string in_force_until;               // successor's effective date, or empty
};

// Reads every text once to count its articles (lenient numbering: a listing never refuses).
std::vector<LawRow> list_laws(const Catalog& catalog);

nlohmann::ordered_json to_json(const LawRow& row);
std::string to_table(const std::vector<LawRow>& rows);

}  // namespace lawref
