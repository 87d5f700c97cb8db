#include "show_printer.h"

#include <nlohmann/json.hpp>

#include "citation_parser.h"
#include "xref_printer.h"

namespace lawref {

ShowPrinter::ShowPrinter(std::ostream& out, OutputFormat format, const ShowOptions& options) : out_(out), format_(format), options_(options) {
  if (format != OutputFormat::Text && format != OutputFormat::Json) throw_unsupported(format, "a provision list");
}

void ShowPrinter::provision(const std::string& input, const LookupResult& found, const Registry& registry, const ProvisionLinks* links) {
  if (format_ == OutputFormat::Json) {
    nlohmann::ordered_json j;
    j["input"] = input;
    j.update(render_json(found, registry));
    if (links) j["links"] = xref_links_json(links->hits);
    out_ << j.dump() << "\n";  // one object per line
  } else {
    if (!first_) out_ << "\n";
    out_ << render_text(found, registry, options_);
    if (links) print_xref_lines(out_, links->names, found.id(), links->hits);
  }
  first_ = false;
}

void ShowPrinter::failure(const std::string& input, const std::string& message, LookupStatus status) {
  if (format_ != OutputFormat::Json) return;
  // A refused input is quoted, not repeated: a 100 MB line must not become 300 MB of errors.
  out_ << nlohmann::ordered_json{{"input", quote_input(input, kMaxCitationLength)},
                                 {"error", message},
                                 {"status", status == LookupStatus::NotFound ? "not-found" : "bad-input"}}
              .dump()
       << "\n";
}

}  // namespace lawref
