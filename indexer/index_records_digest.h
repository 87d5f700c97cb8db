// Digests of a law's source files, kept in its build record (index_records.h): a file whose time
// changed but whose bytes did not (touched, copied over with the same text, checked out again)
// changes no document and no link, so an update only records its new stamp.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "source_stamps.h"

namespace lawref {

// A 64-bit digest of the file's bytes; nothing when it cannot be read.
std::optional<std::uint64_t> file_digest(const std::filesystem::path& file);

// The digests of `stamps`' files, in order; empty when one cannot be read (the update then
// reads the law again, as it would without digests).
std::vector<std::uint64_t> source_digests(const std::vector<SourceStamp>& stamps);

// Whether the files stamped `now` are those of `then`, with the digests `digests`, each of the
// same size and with the same bytes: only their times may differ.
bool only_touched(const std::vector<SourceStamp>& now, const std::vector<SourceStamp>& then, const std::vector<std::uint64_t>& digests);

}  // namespace lawref
