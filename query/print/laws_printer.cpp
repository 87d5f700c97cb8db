#include "laws_printer.h"

#include <nlohmann/json.hpp>

namespace lawref {

void print_laws(std::ostream& out, const std::vector<LawRow>& rows, OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: out << to_table(rows); return;
    case OutputFormat::Json: {
      nlohmann::ordered_json j;
      j["count"] = rows.size();
      j["laws"] = nlohmann::ordered_json::array();
      for (const LawRow& r : rows) j["laws"].push_back(to_json(r));
      out << j.dump(2) << "\n";
      return;
    }
    case OutputFormat::Csv:
    case OutputFormat::Html: break;
  }
  throw_unsupported(format, "the law listing");
}

}  // namespace lawref
