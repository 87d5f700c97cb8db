#include "compressed_blob.h"

#include <cstdint>
#include <limits>
#include <zlib.h>

namespace lawref {

std::string compress_blob(std::string_view data) {
  if (data.size() > std::numeric_limits<std::uint32_t>::max()) throw BlobError("value too large to store");
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(4 + size, '\0');
  const auto n = static_cast<std::uint32_t>(data.size());
  for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((n >> (8 * i)) & 0xff);
  if (compress2(reinterpret_cast<Bytef*>(out.data() + 4), &size, reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                Z_BEST_SPEED) != Z_OK)
    throw BlobError("zlib could not compress a value");
  out.resize(4 + size);
  return out;
}

std::string decompress_blob(std::string_view blob) {
  if (blob.empty()) return {};  // an absent metadata key
  if (blob.size() < 4) throw BlobError("truncated compressed value");
  std::uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(blob[static_cast<std::size_t>(i)])) << (8 * i);
  std::string out(n, '\0');
  uLongf size = n;
  const int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(blob.data() + 4),
                            static_cast<uLong>(blob.size() - 4));
  if (rc != Z_OK || size != n) throw BlobError("damaged compressed value");
  return out;
}

}  // namespace lawref
