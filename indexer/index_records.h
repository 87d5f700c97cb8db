// What an index remembers of its own build, for an incremental update (index_update.h):
//   build:<id>     per law with a text: the files it was read from, what it contributed, and
//                  what its links were made from (LawBuildRecord)
//   lawref:build   the build as a whole: the lawref binary, options, the catalog's records
//                  before completion from the texts, amendment dates (BuildState)
//   lawref:catalog-memo  what the catalog scan learned from its files (catalog_memo.h), for the
//                  next scan by the same binary
// None is read by queries: they are kept in the build part (index_parts.h), not in the index.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "amendment_dates.h"
#include "catalog_memo.h"
#include "link_builder.h"
#include "registry.h"
#include "source_stamps.h"

namespace lawref {

inline constexpr const char* kMetaLawBuild = "build:";
inline constexpr const char* kMetaBuildState = "lawref:build";
inline constexpr const char* kMetaCatalogMemo = "lawref:catalog-memo";

struct LawBuildRecord {
  std::vector<SourceStamp> sources;  // every file of its texts, as read
  std::vector<SourceStamp> zh_sources;  // those of its Chinese text
  std::vector<std::uint64_t> digests;  // of each file of `sources`, in order (index_records_digest.h); empty if one was unreadable
  std::string until;                 // as its documents carry it
  std::size_t articles = 0, texts = 0, skipped = 0;
  bool english = false;              // an English text was indexed
  bool linked = false;               // its Chinese text went into the link graph (`links` is set)
  links::LawLinkInputs links;
};

std::string encode_record(const LawBuildRecord& record);
LawBuildRecord decode_record(std::string_view encoded);  // throws std::runtime_error

struct BuildState {
  std::string lawref;                 // the binary that built it (size and time): parsing and analysis are its code
  std::string options;                // what changes every document: analysis, term lists
  std::vector<LawInfo> catalog;       // the catalog's records, in catalog order, as scanned
  AmendmentDates amendments;
  std::size_t english = 0, texts = 0;  // laws with an English text; texts indexed
};

std::string encode_state(const BuildState& state);
BuildState decode_state(std::string_view encoded);  // throws std::runtime_error (or BlobError)

// The running binary, as BuildState::lawref records it.
std::string lawref_binary_stamp();

// The memo with the binary that made it: another binary may read titles or transliterate them
// differently, so it gets an empty memo back (and reads every file), as it does from a record
// that does not decode.
std::string encode_memo_record(const CatalogMemo& memo);
CatalogMemo decode_memo_record(std::string_view encoded);

}  // namespace lawref
