// The cross-link graph stored in the index (see indexer/link_builder.h), read law by law as
// queries need it.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "index_store.h"
#include "links.h"

namespace lawref {

class LinkGraph {
 public:
  explicit LinkGraph(IndexStore& store) : store_(store) {}

  // Links whose citing provision is in `law` (its internal links included).
  const std::vector<links::Link>& outgoing(const std::string& law);
  // Links from other laws into `law`.
  const std::vector<links::Link>& incoming(const std::string& law);
  // Every law with links from it, sorted.
  std::vector<std::string> laws_with_links();
  // Links of each kind in the whole graph.
  std::map<std::string, std::size_t> counts();

 private:
  const std::vector<links::Link>& load(const std::string& key);

  IndexStore& store_;
  std::map<std::string, std::vector<links::Link>> cache_;
};

// True when `id` is `scope` or lies inside it (a law id alone is the whole law).
bool within(const ProvisionId& id, const ProvisionId& scope);

}  // namespace lawref
