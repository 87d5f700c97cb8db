#include "index_store.h"

#include <algorithm>

#include "index_schema.h"
#include "law_json.h"

namespace lawref {

IndexStore::IndexStore(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw IndexOpenError("no index at " + path.string() + "; build it with: lawref index");
  try {
    db_ = Xapian::Database(path.string());
    const std::string version = db_.get_metadata(schema::kMetaSchema);
    if (version != schema::kSchemaVersion)
      throw IndexOpenError("the index at " + path.string() + " was built by another version of lawref (" +
                           (version.empty() ? "none" : version) + "); rebuild it with: lawref index");
    words_ = db_.get_metadata(schema::kMetaAnalysis) == "bigrams+words";
    for (const nlohmann::json& j : nlohmann::json::parse(db_.get_metadata(schema::kMetaRegistry))) registry_.add(law_info_from_json(j));
  } catch (const Xapian::Error& e) {
    throw IndexOpenError("cannot open the index at " + path.string() + ": " + e.get_description());
  } catch (const nlohmann::json::exception& e) {
    throw IndexOpenError("the index at " + path.string() + " is damaged (" + e.what() + "); rebuild it with: lawref index");
  }
}

const LawText* IndexStore::text(const std::string& law_id, const std::string& lang) {
  const auto key = std::make_pair(law_id, lang);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second.get();
  std::unique_ptr<LawText> law;
  const std::string header = db_.get_metadata(schema::kMetaLawPrefix + law_id + ":" + lang);
  if (!header.empty()) {
    law = std::make_unique<LawText>(law_header_from_json(nlohmann::json::parse(header)));
    const std::string term = schema::kLaw + law_id;
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
      const nlohmann::json data = nlohmann::json::parse(db_.get_document(*p).get_data());
      if (data.contains(lang)) law->articles.push_back(article_from_json(data.at(lang)));
    }
    std::sort(law->articles.begin(), law->articles.end(), [](const Article& a, const Article& b) {
      return a.number != b.number ? a.number < b.number : a.insertion < b.insertion;
    });
  }
  return cache_.emplace(key, std::move(law)).first->second.get();
}

}  // namespace lawref
