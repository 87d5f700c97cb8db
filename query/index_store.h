// The index as a LawStore: the registry and every law text come from the Xapian database
// alone, so lookups and searches never touch the source files.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <unordered_map>
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

  // Every law of the index; decoded on first use (3,475 laws take ~20 ms).
  const Registry& registry() const override;
  // One law, read and decoded alone (its own key): what a search hit needs.
  const LawInfo* law(const std::string& id) const override;
  // The id of the law of a document's article key (value slot schema::kSlotId); empty when none.
  const std::string& law_of(const std::string& article_key) const;
  const LawText* text(const std::string& law_id, const std::string& lang) override;
  // From the index's name keys: the laws a name resolves among, without decoding the registry.
  std::optional<std::vector<const LawInfo*>> laws_named(const std::string& key) const override;
  // The languages the index holds a text of (zh, en), and the article count of the main text;
  // read from the stored headers, without decoding the articles.
  std::vector<std::string> languages(const std::string& law_id) const;
  int article_count(const std::string& law_id) const;

  Xapian::Database& database() { return db_; }
  const Xapian::Database& database() const { return db_; }
  bool has_dictionary_words() const { return words_; }
  // A folder on this machine, not a stub file naming a server (xapian-tcpsrv) or shards: only
  // then are the source paths it recorded this machine's to check.
  bool is_local_folder() const { return local_folder_; }
  bool has_english_text() const { return english_; }

 private:
  Xapian::Database db_;
  mutable std::unique_ptr<Registry> registry_;
  mutable std::unordered_map<std::string, std::unique_ptr<LawInfo>> laws_;
  mutable std::unordered_map<std::string, std::string> law_of_key_;
  bool words_ = false;
  bool english_ = false;  // some law has an imported English text
  bool local_folder_ = false;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<LawText>> cache_;
};

}  // namespace lawref
