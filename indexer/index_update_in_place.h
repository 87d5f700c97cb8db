// An update that changed no document needs no new compaction of the served index.
//
// A touched file, or a law whose record changed but whose documents came out the same, changes
// only metadata (the file's stamps, build records, links): compacting the 64 parts again was
// half of such an update (bench/README.md, "Update time, round eight"). Xapian can change an
// index's metadata without term lists (it cannot delete a document without them), so the new
// version's served index is a copy of the live one with the metadata changes written into it in
// one commit. The live version is never written: readers of it keep their files, and a crash
// leaves it in use (index_update.h). Modified in place, an index grows by the B-tree blocks a
// commit rewrites; past a bound the update compacts the parts as before.
#pragma once
#include <cstdint>
#include <filesystem>
#include <xapian.h>

namespace lawref {

// Whether two parts as written hold the same documents: their tables are byte for byte the
// same (a full build and an update write and compact a part alike, so the same documents give
// the same files; two layouts of the same documents only cost the compaction this saves). Two
// absent parts are the same.
bool same_part_files(const std::filesystem::path& a, const std::filesystem::path& b);

// Writes into `target` every metadata key whose value differs between `before` and `after`
// (a key `after` lacks is removed); returns how many.
std::size_t write_metadata_changes(const Xapian::Database& before, const Xapian::Database& after, Xapian::WritableDatabase& target);

// Makes `target` (absent) a copy of the served index in `served` (the tables directly in that
// folder) whose metadata changed as from the metadata part `meta_before` to `meta_after`, one
// commit, flushed to disk. False, with `target` removed, when the copy came out larger than
// `bound` bytes: the caller compacts instead.
bool copy_served_index_with_metadata(const std::filesystem::path& served, const std::filesystem::path& meta_before,
                                     const std::filesystem::path& meta_after, const std::filesystem::path& target, std::uintmax_t bound);

// The largest served index an update may leave uncompacted: the parts it is compacted from
// (p00 … p63 and meta, compacted each), and 1/64 more. A compacted index is a little smaller
// than its parts (111.3 against 112.9 MB on lawrefbook), so the index stays within 3% of its
// compacted size.
std::uintmax_t in_place_bound(const std::filesystem::path& parts_dir);

}  // namespace lawref
