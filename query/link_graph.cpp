#include "link_graph.h"

#include <nlohmann/json.hpp>

#include "compressed_blob.h"
#include "index_schema.h"

namespace lawref {

const std::vector<links::Link>& LinkGraph::load(const std::string& key) {
  if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
  std::vector<links::Link> decoded;
  try {
    decoded = links::decode_links(decompress_blob(store_.database().get_metadata(key)));
  } catch (const std::runtime_error& e) {
    throw IndexOpenError(std::string("the index's links are damaged (") + e.what() + "); rebuild it with: lawref index");
  }
  return cache_.emplace(key, std::move(decoded)).first->second;
}

const std::vector<links::Link>& LinkGraph::outgoing(const std::string& law) { return load(schema::kMetaLinksOut + law); }

const std::vector<links::Link>& LinkGraph::incoming(const std::string& law) { return load(schema::kMetaLinksIn + law); }

std::vector<std::string> LinkGraph::laws_with_links() {
  std::vector<std::string> out;
  const std::string prefix = schema::kMetaLinksOut;
  Xapian::Database& db = store_.database();
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) out.push_back((*it).substr(prefix.size()));
  return out;
}

std::map<std::string, std::size_t> LinkGraph::counts() {
  std::map<std::string, std::size_t> out;
  const std::string json = store_.database().get_metadata(schema::kMetaLinkCounts);
  if (json.empty()) return out;
  const nlohmann::json j = nlohmann::json::parse(json);
  for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = it.value().get<std::size_t>();
  return out;
}

bool within(const ProvisionId& id, const ProvisionId& scope) {
  if (id.law != scope.law) return false;
  const ProvisionPath& p = id.path;
  const ProvisionPath& s = scope.path;
  if (s.article == 0) return true;
  if (p.article != s.article || p.insertion != s.insertion) return false;
  if (s.paragraph == 0) return true;
  if (p.paragraph != s.paragraph) return false;
  if (s.item == 0) return true;
  if (p.item != s.item) return false;
  return s.subitem == 0 || p.subitem == s.subitem;
}

}  // namespace lawref
