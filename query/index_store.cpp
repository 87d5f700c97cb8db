#include "index_store.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "article_record.h"
#include "compressed_blob.h"
#include "index_parts.h"
#include "index_schema.h"
#include "law_json.h"

namespace lawref {

namespace {

// Whether a folder holding a Xapian stub (XAPIANDB) names a database served elsewhere: a line
// whose first word is `remote` (xapian-tcpsrv, or a program). Such a folder is not a local index:
// the server can rebuild none of lawref's own posting sources, and the paths it recorded are its own.
// (A stub naming another stub is not followed: lawref never writes one.)
bool stub_names_remote(const std::filesystem::path& folder) {
  std::ifstream in(folder / kStubFile);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string first;
    if (words >> first && first == "remote") return true;
  }
  return false;
}

}  // namespace

IndexStore::IndexStore(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw IndexOpenError("no index at " + path.string() + "; build it with: lawref index");
  try {
    // A folder is opened at its real path: a stub in it names its databases relative to it, and
    // through the <db> symlink a swap to a new version between reading the stub and opening them
    // would mix two versions' databases.
    db_ = Xapian::Database(std::filesystem::is_directory(path, ec) ? std::filesystem::canonical(path).string() : path.string());
    local_folder_ = std::filesystem::is_directory(path, ec) && !stub_names_remote(path);
    const std::string version = db_.get_metadata(schema::kMetaSchema);
    if (version != schema::kSchemaVersion)
      throw IndexOpenError("the index at " + path.string() + " was built by another version of lawref (" +
                           (version.empty() ? "none" : version) + "); rebuild it with: lawref index");
    words_ = db_.get_metadata(schema::kMetaAnalysis) == schema::kAnalysisWords;
    english_ = db_.get_metadata(schema::kMetaEnglish) == schema::kEnglishPresent;
  } catch (const Xapian::Error& e) {
    throw IndexOpenError("cannot open the index at " + path.string() + ": " + e.get_description());
  } catch (const std::exception& e) {
    if (dynamic_cast<const IndexOpenError*>(&e)) throw;
    throw IndexOpenError("the index at " + path.string() + " is damaged (" + e.what() + "); rebuild it with: lawref index");
  }
}

const Registry& IndexStore::registry() const {
  if (!registry_) {
    std::vector<LawInfo> infos = decode_law_infos(decompress_blob(db_.get_metadata(schema::kMetaRegistry)));
    registry_ = std::make_unique<Registry>();
    registry_->reserve(infos.size());
    for (LawInfo& info : infos) registry_->add(std::move(info));
  }
  return *registry_;
}

const LawInfo* IndexStore::law(const std::string& id) const {
  if (registry_) return registry_->find(id);
  if (auto it = laws_.find(id); it != laws_.end()) return it->second.get();
  std::vector<LawInfo> one = id.empty() ? std::vector<LawInfo>{} : decode_law_infos(db_.get_metadata(schema::kMetaLawInfo + id));
  if (one.size() != 1 || one[0].id != id) return nullptr;
  return laws_.emplace(id, std::make_unique<LawInfo>(std::move(one[0]))).first->second.get();
}

const std::string& IndexStore::law_of(const std::string& article_key) const {
  const std::string key = article_key.substr(0, kLawKeyBytes);
  if (auto it = law_of_key_.find(key); it != law_of_key_.end()) return it->second;
  return law_of_key_.emplace(key, db_.get_metadata(schema::kMetaLawKey + key)).first->second;
}

std::optional<std::vector<const LawInfo*>> IndexStore::laws_named(const std::string& key) const {
  std::vector<const LawInfo*> out;
  if (key.empty()) return out;
  const std::string ids = db_.get_metadata(schema::kMetaName + key);
  for (std::size_t start = 0; start < ids.size();) {
    std::size_t end = ids.find('\n', start);
    if (end == std::string::npos) end = ids.size();
    if (const LawInfo* l = law(ids.substr(start, end - start))) out.push_back(l);
    start = end + 1;
  }
  return out;
}

std::vector<std::string> IndexStore::languages(const std::string& law_id) const {
  std::vector<std::string> out;
  for (const char* lang : {schema::kLangChinese, schema::kLangEnglish})
    if (!db_.get_metadata(schema::law_header_key(law_id, lang)).empty()) out.emplace_back(lang);
  return out;
}

int IndexStore::article_count(const std::string& law_id) const {
  for (const char* lang : {schema::kLangChinese, schema::kLangEnglish}) {
    const std::string header = decompress_blob(db_.get_metadata(schema::law_header_key(law_id, lang)));
    if (header.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(header, nullptr, false);
    if (j.is_object() && j.contains("articles") && j.at("articles").is_number_integer()) return j.at("articles").get<int>();
  }
  return -1;
}

const LawText* IndexStore::text(const std::string& law_id, const std::string& lang) {
  const auto key = std::make_pair(law_id, lang);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second.get();
  std::unique_ptr<LawText> law;
  const std::string header = decompress_blob(db_.get_metadata(schema::law_header_key(law_id, lang)));
  if (!header.empty()) {
    law = std::make_unique<LawText>(law_header_from_json(nlohmann::json::parse(header)));
    const std::string term = schema::kLaw + law_id;
    for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
      ArticleRecord record = decode_article_record(db_.get_document(*p).get_data());
      if (record.lang == lang) law->articles.push_back(std::move(record.article));
    }
    std::sort(law->articles.begin(), law->articles.end(), [](const Article& a, const Article& b) {
      return a.number != b.number ? a.number < b.number : a.insertion < b.insertion;
    });
  }
  return cache_.emplace(key, std::move(law)).first->second.get();
}

}  // namespace lawref
