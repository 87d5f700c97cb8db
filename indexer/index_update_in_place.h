// An update whose rebuilt parts came out the same needs no new compaction.
//
// A touched file, or a law whose record changed but whose documents came out the same, changes
// only metadata (the file's stamps, build records, links). Such a part is linked from the live
// version rather than written, so no served shard holding it is compacted again
// (index_parts.h): the new version serves the live version's shards and its new meta part.
#pragma once
#include <filesystem>

namespace lawref {

// Whether two parts as written hold the same documents: their tables are byte for byte the
// same (a full build and an update write and compact a part alike, so the same documents give
// the same files; two layouts of the same documents only cost the compaction this saves). Two
// absent parts are the same.
bool same_part_files(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace lawref
