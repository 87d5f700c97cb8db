#include "index_update.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analyzer.h"
#include "compressed_blob.h"
#include "article_record.h"
#include "index_metadata.h"
#include "index_parts.h"
#include "index_records.h"
#include "index_records_digest.h"
#include "index_schema.h"
#include "index_update_in_place.h"
#include "index_versions.h"
#include "law_documents.h"
#include "law_json.h"
#include "law_names.h"
#include "link_builder.h"
#include "utf8.h"

namespace lawref {
namespace {

namespace fs = std::filesystem;
using links::Link;
using links::LinkKind;

// The three parts of a law's outgoing links, in the order the full build stores them.
enum class LinkGroup { Citations, Versions, Implementation };

LinkGroup group_of(const Link& l) {
  switch (l.kind) {
    case LinkKind::Version: return LinkGroup::Versions;
    case LinkKind::Implements: return LinkGroup::Implementation;
    default: return LinkGroup::Citations;
  }
}

std::string encoded(const LawInfo& info) { return encode_law_infos({info}); }

// The live index as it was built: its parts, metadata and per-law records.
struct Previous {
  fs::path version_dir, parts;
  BuildState state;
  std::map<std::string, LawInfo> infos;            // completed records, by id
  std::vector<LawInfo> info_list;                  // in registry order
  std::map<std::string, LawInfo> catalog;          // as the catalog read them
  std::map<std::string, LawBuildRecord> records;   // laws with a text
  nlohmann::json summary;
};

struct Unusable {
  FullBuildReason reason;
};

Previous read_previous(const fs::path& db, const IndexOptions& options, const AmendmentDates& amendments) {
  std::error_code ec;
  if (fs::symlink_status(db, ec).type() != fs::file_type::symlink) throw Unusable{FullBuildReason::NoIndex};
  Previous p;
  p.version_dir = (db.parent_path() / fs::read_symlink(db, ec)).lexically_normal();
  p.parts = p.version_dir / kPartsDir;
  if (ec || !fs::is_directory(p.parts / kMetaPart) || !fs::is_directory(p.parts / kBuildPart)) throw Unusable{FullBuildReason::NoBuildRecords};
  try {
    const Xapian::Database meta((p.parts / kMetaPart).string()), build((p.parts / kBuildPart).string());
    if (meta.get_metadata(schema::kMetaSchema) != schema::kSchemaVersion) throw Unusable{FullBuildReason::SchemaChanged};
    const std::string state = build.get_metadata(kMetaBuildState);
    if (state.empty()) throw Unusable{FullBuildReason::NoBuildRecords};
    p.state = decode_state(state);
    if (p.state.lawref != lawref_binary_stamp()) throw Unusable{FullBuildReason::LawrefChanged};
    if (p.state.options != options_key(options)) throw Unusable{FullBuildReason::OptionsChanged};
    p.summary = nlohmann::json::parse(meta.get_metadata(schema::kMetaSummary));
    nlohmann::json sources = nlohmann::json::array();
    for (const auto& s : options.catalog.sources) sources.push_back(fs::absolute(s).string());
    const std::string imported = options.catalog.imported_dir.empty() ? "" : fs::absolute(options.catalog.imported_dir).string();
    if (p.summary.at("sources") != sources || meta.get_metadata(schema::kMetaImportedDir) != imported)
      throw Unusable{FullBuildReason::SourcesChanged};
    if (p.state.amendments != amendments) throw Unusable{FullBuildReason::AmendmentsChanged};
    p.info_list = decode_law_infos(decompress_blob(meta.get_metadata(schema::kMetaRegistry)));
    for (const LawInfo& info : p.info_list) p.infos.emplace(info.id, info);
    for (const LawInfo& info : p.state.catalog) p.catalog.emplace(info.id, info);
    for (auto it = build.metadata_keys_begin(kMetaLawBuild); it != build.metadata_keys_end(kMetaLawBuild); ++it)
      p.records.emplace((*it).substr(std::string_view(kMetaLawBuild).size()), decode_record(build.get_metadata(*it)));
  } catch (const Xapian::Error&) {
    throw Unusable{FullBuildReason::NoBuildRecords};
  } catch (const std::runtime_error&) {  // a record that does not decode (BlobError, JSON)
    throw Unusable{FullBuildReason::NoBuildRecords};
  } catch (const nlohmann::json::exception&) {
    throw Unusable{FullBuildReason::NoBuildRecords};
  }
  return p;
}

// Chinese texts for the link graph, read once each: those of re-indexed laws as indexed, others
// from their sources.
class TextCache {
 public:
  TextCache(const Catalog& catalog, const AmendmentDates& amendments, const IndexOptions& options)
      : catalog_(catalog), amendments_(amendments), options_(options) {}
  void adopt(const std::string& id, std::unique_ptr<LawText> text) { texts_[id] = std::move(text); }
  const LawText* get(const std::string& id) {
    const auto it = texts_.find(id);
    if (it != texts_.end()) return it->second.get();
    std::unique_ptr<LawText>& slot = texts_[id];
    if (const CatalogEntry* entry = catalog_.find(id)) {
      std::size_t added = 0;
      slot = index_law(catalog_, *entry, amendments_, options_.dictionary_words, nullptr, added).zh;
    }
    return slot.get();
  }

 private:
  const Catalog& catalog_;
  const AmendmentDates& amendments_;
  const IndexOptions& options_;
  std::map<std::string, std::unique_ptr<LawText>> texts_;
};

// The names texts are read for unbracketed (known_law_names) that one registry has and the other lacks.
std::vector<std::string> name_changes(const Registry& before, const Registry& after) {
  const std::vector<std::string> a = links::known_law_names(before), b = links::known_law_names(after);
  std::vector<std::string> changed;
  std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(changed));
  return changed;
}

// The laws whose Chinese text may hold one of `names`: a text holding a name holds, in one
// paragraph or item and so in one document, every character bigram of it, as the analyzer
// indexes them (the extractor reads the same folded paragraphs and items). A superset, from the
// index as it was built. A name without a Chinese bigram cannot be looked up so: full build.
std::set<std::string> laws_reading_names(const fs::path& index, const std::vector<std::string>& names) {
  std::set<std::string> laws;
  if (names.empty()) return laws;
  const Xapian::Database db(index.string());
  for (const std::string& name : names) {
    std::vector<std::string> terms;
    analysis::analyze(name, {}, terms);
    std::vector<Xapian::Query> bigrams;
    for (const std::string& t : terms)
      if (!t.empty() && static_cast<unsigned char>(t[0]) >= 0x80 && utf8::decode(t).size() == 2) bigrams.emplace_back(t);
    if (bigrams.empty()) throw Unusable{FullBuildReason::NamesChanged};
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end()),
                                    Xapian::Query(std::string(schema::kLang) + schema::kLangChinese)));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet hits = enquire.get_mset(0, db.get_doccount());
    // The article key in its value slot names the law: no need to read and decode the article.
    for (auto it = hits.begin(); it != hits.end(); ++it)
      laws.insert(db.get_metadata(schema::kMetaLawKey + it.get_document().get_value(schema::kSlotId).substr(0, kLawKeyBytes)));
  }
  return laws;
}

// The ids under a name key (name_index: one per line).
std::vector<std::string> laws_named(const std::map<std::string, std::string>& names, const std::string& key) {
  std::vector<std::string> ids;
  const auto n = names.find(key);
  if (n == names.end()) return ids;
  for (std::size_t b = 0, e; b < n->second.size(); b = e + 1) {
    e = n->second.find('\n', b);
    if (e == std::string::npos) e = n->second.size();
    if (e > b) ids.push_back(n->second.substr(b, e - b));
  }
  return ids;
}

bool intersects(const std::vector<std::string>& sorted, const std::set<std::string>& set) {
  return std::any_of(sorted.begin(), sorted.end(), [&](const std::string& s) { return set.count(s) > 0; });
}

// What changed since the build: T (`text`), the part of it the link graph reads, and
// the laws whose documents must be made again (T, and the laws whose record as the catalog reads
// it, or whose end of term, changed).
struct Changes {
  std::set<std::string> text, chinese, documents;
  std::set<std::string> now;  // ids in the catalog now
  // Laws whose files were only touched (same paths, sizes and bytes) and whose documents need
  // not be made again: their new stamps, to be recorded.
  std::map<std::string, std::vector<SourceStamp>> touched;
};

Changes find_changes(const Catalog& catalog, const Previous& prev) {
  Changes c;
  for (const CatalogEntry& e : catalog.entries()) {
    const std::string& id = e.info.id;
    c.now.insert(id);
    const auto record = prev.records.find(id);
    const bool had = record != prev.records.end();
    std::vector<SourceStamp> stamps;
    if (had && !e.texts.empty()) stamps = stamp_sources(e);
    if (e.texts.empty() ? had : !had || stamps != record->second.sources) {
      if (had && only_touched(stamps, record->second.sources, record->second.digests)) {
        c.touched.emplace(id, std::move(stamps));
      } else {
        c.text.insert(id);
        if (!had || chinese_sources(e) != record->second.zh_sources) c.chinese.insert(id);
      }
    }
    const auto old_catalog = prev.catalog.find(id);
    const bool catalog_changed = old_catalog == prev.catalog.end() || encoded(old_catalog->second) != encoded(e.info);
    const auto old_info = prev.infos.find(id);
    const bool until_changed = had && old_info != prev.infos.end() && catalog.registry().in_force_until(old_info->second) != record->second.until;
    if ((c.text.count(id) || catalog_changed || until_changed) && (had || !e.texts.empty())) c.documents.insert(id);
  }
  for (const auto& [id, record] : prev.records)
    if (!c.now.count(id)) c.text.insert(id), c.chinese.insert(id), c.documents.insert(id);
  for (const std::string& id : c.documents) c.touched.erase(id);  // re-read all the same (its record changed)
  return c;
}

}  // namespace

CatalogMemo remembered_catalog_memo(const fs::path& db) {
  std::error_code ec;
  if (fs::symlink_status(db, ec).type() != fs::file_type::symlink) return {};
  const fs::path live = (db.parent_path() / fs::read_symlink(db, ec)).lexically_normal();
  if (ec) return {};
  try {
    return decode_memo_record(Xapian::Database((live / kPartsDir / kBuildPart).string()).get_metadata(kMetaCatalogMemo));
  } catch (const Xapian::Error&) {
    return {};  // a build swapping versions meanwhile, say: the scan reads the files
  }
}

UpdateResult update_index(const Catalog& catalog, const AmendmentDates& amendments, const IndexOptions& options, const fs::path& db) {
  const auto start = std::chrono::steady_clock::now();
  Previous prev;
  try {
    prev = read_previous(db, options, amendments);
  } catch (const Unusable& u) {
    return {std::nullopt, u.reason};
  }
  const auto& entries = catalog.entries();

  const Changes changes = find_changes(catalog, prev);
  const std::set<std::string>& documents = changes.documents;
  const std::set<std::string>& chinese_changed = changes.chinese;
  const std::set<std::string>& now = changes.now;
  const std::string folders = encode_folder_stamps(stamp_folders(options.catalog.sources));
  bool catalog_same = prev.state.catalog.size() == entries.size();
  for (std::size_t i = 0; catalog_same && i < entries.size(); ++i)
    catalog_same = encoded(prev.state.catalog[i]) == encoded(entries[i].info);
  {
    const Xapian::Database meta((prev.parts / kMetaPart).string());
    if (documents.empty() && changes.touched.empty() && catalog_same && meta.get_metadata(schema::kMetaFolders) == folders) {
      IndexSummary same;
      same.kind = IndexBuildKind::Unchanged;
      same.problems = catalog.problems();
      same.laws = prev.summary.at("laws").get<std::size_t>();
      same.articles = prev.summary.at("articles").get<std::size_t>();
      same.skipped = prev.summary.at("skipped").get<std::size_t>();
      same.texts = prev.state.texts;
      same.version_dir = prev.version_dir;
      remove_stale_versions(db.string() + ".versions", prev.version_dir);  // an interrupted build's leftovers
      same.bytes = served_size(prev.version_dir);
      return {std::move(same), FullBuildReason::NoIndex};
    }
  }

  std::set<unsigned> parts;
  for (const std::string& id : documents) parts.insert(part_of(id));
  if (parts.size() > kIndexParts / 2) return {std::nullopt, FullBuildReason::ManyChanges};

  const fs::path versions = db.string() + ".versions";
  const fs::path building = versions / ("building-" + version_stamp());
  const fs::path version_dir = versions / ("v" + version_stamp());
  IndexSummary summary;
  summary.kind = IndexBuildKind::Incremental;
  summary.problems = catalog.problems();
  summary.changed_laws = documents.size() + changes.touched.size();
  // Where the time went, in the full build's phases: texts (finding the changes, re-indexing
  // parts), citations (citations and alignment, made law by law in one pass), writing.
  auto phase_start = start;
  auto phase_end = [&](IndexPhase phase) {
    const auto t = std::chrono::steady_clock::now();
    summary.phase_seconds[phase] += std::chrono::duration<double>(t - phase_start).count();
    phase_start = t;
  };
  try {
    fs::create_directories(building);
    // The parts holding a changed law, re-indexed whole, in catalog order as the full build does.
    std::map<std::string, IndexedLaw> reindexed;
    for (const unsigned p : parts) {
      std::vector<std::size_t> members;
      for (std::size_t i = 0; i < entries.size(); ++i)
        if (!entries[i].texts.empty() && part_of(entries[i].info.id) == p) members.push_back(i);
      if (members.empty()) continue;
      Xapian::WritableDatabase part((building / part_name(p)).string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC |
                                                                           (options.term_lists ? 0 : Xapian::DB_NO_TERMLIST));
      std::size_t added = 0;
      for (const std::size_t i : members) {
        IndexedLaw law = index_law(catalog, entries[i], amendments, options.dictionary_words, &part, added);
        summary.rebuilt_documents += law.documents;
        for (const std::string& skip : law.skipped)
          if (summary.skipped_examples.size() < 5) summary.skipped_examples.push_back(skip);
        reindexed.emplace(entries[i].info.id, std::move(law));
      }
      part.commit();
      part.close();
      compact_part(building / part_name(p));
    }
    // A part made again with the same documents (a text given a trailing blank line, say) is the part as it was:
    // linked, not written, and the served index need not be compacted again.
    std::set<unsigned> written;
    for (const unsigned p : parts) {
      if (!same_part_files(prev.parts / part_name(p), building / part_name(p))) {
        written.insert(p);
        continue;
      }
      if (!fs::exists(building / part_name(p))) continue;
      fs::remove_all(building / part_name(p));
      link_part(prev.parts / part_name(p), building / part_name(p));
    }
    summary.rebuilt_laws = reindexed.size();
    // The other parts as they were.
    for (unsigned p = 0; p < kIndexParts; ++p)
      if (!parts.count(p) && fs::exists(prev.parts / part_name(p))) link_part(prev.parts / part_name(p), building / part_name(p));
    // The served shards holding a part written anew are compacted again (index_parts.h), on a
    // second thread, so that the links and metadata made below need not wait for a core
    // (bench/README.md, "Update time, round nine"); the others are the live version's files,
    // linked. A jthread: joined on the way out too, when something below throws, before what
    // it wrote is removed.
    std::set<unsigned> shards;
    for (const unsigned p : written) shards.insert(shard_of(p));
    fs::create_directories(version_dir);
    std::exception_ptr compaction_error;
    std::optional<std::jthread> compaction;
    if (!shards.empty())
      compaction.emplace([&] {
        try {
          for (const unsigned s : shards) compact_shard(building, s, version_dir / shard_name(s));
        } catch (...) {
          compaction_error = std::current_exception();
        }
      });
    for (unsigned s = 0; s < kServedShards; ++s)
      if (!shards.count(s) && fs::exists(prev.version_dir / shard_name(s))) link_part(prev.version_dir / shard_name(s), version_dir / shard_name(s));
    phase_end(IndexPhase::Texts);

    // The records now: re-read laws as completed from their texts, the others as stored.
    std::vector<LawInfo> infos;
    Registry registry;
    registry.reserve(entries.size());
    for (const CatalogEntry& e : entries) {
      const auto r = reindexed.find(e.info.id);
      const auto old = prev.infos.find(e.info.id);
      if (r != reindexed.end()) infos.push_back(r->second.info);
      else if (e.texts.empty() || prev.records.count(e.info.id) == 0) infos.push_back(e.info);
      else if (old != prev.infos.end()) infos.push_back(old->second);
      else throw Unusable{FullBuildReason::NoBuildRecords};
      registry.add(infos.back());
    }
    Registry old_registry;
    for (const LawInfo& info : prev.info_list) old_registry.add(info);
    const std::set<std::string> naming = laws_reading_names(prev.version_dir, name_changes(old_registry, registry));

    // A: every law whose Chinese text or record changed, and K: the names they go by, before
    // and after. (A translation alone changes documents, not links.)
    std::set<std::string> changed = chinese_changed;
    for (const LawInfo& info : infos) {
      const auto old = prev.infos.find(info.id);
      if (old == prev.infos.end() || encoded(old->second) != encoded(info)) changed.insert(info.id);
    }
    for (const LawInfo& info : prev.info_list)
      if (!registry.find(info.id)) changed.insert(info.id);
    std::set<std::string> keys;
    for (const std::string& id : changed) {
      if (const LawInfo* info = registry.find(id))
        for (std::string& k : name_keys(*info)) keys.insert(std::move(k));
      if (const LawInfo* info = old_registry.find(id))
        for (std::string& k : name_keys(*info)) keys.insert(std::move(k));
    }

    // Which laws have a Chinese text in the link graph now, and their texts.
    TextCache texts(catalog, amendments, options);
    std::vector<const LawInfo*> linked;
    for (const LawInfo& info : registry.laws()) {
      const auto r = reindexed.find(info.id);
      if (r != reindexed.end()) {
        if (!r->second.zh) continue;
        texts.adopt(info.id, std::move(r->second.zh));
        linked.push_back(&info);
      } else if (const auto rec = prev.records.find(info.id); !documents.count(info.id) && rec != prev.records.end() && rec->second.linked) {
        // (a law of `documents` not re-indexed has no text any more)
        linked.push_back(&info);
      }
    }
    std::set<std::string> has_text;
    for (const LawInfo* l : linked) has_text.insert(l->id);
    const std::map<std::string, std::string> names_now = name_index(infos);

    copy_part(prev.parts / kMetaPart, building / kMetaPart);
    copy_part(prev.parts / kBuildPart, building / kBuildPart);
    Xapian::WritableDatabase meta((building / kMetaPart).string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC | (options.term_lists ? 0 : Xapian::DB_NO_TERMLIST));
    Xapian::WritableDatabase records((building / kBuildPart).string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);

    // Links: what to make again, law by law and group by group.
    const links::CitationResolver resolver(registry);
    std::map<std::string, std::vector<Link>> old_out;  // the stored xref-out of each law whose links change
    auto stored_out = [&](const std::string& id) -> const std::vector<Link>& {
      auto it = old_out.find(id);
      if (it == old_out.end()) it = old_out.emplace(id, decode_link_list(meta.get_metadata(schema::kMetaLinksOut + id))).first;
      return it->second;
    };
    std::map<std::string, std::map<LinkGroup, std::vector<Link>>> remade;  // law -> group -> its new links
    std::map<std::string, links::LawLinkInputs> inputs;                   // laws whose inputs may have changed
    for (const LawInfo* law : linked) {
      const std::string& id = law->id;
      const auto rec = prev.records.find(id);
      const bool cite_again = changed.count(id) || rec == prev.records.end() || !rec->second.linked ||
                              intersects(rec->second.links.cited_keys, keys) || naming.count(id) ||
                              (!rec->second.links.as_of.empty() && rec->second.links.as_of != today());
      links::LawLinkInputs in = cite_again ? links::LawLinkInputs{} : rec->second.links;
      const LawText* text = nullptr;  // read only when something of this law is made again
      auto read_text = [&] {
        if (!text) text = texts.get(id);
        // It read when the index was built, and its files are as they were then.
        if (!text) throw Unusable{FullBuildReason::NoBuildRecords};
      };
      std::vector<Link> cites;
      if (cite_again) {
        read_text();
        const std::vector<links::Reference> refs = resolver.references(*text);
        in.cited_keys = links::cited_name_keys(refs);
        in.as_of = links::as_of_today(*law);
        // Resolution reads the citing text and those of the laws under the names it cites.
        std::map<std::string, const LawText*> needed{{id, text}};
        for (const std::string& key : in.cited_keys)
          for (const std::string& other : laws_named(names_now, key))
            if (has_text.count(other))
              if (const LawText* t = texts.get(other)) needed.emplace(other, t);
        cites = resolver.resolve(*law, needed, refs);
        in.implemented = links::implemented_laws(registry, *law, *text, cites);
        remade[id][LinkGroup::Citations] = cites;
      }
      in.parents = links::implementation_parents(registry, *law, in.implemented);
      const bool parents_changed = rec == prev.records.end() || !rec->second.linked || rec->second.links.parents != in.parents;
      const bool parent_changed = std::any_of(in.parents.begin(), in.parents.end(), [&](const std::string& p) { return changed.count(p) > 0; });
      if (cite_again || parents_changed || parent_changed) {
        // The stored citations, read only here: decoding every law's links took a tenth of an update.
        if (!cite_again)
          for (const Link& l : stored_out(id))
            if (group_of(l) == LinkGroup::Citations) cites.push_back(l);
        read_text();
        std::vector<const LawText*> parent_texts;
        for (const std::string& p : in.parents)
          if (has_text.count(p))
            if (const LawText* t = texts.get(p)) parent_texts.push_back(t);
        remade[id][LinkGroup::Implementation] =
            parent_texts.empty() ? std::vector<Link>{} : links::law_implementation_links(registry, *law, *text, parent_texts, cites);
      }
      const std::string& next = law->superseded_by;
      const auto old_info = prev.infos.find(id);
      const bool version_again = changed.count(id) || (!next.empty() && changed.count(next)) ||
                                 (old_info != prev.infos.end() && !old_info->second.superseded_by.empty() && changed.count(old_info->second.superseded_by));
      if (version_again) {
        read_text();
        const LawText* successor = !next.empty() && has_text.count(next) ? texts.get(next) : nullptr;
        remade[id][LinkGroup::Versions] = successor ? links::version_links(*text, *successor) : std::vector<Link>{};
      }
      if (rec == prev.records.end() || !rec->second.linked || !(rec->second.links == in)) inputs[id] = std::move(in);
    }
    phase_end(IndexPhase::Citations);
    // Laws whose text left the link graph: all their links go.
    for (const auto& [id, rec] : prev.records)
      if (rec.linked && !has_text.count(id))
        for (const LinkGroup g : {LinkGroup::Citations, LinkGroup::Versions, LinkGroup::Implementation}) remade[id][g];

    // xref-out of each law remade, xref-in of every law its old or new links point into.
    std::map<std::string, std::size_t> counts = decode_link_counts(meta.get_metadata(schema::kMetaLinkCounts));
    std::map<std::string, std::size_t> order;  // law id -> registry position
    for (std::size_t i = 0; i < infos.size(); ++i) order[infos[i].id] = i;
    std::set<std::string> targets;
    std::set<std::pair<std::string, LinkGroup>> replaced;
    for (auto& [id, groups] : remade) {
      std::map<LinkGroup, std::vector<Link>> out;
      for (const Link& l : stored_out(id)) out[group_of(l)].push_back(l);
      bool rewritten = false;
      for (auto& [g, fresh] : groups) {
        summary.rebuilt_links += fresh.size();
        // Made again and stored the same (a touched file, a law cited under a name that changed
        // elsewhere): nothing of it, nor of its targets' xref-in, is written again. Compared as
        // stored: scores are kept to three decimals.
        if (links::encode_links(fresh) == links::encode_links(out[g])) continue;
        rewritten = true;
        replaced.emplace(id, g);
        for (const Link& l : out[g]) {
          --counts[links::to_string(l.kind)];
          if (!l.to.law.empty() && l.to.law != id) targets.insert(l.to.law);
        }
        for (const Link& l : fresh) {
          ++counts[links::to_string(l.kind)];
          if (!l.to.law.empty() && l.to.law != id) targets.insert(l.to.law);
        }
        out[g] = fresh;
      }
      if (!rewritten) continue;
      std::vector<const Link*> all;
      for (const LinkGroup g : {LinkGroup::Citations, LinkGroup::Versions, LinkGroup::Implementation})
        for (const Link& l : out[g]) all.push_back(&l);
      if (all.empty()) meta.set_metadata(schema::kMetaLinksOut + id, "");
      else meta.set_metadata(schema::kMetaLinksOut + id, encode_link_list(all));
    }
    for (const std::string& target : targets) {
      std::vector<Link> in;
      for (Link& l : decode_link_list(meta.get_metadata(schema::kMetaLinksIn + target)))
        if (!replaced.count({l.from.law, group_of(l)})) in.push_back(std::move(l));
      for (const auto& [id, groups] : remade)
        for (const auto& [g, fresh] : groups)
          if (replaced.count({id, g}))
            for (const Link& l : fresh)
              if (l.to.law == target && l.from.law != target) in.push_back(l);
      // The full build's order: every citation by citing law, then every aligned pair by law,
      // a law's version links before its implementation links.
      auto rank = [&](const Link& l) {
        const LinkGroup g = group_of(l);
        const auto pos = order.find(l.from.law);
        return std::tuple(g != LinkGroup::Citations, pos == order.end() ? order.size() : pos->second, g == LinkGroup::Implementation);
      };
      std::stable_sort(in.begin(), in.end(), [&](const Link& a, const Link& b) { return rank(a) < rank(b); });
      std::vector<const Link*> ptrs;
      for (const Link& l : in) ptrs.push_back(&l);
      meta.set_metadata(schema::kMetaLinksIn + target, ptrs.empty() ? "" : encode_link_list(ptrs));
    }
    meta.set_metadata(schema::kMetaLinkCounts, encode_link_counts(counts));

    // Law by law: text headers, sources and build records of the re-read laws and of the laws
    // whose link inputs changed; everything of the laws that are gone.
    IndexTotals totals{prev.summary.at("laws").get<std::size_t>(), prev.summary.at("articles").get<std::size_t>(),
                       prev.summary.at("skipped").get<std::size_t>()};
    BuildState state = prev.state;
    auto forget = [&](const std::string& id) {
      const auto rec = prev.records.find(id);
      if (rec == prev.records.end()) return;
      totals.laws -= rec->second.texts ? 1 : 0;
      totals.articles -= rec->second.articles;
      totals.skipped -= rec->second.skipped;
      state.english -= rec->second.english ? 1 : 0;
      state.texts -= rec->second.texts;
      for (const char* lang : {schema::kLangChinese, schema::kLangEnglish}) meta.set_metadata(schema::law_header_key(id, lang), "");
      meta.set_metadata(schema::kMetaSources + id, "");
      records.set_metadata(kMetaLawBuild + id, "");
    };
    for (const auto& [id, rec] : prev.records)
      if (!reindexed.count(id) && (!now.count(id) || catalog.find(id)->texts.empty())) forget(id);
    for (auto& [id, law] : reindexed) {
      forget(id);
      for (const auto& [key, value] : law.headers) meta.set_metadata(key, value);
      const auto in = inputs.find(id);
      const auto rec = prev.records.find(id);
      const links::LawLinkInputs* link_inputs = in != inputs.end() ? &in->second
                                                : has_text.count(id) && rec != prev.records.end() && rec->second.linked ? &rec->second.links
                                                                                                                        : nullptr;
      law.zh.reset();
      const LawBuildRecord record = law_record(law, has_text.count(id) ? link_inputs : nullptr);
      totals.laws += record.texts ? 1 : 0;
      totals.articles += record.articles;
      totals.skipped += record.skipped;
      state.english += record.english ? 1 : 0;
      state.texts += record.texts;
      records.set_metadata(kMetaLawBuild + id, encode_record(record));
    }
    // The records of laws not re-indexed that change: new link inputs, or a touched file's stamp.
    std::map<std::string, LawBuildRecord> kept;
    for (const auto& [id, in] : inputs)
      if (!reindexed.count(id)) kept.try_emplace(id, prev.records.at(id)).first->second.links = in;
    for (const auto& [id, stamps] : changes.touched) {
      if (reindexed.count(id)) continue;  // in a part re-indexed for another law: stamped afresh
      LawBuildRecord& record = kept.try_emplace(id, prev.records.at(id)).first->second;
      record.sources = stamps;
      record.zh_sources = chinese_sources(*catalog.find(id));
      meta.set_metadata(schema::kMetaSources + id, encode_stamps(stamps));
    }
    for (const auto& [id, record] : kept) records.set_metadata(kMetaLawBuild + id, encode_record(record));

    // The whole index: name keys that changed, registry, summary, build state.
    const std::map<std::string, std::string> names_then = name_index(prev.info_list);
    for (const auto& [key, ids] : names_now)
      if (const auto t = names_then.find(key); t == names_then.end() || t->second != ids) meta.set_metadata(schema::kMetaName + key, ids);
    for (const auto& [key, ids] : names_then)
      if (!names_now.count(key)) meta.set_metadata(schema::kMetaName + key, "");
    state.catalog.clear();
    for (const CatalogEntry& e : entries) state.catalog.push_back(e.info);
    write_index_metadata(meta, records, options, infos, totals, state, catalog.memo());
    close_and_compact_meta_parts(meta, records, building);
    summary.laws = totals.laws;
    summary.articles = totals.articles;
    summary.skipped = totals.skipped;
    summary.texts = state.texts;
    for (const auto& [kind, n] : counts)
      if (n) summary.links[kind] = n;

    // The new version: the shards compacted (above) or linked, and meta served as it is now.
    if (compaction) {
      compaction->join();
      if (compaction_error) std::rethrow_exception(compaction_error);
    }
    link_part(building / kMetaPart, version_dir / kServedMeta);
    write_served_stub(version_dir);
    // Only what this update wrote: the other parts are links to files already on disk.
    for (const unsigned p : written)
      if (fs::exists(building / part_name(p))) sync_tree(building / part_name(p));
    sync_tree(building / kMetaPart);
    sync_tree(building / kBuildPart);
    fs::rename(building, version_dir / kPartsDir);
    swap_in(db, version_dir);
    phase_end(IndexPhase::Writing);
  } catch (const Unusable& u) {
    remove_leftovers(db, versions, building, version_dir);
    return {std::nullopt, u.reason};
  } catch (...) {
    abandon_build(db, versions, building, version_dir, "update");
  }
  remove_stale_versions(versions, version_dir);
  summary.version_dir = version_dir;
  summary.bytes = served_size(version_dir);
  return {std::move(summary), FullBuildReason::NoIndex};
}

}  // namespace lawref
