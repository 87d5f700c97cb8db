#include "law_store.h"

namespace lawref {

const LawText* CatalogStore::text(const std::string& law_id, const std::string& lang) {
  const auto key = std::make_pair(law_id, lang);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second.get();
  std::unique_ptr<LawText> law;
  if (const CatalogEntry* entry = catalog_.find(law_id); entry && entry->text(lang)) {
    // Lenient: a lookup serves what the text has; `check` is where numbering problems are reported.
    ParseResult parsed = load_text(*entry, lang, false);
    if (parsed.ok()) law = std::make_unique<LawText>(std::move(parsed.law));
  }
  return cache_.emplace(key, std::move(law)).first->second.get();
}

}  // namespace lawref
