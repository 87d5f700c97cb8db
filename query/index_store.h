// The index as a LawStore: the registry and every law text come from the Xapian database
// alone, so lookups and searches never touch the source files.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <xapian.h>

#include "law_store.h"

namespace lawref {

struct IndexOpenError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class IndexStore : public LawStore {
 public:
  // Throws IndexOpenError (one line) when there is no index, it is damaged, or was built by
  // another version of lawref.
  explicit IndexStore(const std::filesystem::path& db);

  const Registry& registry() const override { return registry_; }
  const LawText* text(const std::string& law_id, const std::string& lang) override;

  Xapian::Database& database() { return db_; }
  bool has_dictionary_words() const { return words_; }

 private:
  Xapian::Database db_;
  Registry registry_;
  bool words_ = false;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<LawText>> cache_;
};

}  // namespace lawref
