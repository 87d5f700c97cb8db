// libFuzzer target: any bytes as a citation, then name resolution. Must never crash, hang
// or report a success without a law.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "citation_parser.h"
#include "law_names.h"
#include "registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lawref::LawNameIndex names(lawref::Registry::builtin());
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const lawref::CitationParse p = lawref::parse_citation(input);
  if (p.ok == !p.error.empty()) std::abort();  // exactly one of a result and an error
  if (p.ok) {
    const lawref::LawResolution r = names.resolve(p.citation.law, p.citation.year, "2026-01-01");
    if (!r.law && r.error.empty()) std::abort();
  }
  return 0;
}
