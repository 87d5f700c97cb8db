// When amendments took effect, read from their own texts in the corpus. A consolidated text
// (刑法 as amended through Amendment XII) names its last amendment and the day it was adopted,
// not the day it took effect; the amendment's own commencement clause says that
// (本修正案自2024年3月1日起施行).
#pragma once
#include <map>
#include <string>

#include "catalog.h"

namespace lawref {

using AmendmentDates = std::map<std::string, std::string>;  // folded title -> YYYY-MM-DD

// Every amending instrument of the catalog (修正案, 关于修改…的决定) whose text has a
// commencement clause. Reads only those files, and only their lines: an amendment numbers its
// changes 一、二、…, not 第…条, so it does not parse as a statute.
AmendmentDates amendment_commencements(const Catalog& catalog);

}  // namespace lawref
