// Full-text search over the index: ranked (BM25 on character bigrams and words), phrases
// verified on the text, filters by law, level, jurisdiction and date, snippets with the
// matches marked, English queries expanded into Chinese through the glossary.
#pragma once
#include <memory>

#include "glossary.h"
#include "index_store.h"
#include "search_types.h"

namespace lawref {

class Searcher {
 public:
  explicit Searcher(IndexStore& store, const Glossary& glossary = Glossary::builtin());
  ~Searcher();
  SearchResult search(const SearchOptions& options);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lawref
