// libFuzzer target: any bytes as a statute file; an accepted text must survive the XML round trip.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "akn_xml.h"
#include "importer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lawref::ParseOptions options;
  options.strict_numbering = (size % 2) == 0;
  options.lang = (size % 3) == 0 ? "en" : "zh";
  lawref::ParseResult r = lawref::import_statute_bytes(bytes, options);
  if (r.ok()) {
    r.law.law_id = "fuzz";
    if (!(lawref::from_akn_xml(lawref::to_akn_xml(r.law)) == r.law)) std::abort();
  }
  return 0;
}
