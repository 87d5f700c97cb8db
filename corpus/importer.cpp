#include "importer.h"

#include "source_decoding.h"

namespace lawref {

ParseResult import_statute_bytes(std::string_view bytes, const ParseOptions& options) {
  Diagnostics decoding;
  const DecodedSource decoded = decode_source(bytes, decoding);
  if (!decoded.ok) {
    ParseResult refused;
    refused.law.lang = options.lang;
    refused.diagnostics = std::move(decoding);
    return refused;
  }
  ParseResult result = parse_statute(decoded.text, options);
  result.diagnostics.items.insert(result.diagnostics.items.begin(), decoding.items.begin(), decoding.items.end());
  return result;
}

ParseResult import_statute_file(const std::filesystem::path& path, const ParseOptions& options) {
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const FileError& e) {
    ParseResult failed;
    failed.diagnostics.error(0, "io", e.reason);  // the caller names the file
    return failed;
  }
  ParseResult result = import_statute_bytes(bytes, options);
  result.law.source = path.filename().string();
  return result;
}

}  // namespace lawref
