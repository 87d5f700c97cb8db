// The parts an index is compacted from, kept beside it so that a later `lawref index` can
// rebuild only some of them (index_update.h). Xapian cannot delete a document from an index
// without term lists (FeatureUnavailableError), and term lists make the index 67% larger
// (bench/README.md); so laws are spread over kIndexParts part databases by a hash of their id,
// and an update re-indexes the parts holding a changed law, links the others, and compacts
// // again the served shards (below) holding a part it rewrote. The metadata (headers, registry,
// link graph) is one more part, "meta", served as it is. What only an update reads (the build
// records, index_records.h) is kept in "build", beside the parts and never served: queries do
// not carry it.
//
//   <db>.versions/<version>/          the index, as queries open it (a stub naming databases: below)
//   <db>.versions/<version>/parts/    p00 … p63 (those with a law), meta, build
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class WritableDatabase;
}

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

// The served index: a Xapian stub (XAPIANDB, in the version folder) naming the metadata database
// first (Xapian reads metadata from the first database) and then kServedShards shards, each the
// consecutive text parts of one range compacted. An update compacts again only the shards whose
// parts it rewrote and hard-links the others from the live version: one shard of two takes half
// of the compaction that was half of an update. Two, not four: four made an update after an
// import 0.51-0.60 s (wall, quiet) but in-process search 1.07-1.09 ms; two make them 0.66-0.75 s
// and 0.93-0.96 ms, against 1.04-1.06 s and 0.81 ms for one database (bench/README.md, "All of
// round nine together"). The paths in the stub are relative to its folder, so a version folder can be renamed
// or copied elsewhere whole.
//
//   <version>/XAPIANDB      "glass meta", then "glass s0" … for each shard holding a document
//   <version>/meta          the meta part's files (hard links: a part is never written again)
//   <version>/s0, s1        the text parts p00–p31 and p32–p63 compacted
inline constexpr unsigned kServedShards = 2;
inline constexpr const char* kStubFile = "XAPIANDB";
inline constexpr const char* kServedMeta = "meta";

unsigned shard_of(unsigned part);      // part / (kIndexParts / kServedShards)
std::string shard_name(unsigned shard);  // "s2"

// Compacts the text parts of `shard` present in `parts_dir` into `target`; false, writing
// nothing, when none is present (the shard is left out of the stub).
bool compact_shard(const std::filesystem::path& parts_dir, unsigned shard, const std::filesystem::path& target);

// Writes `version_dir`/XAPIANDB naming its metadata database and the shards present there, and
// flushes it to disk.
void write_served_stub(const std::filesystem::path& version_dir);

// Bytes of the served index of `version_dir`: the stub and the databases it names (not the parts).
std::uintmax_t served_size(const std::filesystem::path& version_dir);

// Rewrites a part just written as a compacted database. Xapian leaves the B-tree blocks of a
// database it wrote document by document about half full, and the parts stay on disk beside
// the index: compacted, they take about half the room (bench/README.md, "Index size, round
// seven"), and compacting them into the index reads half as much.
void compact_part(const std::filesystem::path& part);

// Commits and closes the "meta" and "build" parts being written in `building`, then compacts
// both (compact_part): a part is compacted only once closed.
void close_and_compact_meta_parts(Xapian::WritableDatabase& meta, Xapian::WritableDatabase& records, const std::filesystem::path& building);

// Hard links `from`'s files into a new folder `to` (a part is never written once built).
void link_part(const std::filesystem::path& from, const std::filesystem::path& to);

// Copies a part's files into a new folder `to` (to be written).
void copy_part(const std::filesystem::path& from, const std::filesystem::path& to);

// Flushes every file under `dir` to disk: parts are built without Xapian's syncs, and an
// update must never start from a part a crash left half written.
void sync_tree(const std::filesystem::path& dir);

}  // namespace lawref
