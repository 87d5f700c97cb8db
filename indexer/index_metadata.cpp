#include "index_metadata.h"

#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <vector>
#include <nlohmann/json.hpp>

#include "article_record.h"
#include "compressed_blob.h"
#include "index_records_digest.h"
#include "index_schema.h"
#include "law_json.h"
#include "law_names.h"
#include "source_stamps.h"

namespace lawref {

namespace fs = std::filesystem;

std::string options_key(const IndexOptions& options) {
  return std::string(options.dictionary_words ? schema::kAnalysisWords : schema::kAnalysisBigrams) +
         (options.term_lists ? " term-lists" : " no-term-lists");
}

LawBuildRecord law_record(const IndexedLaw& law, const links::LawLinkInputs* inputs) {
  LawBuildRecord r;
  r.sources = law.sources;
  r.zh_sources = law.zh_sources;
  r.digests = source_digests(law.sources);
  r.until = law.until;
  r.articles = law.articles;
  r.texts = law.texts;
  r.skipped = law.skipped.size();
  for (const auto& [key, value] : law.headers) r.english = r.english || key == schema::law_header_key(law.info.id, schema::kLangEnglish);
  r.linked = inputs != nullptr;
  if (inputs) r.links = *inputs;
  return r;
}

std::map<std::string, std::string> name_index(const std::vector<LawInfo>& infos) {
  std::map<std::string, std::string> named;
  for (const LawInfo& info : infos)
    for (const std::string& key : name_keys(info)) named[key] += info.id + "\n";
  return named;
}

std::string encode_link_counts(const std::map<std::string, std::size_t>& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [kind, n] : counts)
    if (n) j[kind] = n;
  return j.dump();
}

std::map<std::string, std::size_t> decode_link_counts(std::string_view json) {
  std::map<std::string, std::size_t> counts;
  const nlohmann::json j = nlohmann::json::parse(json);
  for (const auto& [kind, n] : j.items()) counts[kind] = n.get<std::size_t>();
  return counts;
}

std::string encode_link_list(const std::vector<const links::Link*>& list) { return compress_blob(links::encode_links(list)); }

std::vector<links::Link> decode_link_list(const std::string& blob) {
  if (blob.empty()) return {};
  return links::decode_links(decompress_blob(blob));
}

void write_index_metadata(Xapian::WritableDatabase& meta, Xapian::WritableDatabase& build, const IndexOptions& options,
                          const std::vector<LawInfo>& infos, const IndexTotals& totals, const BuildState& state, const CatalogMemo& memo) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : options.catalog.sources) sources.push_back(fs::absolute(s).string());
  meta.set_metadata(schema::kMetaSchema, schema::kSchemaVersion);
  meta.set_metadata(schema::kMetaFolders, encode_folder_stamps(stamp_folders(options.catalog.sources)));
  if (!options.catalog.imported_dir.empty()) meta.set_metadata(schema::kMetaImportedDir, fs::absolute(options.catalog.imported_dir).string());
  meta.set_metadata(schema::kMetaAnalysis, options.dictionary_words ? schema::kAnalysisWords : schema::kAnalysisBigrams);
  meta.set_metadata(schema::kMetaEnglish, state.english ? schema::kEnglishPresent : "");
  meta.set_metadata(schema::kMetaRegistry, compress_blob(encode_law_infos(infos)));
  // Each law's record under its own key too, so that a search reads only its hits' laws. An
  // update keeps the keys of the laws still there; the others go.
  // An update changes few of them: a key is written only when its value differs (a lookup is
  // cheaper than a write into the table).
  std::set<std::string> ids;
  for (const LawInfo& info : infos) {
    ids.insert(info.id);
    const std::string key = schema::kMetaLawInfo + info.id, value = encode_law_infos({info});
    if (meta.get_metadata(key) != value) meta.set_metadata(key, value);
  }
  std::vector<std::string> gone;
  for (auto it = meta.metadata_keys_begin(schema::kMetaLawInfo); it != meta.metadata_keys_end(schema::kMetaLawInfo); ++it)
    if (!ids.count((*it).substr(std::string_view(schema::kMetaLawInfo).size()))) gone.push_back(*it);
  // The law of each article key; two laws under one key would mix their hits: refused.
  std::map<std::string, std::string> by_key;
  for (const std::string& id : ids)
    if (const auto [at, fresh] = by_key.emplace(schema::kMetaLawKey + law_key(id), id); !fresh)
      throw std::runtime_error("laws " + at->second + " and " + id + " share an article key; rename one");
  for (const auto& [key, id] : by_key)
    if (meta.get_metadata(key) != id) meta.set_metadata(key, id);
  for (auto it = meta.metadata_keys_begin(schema::kMetaLawKey); it != meta.metadata_keys_end(schema::kMetaLawKey); ++it)
    if (!by_key.count(*it)) gone.push_back(*it);
  for (const std::string& key : gone) meta.set_metadata(key, "");
  meta.set_metadata(schema::kMetaSummary, nlohmann::json{{"sources", sources}, {"laws", totals.laws}, {"articles", totals.articles},
                                                         {"skipped", totals.skipped}}.dump());
  build.set_metadata(kMetaBuildState, encode_state(state));
  build.set_metadata(kMetaCatalogMemo, encode_memo_record(memo));
}

}  // namespace lawref
