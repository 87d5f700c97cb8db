// libFuzzer target: any bytes as a statute; the reference extractor must not crash, hang or
// report evidence that is not in the text at the offset it gives.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "importer.h"
#include "reference_extractor.h"
#include "utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  lawref::ParseOptions options;
  options.strict_numbering = false;
  lawref::ParseResult r = lawref::import_statute_bytes(bytes, options);
  if (!r.ok()) return 0;
  r.law.law_id = "fuzz";
  static const lawref::links::KnownNames names = [] {
    lawref::links::KnownNames n;
    for (const char* name : {"刑法", "国家安全法", "中华人民共和国反间谍法", "保密法"}) n.add(name);
    return n;
  }();
  for (const lawref::links::Reference& ref : lawref::links::extract_references(r.law, names)) {
    if (ref.evidence.empty()) std::abort();
    if (ref.target.article < 0 || ref.target.paragraph < 0 || ref.target.item < 0) std::abort();
  }
  return 0;
}
