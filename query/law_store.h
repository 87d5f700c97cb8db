// Where the lookup engines get law texts from. CatalogStore reads the statute files (or
// imported XML) on first use and keeps them; an index-backed store can replace it.
#pragma once
#include <optional>
#include <vector>
#include <map>
#include <memory>
#include <string>

#include "catalog.h"
#include "model.h"
#include "registry.h"

namespace lawref {

class LawStore {
 public:
  virtual ~LawStore() = default;
  virtual const Registry& registry() const = 0;
  // The text of one language version, or null when there is none (or it does not import).
  virtual const LawText* text(const std::string& law_id, const std::string& lang) = 0;
  // One law by id (what registry().find does, perhaps without decoding every law).
  virtual const LawInfo* law(const std::string& id) const { return registry().find(id); }
  // The laws found under a name key (name_keys() in law_names.h), when the store can say so
  // without decoding every law; nullopt when it cannot (then resolve through registry()).
  virtual std::optional<std::vector<const LawInfo*>> laws_named(const std::string& key) const {
    (void)key;
    return std::nullopt;
  }
};

class CatalogStore : public LawStore {
 public:
  explicit CatalogStore(Catalog catalog) : catalog_(std::move(catalog)) {}
  const Registry& registry() const override { return catalog_.registry(); }
  const LawText* text(const std::string& law_id, const std::string& lang) override;
  const Catalog& catalog() const { return catalog_; }

 private:
  Catalog catalog_;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<LawText>> cache_;
};

}  // namespace lawref
