// The index's metadata beside its documents, written alike by the full build and by an
// incremental update: each law's text headers and build record, the link graph's keys, and
// the keys about the whole index (schema, registry, name keys, summary, build state).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include "index_builder.h"
#include "index_records.h"
#include "law_documents.h"
#include "links.h"

namespace lawref {

// What changes every document or part of the index: an index built with other options is
// rebuilt whole.
std::string options_key(const IndexOptions& options);

// The record an index keeps of a law it read.
LawBuildRecord law_record(const IndexedLaw& law, const links::LawLinkInputs* inputs);

// name:<key> -> the ids of the laws found under it, one per line.
std::map<std::string, std::string> name_index(const std::vector<LawInfo>& infos);

// lawref:links: the links of each kind (kinds with none left out).
std::string encode_link_counts(const std::map<std::string, std::size_t>& counts);
std::map<std::string, std::size_t> decode_link_counts(std::string_view json);

// One law's links, as xref-out:<id> and xref-in:<id> hold them.
std::string encode_link_list(const std::vector<const links::Link*>& links);
std::vector<links::Link> decode_link_list(const std::string& blob);

struct IndexTotals {
  std::size_t laws = 0, articles = 0, skipped = 0;  // laws with a text indexed; their articles; texts skipped
};

// The keys about the whole index: schema, folders, imported-dir, analysis, english, registry,
// summary into `meta`; the build state and the catalog's memo into `build` (the build part,
// index_parts.h). Not the name keys (the caller writes those it changed).
void write_index_metadata(Xapian::WritableDatabase& meta, Xapian::WritableDatabase& build, const IndexOptions& options,
                          const std::vector<LawInfo>& infos, const IndexTotals& totals, const BuildState& state, const CatalogMemo& memo);

}  // namespace lawref
