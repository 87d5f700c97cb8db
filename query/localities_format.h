// The all-localities view for people (a table, then each locality's additions) and for
// scripts (JSON, CSV: one row per local article and national provision, and per addition).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "localities_view.h"

namespace lawref {

std::string localities_table(const LocalitiesView& view);
nlohmann::ordered_json localities_json(const LocalitiesView& view);
std::string localities_csv(const LocalitiesView& view);

// 重庆 for chongqing: the locality as a column heading.
std::string locality_label(const LawInfo& law);

}  // namespace lawref
