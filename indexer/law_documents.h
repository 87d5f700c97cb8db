// One law of the catalog -> its Xapian documents (one per article and language) and what the
// index keeps beside them: the law's record completed from its text, its text headers, and
// its Chinese text for the link graph. Shared by the full build and the incremental update,
// so that both make the same documents from the same text.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

#include "amendment_dates.h"
#include "catalog.h"
#include "source_stamps.h"

namespace lawref {

struct IndexedLaw {
  LawInfo info;                                               // completed from the text
  std::string until;                                          // in force until (empty: still in force), as the documents carry it
  std::vector<SourceStamp> sources;                           // the files of its texts, as read
  std::vector<SourceStamp> zh_sources;                        // those of its Chinese text (the link graph reads no other)
  std::vector<std::pair<std::string, std::string>> headers;   // metadata key -> value: text headers (law:<id>:<lang>), sources:<id>
  std::size_t articles = 0, texts = 0;                        // articles of the main text; texts indexed (0-2)
  std::size_t documents = 0;                                  // articles and their translations
  std::vector<std::string> skipped;                           // "file: reason": texts that do not import or that the index cannot hold
  std::unique_ptr<LawText> zh;                                // the Chinese text, when indexed (the link graph reads it)
};

// Reads the entry's texts and adds their articles to `db`; with no `db`, only reads them.
// `words`: ICU dictionary words too. `added` counts documents, to flush every so many.
// The files of the entry's Chinese text, as they are now.
std::vector<SourceStamp> chinese_sources(const CatalogEntry& entry);

IndexedLaw index_law(const Catalog& catalog, const CatalogEntry& entry, const AmendmentDates& amendments, bool words,
                     Xapian::WritableDatabase* db, std::size_t& added);

}  // namespace lawref
