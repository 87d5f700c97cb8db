// `lawref laws`: one row per law of the catalog or of the index, as a table or as JSON.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog.h"

namespace lawref {

class IndexStore;

// Where a version stands on a given day.
enum class LawStatus {
  InForce,        // effective, not superseded
  NotYetInForce,  // its effective date is still to come
  Superseded,     // its successor has taken effect
  AmendedSince,   // the collection marks the text as amended since this version; its successor is not in the corpus
  Unknown,        // no effective date
};
const char* to_string(LawStatus status);  // in-force, not-yet-in-force, superseded, amended-since, unknown

struct LawRow {
  LawInfo info;
  std::vector<std::string> text_languages;  // languages with text present: zh, en
  int articles = -1;                        // counted in the text; -1 when there is none
  std::string in_force_until;               // successor's effective date, or empty
  LawStatus status = LawStatus::Unknown;
};

// Reads every text once to count its articles (lenient numbering: a listing never refuses).
std::vector<LawRow> list_laws(const Catalog& catalog, const std::string& today);
// Every law of an index, from what the index stored: no source is read.
std::vector<LawRow> list_laws(IndexStore& index, const std::string& today);

nlohmann::ordered_json to_json(const LawRow& row);
std::string to_table(const std::vector<LawRow>& rows);

}  // namespace lawref
