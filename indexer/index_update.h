// Incremental `lawref index`: when an index exists and some texts changed (a file added to a
// source folder, removed, edited or only touched; a translation imported), rebuild only what
// they touch, with the same result as a full build.
//
// What a change touches (the dependency rule). Let
//   T  the laws whose source files changed, appeared or disappeared (recorded size and mtime of
//      each file, build:<id>), but not those whose files were only touched: same paths and sizes,
//      and the same bytes by the digests in build:<id> (their new stamps are recorded, nothing
//      else of them is made again);
//   D  T plus every law whose record as the catalog reads it changed, or the date its documents
//      say it stopped being in force (a new version of a law ends the old one's term);
//   A  the laws whose Chinese text changed (the link graph reads no translation) or whose record
//      as completed from its text changed, laws added and removed included.
// Then:
//   documents   of every law in D are rebuilt: with their whole part (index_parts.h), since a
//               document cannot be deleted from an index without term lists;
//   citations   of law X are resolved again when X is in A or X cites a name (normalize_law_name
//               key) that any law of A goes by, before or after: resolution reads only the
//               records and texts of the laws under the names cited (link_builder.h);
//   versions    the pair X -> its successor is aligned again when either is in A;
//   implementation  X's pair is aligned again when its citations were, or its parents (the laws
//               it implements and their implementing regulations then in force) changed, or a
//               parent is in A.
//   A law with no date of its own is read as of the day of the build (link_builder's
//   citing_date): its citations are resolved again on an update made on another day.
//   Extraction reads the registry only for the names a text may use unbracketed (a new law's
//   title): when those change, the references of every law whose text may hold an added or
//   removed name (all its character bigrams in one of its documents, looked up in the index as
//   built) are extracted and resolved again.
// Every other link is kept as stored. The build is full when lawref itself, the options, the
// source folders or amendment dates changed, when a changed name has no two Chinese characters to
// look up, or when more than half of the parts would be rebuilt (FullBuildReason).
//
// The update writes a new version from the live one's parts (rebuilt parts, compacted; hard
// links to the others; copies of the metadata and build parts changed in place and compacted)
// and its served index (index_parts.h): the shards holding a rewritten part compacted again (on a
// second thread while the links and metadata are made), hard links to the live version's other
// shards, and the new meta part. It swaps the version in under the same lock as a full build: a
// crash leaves the previous index in use. When every rebuilt part came out the same as before (a
// touched file), no shard is compacted: only meta is new (index_update_in_place.h).
#pragma once
#include <filesystem>
#include <optional>

#include "amendment_dates.h"
#include "catalog.h"
#include "index_builder.h"

namespace lawref {

struct UpdateResult {
  std::optional<IndexSummary> summary;  // set when the update was done (or nothing had changed)
  FullBuildReason reason = FullBuildReason::NoIndex;  // else why a full build is needed
};

// What the live index at `db` remembers of the catalog scan it was built from (in its build
// part), when this binary built it (index_records.h); else, or without an index, an empty memo. Read before the index
// lock is taken: it is a memo, and a scan with any memo gives the same catalog.
CatalogMemo remembered_catalog_memo(const std::filesystem::path& db);

// Call under the index lock, with the catalog and amendment dates as they are now.
UpdateResult update_index(const Catalog& catalog, const AmendmentDates& amendments, const IndexOptions& options,
                          const std::filesystem::path& db);

}  // namespace lawref
