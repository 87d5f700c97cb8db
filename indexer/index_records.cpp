#include "index_records.h"

#include <nlohmann/json.hpp>

#include "compressed_blob.h"
#include "law_json.h"

namespace lawref {

namespace fs = std::filesystem;

std::string encode_record(const LawBuildRecord& r) {
  nlohmann::json j = {{"sources", encode_stamps(r.sources)}, {"zh_sources", encode_stamps(r.zh_sources)}, {"until", r.until},     {"articles", r.articles},
                      {"texts", r.texts},                     {"skipped", r.skipped}, {"english", r.english},
                      {"linked", r.linked}};
  j["digests"] = r.digests;
  if (r.linked)
    j["links"] = {{"cited", r.links.cited_keys}, {"implemented", r.links.implemented}, {"parents", r.links.parents}, {"as_of", r.links.as_of}};
  return j.dump();
}

LawBuildRecord decode_record(std::string_view encoded) {
  try {
    const nlohmann::json j = nlohmann::json::parse(encoded);
    LawBuildRecord r;
    r.sources = decode_stamps(j.at("sources").get<std::string>());
    r.zh_sources = decode_stamps(j.at("zh_sources").get<std::string>());
    r.digests = j.at("digests").get<std::vector<std::uint64_t>>();
    r.until = j.at("until").get<std::string>();
    r.articles = j.at("articles").get<std::size_t>();
    r.texts = j.at("texts").get<std::size_t>();
    r.skipped = j.at("skipped").get<std::size_t>();
    r.english = j.at("english").get<bool>();
    r.linked = j.at("linked").get<bool>();
    if (r.linked) {
      const nlohmann::json& l = j.at("links");
      r.links = {l.at("cited").get<std::vector<std::string>>(), l.at("implemented").get<std::vector<std::string>>(),
                 l.at("parents").get<std::vector<std::string>>(), l.at("as_of").get<std::string>()};
    }
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("malformed build record: ") + e.what());
  }
}

std::string encode_state(const BuildState& s) {
  const nlohmann::json j = {{"lawref", s.lawref},  {"options", s.options}, {"catalog", encode_law_infos(s.catalog)},
                            {"amendments", s.amendments}, {"english", s.english}, {"texts", s.texts}};
  return compress_blob(j.dump());
}

BuildState decode_state(std::string_view encoded) {
  try {
    const nlohmann::json j = nlohmann::json::parse(decompress_blob(encoded));
    BuildState s;
    s.lawref = j.at("lawref").get<std::string>();
    s.options = j.at("options").get<std::string>();
    s.catalog = decode_law_infos(j.at("catalog").get<std::string>());
    s.amendments = j.at("amendments").get<AmendmentDates>();
    s.english = j.at("english").get<std::size_t>();
    s.texts = j.at("texts").get<std::size_t>();
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("malformed build state: ") + e.what());
  }
}

std::string encode_memo_record(const CatalogMemo& memo) { return compress_blob(lawref_binary_stamp() + "\n" + encode_catalog_memo(memo)); }

CatalogMemo decode_memo_record(std::string_view encoded) {
  if (encoded.empty()) return {};
  std::string text;
  try {
    text = decompress_blob(encoded);
  } catch (const BlobError&) {
    return {};
  }
  const std::size_t nl = text.find('\n');
  if (nl == std::string::npos || std::string_view(text).substr(0, nl) != lawref_binary_stamp()) return {};
  return decode_catalog_memo(std::string_view(text).substr(nl + 1));
}

std::string lawref_binary_stamp() {
  const auto stamp = stamp_file("/proc/self/exe");
  if (!stamp) return "";
  std::error_code ec;
  return std::to_string(stamp->size) + " " + std::to_string(stamp->mtime_ns) + " " + fs::read_symlink("/proc/self/exe", ec).string();
}

}  // namespace lawref
