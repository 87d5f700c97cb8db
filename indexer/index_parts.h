// The parts an index is compacted from, kept beside it so that a later `lawref index` can
// rebuild only some of them (index_update.h). Xapian cannot delete a document from an index
// without term lists (FeatureUnavailableError), and term lists make the index 67% larger
// (bench/README.md); so laws are spread over kIndexParts part databases by a hash of their id,
// and an update re-indexes the parts holding a changed law, copies the others, and compacts
// them all again (unless no document changed: index_update_in_place.h). The metadata (headers, registry, link graph) is one more part, "meta". What
// only an update reads (the build records, index_records.h) is kept in "build", beside the
// parts and never compacted into the index: queries do not carry it.
//
//   <db>.versions/<version>/          the index, as queries open it
//   <db>.versions/<version>/parts/    p00 … p63 (those with a law), meta, build
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lawref {

inline constexpr unsigned kIndexParts = 64;
inline constexpr const char* kPartsDir = "parts";
inline constexpr const char* kMetaPart = "meta";
inline constexpr const char* kBuildPart = "build";

// The part holding a law's documents: FNV-1a of its id, so that no other law moves when one
// is added or removed.
unsigned part_of(std::string_view law_id);
std::string part_name(unsigned part);  // "p07"

// The parts present in `dir`, in compaction order: p00 … p63, then meta (not build).
std::vector<std::string> parts_in(const std::filesystem::path& dir);

// Which parts compact_parts takes: all, or the text parts only (a full build adds meta's keys
// afterwards, in one commit, while the text parts compact).
enum class PartsCompacted { All, TextOnly };

// Compacts the parts of `dir` into the index at `target`.
void compact_parts(const std::filesystem::path& dir, const std::filesystem::path& target, PartsCompacted which = PartsCompacted::All);

// Every metadata key of the part `part` set in the index `index` as well, in one commit: after
// compact_parts(..., TextOnly), the index as compact_parts(..., All) would make it (the same keys
// and documents; the metadata written into the compacted tree rather than compacted with it).
void copy_metadata(const std::filesystem::path& part, const std::filesystem::path& index, bool term_lists);

// Rewrites a part just written as a compacted database. Xapian leaves the B-tree blocks of a
// database it wrote document by document about half full, and the parts stay on disk beside
// the index: compacted, they take about half the room (bench/README.md, "Index size, round
// seven"), and compacting them into the index reads half as much.
void compact_part(const std::filesystem::path& part);

// Hard links `from`'s files into a new folder `to` (a part is never written once built).
void link_part(const std::filesystem::path& from, const std::filesystem::path& to);

// Copies a part's files into a new folder `to` (to be written).
void copy_part(const std::filesystem::path& from, const std::filesystem::path& to);

// Flushes every file under `dir` to disk: parts are built without Xapian's syncs, and an
// update must never start from a part a crash left half written.
void sync_tree(const std::filesystem::path& dir);

}  // namespace lawref
