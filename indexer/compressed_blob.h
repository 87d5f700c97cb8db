// zlib-compressed values for the index's metadata. Xapian compresses document data but not
// metadata, where the link graph is stored: as plain TSV it was a fifth of the whole index.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace lawref {

// The uncompressed size (4 bytes, little-endian), then the zlib stream. Fast level: the build
// compresses every law's links, a query decompresses one law's.
std::string compress_blob(std::string_view data);

struct BlobError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Throws BlobError when `blob` is not what compress_blob made.
std::string decompress_blob(std::string_view blob);

}  // namespace lawref
