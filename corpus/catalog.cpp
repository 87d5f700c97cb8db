#include "catalog.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <set>
#include <system_error>
#include <unistd.h>

#include "akn_xml.h"
#include "auto_describe.h"
#include "code_parts.h"
#include "embedded_files.h"
#include "file_io.h"
#include "history.h"
#include "jurisdictions.h"
#include "importer.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref {

bool is_source_file(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".md" || ext == ".txt" || ext == ".xml";
}

namespace {

namespace fs = std::filesystem;

// "cel-2023" for cel-2023.zh.md, cel-2023.en.xml and cel-2023.md.
std::string base_stem(const fs::path& p) {
  std::string stem = p.stem().string();
  for (const char* suffix : {".zh", ".en"}) {
    const std::string s = suffix;
    if (stem.size() > s.size() && stem.compare(stem.size() - s.size(), s.size(), s) == 0) stem.resize(stem.size() - s.size());
  }
  return stem;
}

// The title line and the dates of the header, from the start of the file. Falls back to a
// full import when the start is not plain UTF-8 (a GB18030 file, say).
FileHeader read_header(const fs::path& path) {
  FileHeader h;
  const ParseResult parsed = import_statute_file(path);
  h.title = parsed.law.title;
  for (const HistoryEvent& e : history_events(parsed.law)) h.dates.push_back(e.date);
  return h;
}

FileHeader read_header_fast(const fs::path& path) {
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const std::exception&) {
    return {};
  }
  // Only the lines before the first article matter; a few KB is plenty.
  const std::size_t cut = bytes.find("\n第");
  std::string_view head(bytes.data(), std::min(bytes.size(), cut == std::string::npos ? std::size_t{8192} : cut));
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  if (!utf8::is_valid(head)) return read_header(path);
  FileHeader h;
  std::size_t start = 0;
  while (start < head.size()) {
    std::size_t nl = head.find('\n', start);
    if (nl == std::string_view::npos) nl = head.size();
    std::string_view line = utf8::trim(head.substr(start, nl - start));
    start = nl + 1;
    if (line.empty() || line.substr(0, 4) == "<!--") continue;
    while (!line.empty() && line.front() == '#') line.remove_prefix(1);
    line = utf8::trim(line);
    if (h.title.empty()) {
      h.title = std::string(line);
      continue;
    }
    const std::string date = first_date(std::string(line));
    if (!date.empty()) h.dates.push_back(date);
  }
  return h;
}

// A registry law whose Chinese title matches; between versions, the one whose version date
// is the latest date in the header. The registry's titles are folded once, not once per file.
class TitleMatcher {
 public:
  explicit TitleMatcher(const Registry& registry) {
    for (const LawInfo& l : registry.laws())
      if (l.registered) titles_.emplace_back(text::fold(l.title_zh), &l);
  }
  const LawInfo* match(const std::string& raw_title, const std::vector<std::string>& dates) const {
    const std::string title = text::fold(raw_title);
    const std::string latest = dates.empty() ? std::string() : *std::max_element(dates.begin(), dates.end());
    const LawInfo* only = nullptr;
    int candidates = 0;
    for (const auto& [folded, l] : titles_) {
      if (folded != title) continue;
      if (!latest.empty() && l->version_date() == latest) return l;
      ++candidates;
      only = l;
    }
    // Same title but another version (保守国家秘密法 of 2010 is not ssl-2024): not this law.
    return candidates == 1 && latest.empty() ? only : nullptr;
  }

 private:
  std::vector<std::pair<std::string, const LawInfo*>> titles_;  // registered laws, in registry order
};

const LawInfo* match_by_name(const Registry& registry, const fs::path& file) {
  if (const LawInfo* known = registry.find(base_stem(file)); known && known->registered) return known;
  return registry.find_by_source_file(file.filename().string());
}

void attach(CatalogEntry& entry, TextSource source) {
  for (TextSource& t : entry.texts) {
    if (t.lang != source.lang) continue;
    if (source.xml && !t.xml) t = std::move(source);  // imported XML wins over a source file; else the first found
    return;
  }
  entry.texts.push_back(std::move(source));
}

// Same-title files of one folder that are the parts of one code (民法典/总则.md, 物权编.md, …)
// become one law under the title's id; they leave `group`.
void take_code_parts(const std::string& id, std::vector<std::pair<LawInfo, TextSource>>& group, std::vector<CatalogEntry>& extra) {
  std::map<std::pair<fs::path, std::string>, std::vector<fs::path>> by_folder;
  for (const auto& [info, source] : group)
    if (!source.xml && source.lang == "zh" && date_in_file_name(source.path).empty())
      by_folder[{source.path.parent_path(), text::fold(info.title_zh)}].push_back(source.path);
  for (const auto& [folder, files] : by_folder) {
    const std::vector<fs::path> parts = code_parts_in_order(files);
    if (parts.empty()) continue;
    auto first = std::find_if(group.begin(), group.end(), [&](const auto& g) { return g.second.path == parts.front(); });
    CatalogEntry code{first->first, {}};
    code.info.id = code.info.work = id;
    TextSource source = first->second;
    source.parts = parts;
    code.texts.push_back(std::move(source));
    extra.push_back(std::move(code));
    std::erase_if(group, [&](const auto& g) { return std::find(parts.begin(), parts.end(), g.second.path) != parts.end(); });
    return;  // one code per id: the title's id is now taken
  }
}

// Versions of one law found as separate files (保守国家秘密法(2010-04-29).md beside
// ssl-2024) become one work with a succession, so that a name resolves by date and the
// older version is known to be out of force. Same-title files of one date stay apart.
void chain_versions(Registry& registry, std::vector<CatalogEntry>& registered, std::vector<CatalogEntry>& extra) {
  std::map<std::string, std::vector<CatalogEntry*>> by_title;
  for (CatalogEntry& e : extra)
    if (!e.info.title_zh.empty() && !e.info.adopted.empty()) by_title[text::fold(e.info.title_zh)].push_back(&e);
  std::vector<std::string> registered_titles;
  for (const CatalogEntry& e : registered) registered_titles.push_back(text::fold(e.info.title_zh));
  for (auto& [title, group] : by_title) {
    for (std::size_t i = 0; i < registered.size(); ++i)
      if (registered_titles[i] == title) group.push_back(&registered[i]);
    if (group.size() < 2) continue;
    std::sort(group.begin(), group.end(), [](const CatalogEntry* a, const CatalogEntry* b) {
      return a->info.version_date() < b->info.version_date();
    });
    bool distinct = true;
    std::set<std::string> works;
    for (std::size_t i = 0; i < group.size(); ++i) {
      if (i && group[i]->info.version_date() == group[i - 1]->info.version_date()) distinct = false;
      if (group[i]->info.registered) works.insert(group[i]->info.work);
    }
    if (!distinct || works.size() > 1) continue;
    const std::string work = works.empty() ? group.front()->info.id : *works.begin();
    for (CatalogEntry* e : group)
      if (!e->info.registered) e->info.work = work;
    for (std::size_t i = 0; i + 1 < group.size(); ++i) {
      LawInfo& older = group[i]->info;
      LawInfo& newer = group[i + 1]->info;
      if (older.registered && newer.registered) continue;  // the registry already says
      if (older.superseded_by.empty()) older.superseded_by = newer.id;
      if (newer.supersedes.empty()) newer.supersedes = older.id;
      if (older.registered || newer.registered) registry.set_succession(older.id, newer.id);
    }
  }
}

// A file we are about to catalog must open: a file we may not read is reported now, by
// path and with the system's reason, not later as a law without text.
bool readable(const fs::path& p, std::vector<CatalogProblem>& problems) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    problems.push_back({CatalogProblemKind::Unreadable, p, std::strerror(errno)});
    return false;
  }
  ::close(fd);
  return true;
}

// The statute files under `root` (a file or a folder, searched recursively without following
// symlinked folders), sorted per root. Whatever cannot be used is a problem, never a silent skip.
void collect_files(const fs::path& root, bool xml_only, std::vector<fs::path>& files, std::vector<CatalogProblem>& problems) {
  auto wanted = [xml_only](const fs::path& p) { return xml_only ? p.extension() == ".xml" : is_source_file(p); };
  std::error_code ec;
  const std::size_t before = problems.size();
  const fs::file_status root_status = fs::status(root, ec);
  if (root_status.type() == fs::file_type::not_found) {
    if (!xml_only) problems.push_back({CatalogProblemKind::MissingSource, root, "does not exist", true});
  } else if (ec) {
    problems.push_back({CatalogProblemKind::Unreadable, root, ec.message(), true});
  } else if (fs::is_regular_file(root_status)) {
    if (readable(root, problems)) files.push_back(root);
  } else if (!fs::is_directory(root_status)) {
    problems.push_back(
        {CatalogProblemKind::SpecialFile, root, "is " + describe_file_type(root_status.type()) + ", not a statute file or folder", true});
  }
  if (!fs::is_directory(root_status)) {
    for (std::size_t i = before; i < problems.size(); ++i) problems[i].named = true;
    return;
  }
  std::vector<fs::path> found, folders{root};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    fs::directory_iterator it(folder, ec);
    for (fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      std::error_code entry_ec;
      if (it->symlink_status(entry_ec).type() == fs::file_type::directory) {
        folders.push_back(p);
        continue;
      }
      if (!wanted(p)) continue;
      const fs::file_type type = it->status(entry_ec).type();
      if (type == fs::file_type::regular) {
        if (readable(p, problems)) found.push_back(p);
      } else if (type == fs::file_type::not_found) {
        problems.push_back({CatalogProblemKind::Unreadable, p, "a symlink to nothing (" + entry_ec.message() + ")"});
      } else if (entry_ec) {
        problems.push_back({CatalogProblemKind::Unreadable, p, entry_ec.message()});
      } else if (type != fs::file_type::directory) {  // a symlinked folder is not followed, as before
        problems.push_back({CatalogProblemKind::SpecialFile, p, "is " + describe_file_type(type) + ", not a statute file"});
      }
    }
    if (ec) problems.push_back({CatalogProblemKind::Unreadable, folder, ec.message(), folder == root});
    ec.clear();
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  // In path order, like the files, whatever order the folders were listed in.
  std::sort(problems.begin() + static_cast<std::ptrdiff_t>(before), problems.end(),
            [](const CatalogProblem& a, const CatalogProblem& b) { return a.path < b.path; });
}

}  // namespace

const LawInfo* match_registry(const Registry& registry, const fs::path& file, const std::string& title,
                              const std::vector<std::string>& history_dates) {
  if (const LawInfo* known = match_by_name(registry, file)) return known;
  return title.empty() ? nullptr : TitleMatcher(registry).match(title, history_dates);
}

AknWorkInfo akn_work_info(const LawInfo& info) {
  AknWorkInfo w;
  w.country = akn_country(info.jurisdiction);
  w.date = info.version_date();
  w.author = text::pinyin_slug(info.body_zh);
  return w;
}

std::string language_of_file(const fs::path& path) {
  const std::string stem = path.stem().string();
  return stem.size() > 3 && stem.compare(stem.size() - 3, 3, ".en") == 0 ? "en" : "zh";
}

const TextSource* CatalogEntry::text(std::string_view lang) const {
  for (const TextSource& t : texts)
    if (t.lang == lang) return &t;
  return nullptr;
}

bool Catalog::has_problem(CatalogProblemKind kind) const {
  return std::any_of(problems_.begin(), problems_.end(), [kind](const CatalogProblem& p) { return p.kind == kind; });
}

const CatalogEntry* Catalog::find(std::string_view id) const {
  for (const CatalogEntry& e : entries_)
    if (e.info.id == id) return &e;
  return nullptr;
}

Catalog Catalog::scan(const Registry& registry, const CatalogOptions& options, const CatalogMemo* memo) {
  Catalog c;
  CatalogRecall recall(memo, c.memo_);
  const TitleMatcher titles(registry);
  const SlugFunction slug = [&recall](const std::string& text) { return recall.slug(text); };
  c.registry_ = registry;
  for (const LawInfo& l : registry.laws()) c.entries_.push_back(CatalogEntry{l, {}});
  auto entry_of = [&c](const std::string& id) -> CatalogEntry* {
    for (CatalogEntry& e : c.entries_)
      if (e.info.id == id) return &e;
    return nullptr;
  };

  std::vector<fs::path> files;
  for (const fs::path& s : options.sources) collect_files(s, false, files, c.problems_);
  if (!options.imported_dir.empty()) collect_files(options.imported_dir, true, files, c.problems_);

  // Unregistered files, grouped by their automatic id to find collisions.
  std::map<std::string, std::vector<std::pair<LawInfo, TextSource>>> auto_laws;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path& path = files[i];
    TextSource source{path, language_of_file(path), path.extension() == ".xml", false, {}};
    if (source.xml) {
      try {
        const LawText law = from_akn_xml(read_file(path));
        source.lang = law.lang;
        if (CatalogEntry* e = entry_of(law.law_id)) {
          attach(*e, source);
        } else {
          LawInfo info = auto_describe(law.title, path, slug);
          info.id = info.work = law.law_id;
          auto_laws[info.id].emplace_back(std::move(info), source);
        }
      } catch (const FileError& e) {
        c.problems_.push_back({CatalogProblemKind::Unreadable, path, e.reason});
      } catch (const std::exception& e) {
        c.problems_.push_back({CatalogProblemKind::BadXml, path, e.what()});
      }
      continue;
    }
    if (const LawInfo* known = match_by_name(registry, path)) {
      attach(*entry_of(known->id), source);
      continue;
    }
    const FileHeader header = recall.header(path, [&path] { return read_header_fast(path); });
    if (const LawInfo* known = header.title.empty() ? nullptr : titles.match(header.title, header.dates)) {
      attach(*entry_of(known->id), source);
      continue;
    }
    LawInfo info = auto_describe(header.title.empty() ? path.stem().string() : header.title, path, slug);
    auto_laws[info.id].emplace_back(std::move(info), source);
  }

  // One id for the language versions of one file (x.md, x.en.md); different files that
  // collide are told apart by a hash of the file name, never by folder.
  std::vector<CatalogEntry> extra;
  for (auto& [id, group] : auto_laws) {
    const std::string stem = base_stem(group[0].second.path);
    // An imported XML names its law explicitly: a source file with the same id is that law.
    std::set<std::string> languages;
    bool one_law = true, has_xml = false;
    for (const auto& g : group) {
      has_xml = has_xml || g.second.xml;
      one_law = one_law && base_stem(g.second.path) == stem && languages.insert(g.second.lang).second;
    }
    one_law = one_law || has_xml;
    if (one_law) {
      CatalogEntry e{group[0].first, {}};
      for (auto& g : group) attach(e, g.second);
      extra.push_back(std::move(e));
      continue;
    }
    take_code_parts(id, group, extra);
    std::map<std::string, int> used;
    for (auto& [info, source] : group) {
      std::string unique = id + "-" + short_hash(source.path.filename().string(), 6);
      if (const int n = ++used[unique]; n > 1) unique += "-" + std::to_string(n);
      info.id = info.work = unique;
      extra.push_back(CatalogEntry{info, {source}});
    }
  }
  std::sort(extra.begin(), extra.end(), [](const CatalogEntry& a, const CatalogEntry& b) { return a.info.id < b.info.id; });
  chain_versions(c.registry_, c.entries_, extra);
  for (CatalogEntry& e : extra) {
    c.registry_.add(e.info);
    c.entries_.push_back(std::move(e));
  }
  // lawref's own translations, for the laws whose Chinese text is here and that have no other
  // English text (attach() keeps what came first).
  for (const embedded::EmbeddedFile& f : options.lawref_translations ? embedded::translations() : std::span<const embedded::EmbeddedFile>{}) {
    CatalogEntry* e = entry_of(base_stem(std::string(f.name)));
    if (e && e->text("zh")) attach(*e, TextSource{fs::path("data/translations") / std::string(f.name), "en", false, true, {}});
  }
  return c;
}

ParseResult load_text(const CatalogEntry& entry, std::string_view lang, bool strict_numbering) {
  ParseResult result;
  const TextSource* source = entry.text(lang);
  if (source && !source->parts.empty()) {
    ParseOptions options;
    options.lang = std::string(lang);
    options.strict_numbering = strict_numbering;
    result = import_code_parts(source->parts, options);
    result.law.law_id = entry.info.id;
    return result;
  }
  if (!source) {
    result.diagnostics.error(0, "no-text", entry.info.id + " has no " + std::string(lang) + " text" +
                                               (entry.info.text_note.empty() ? "" : " (" + entry.info.text_note + ")"));
    return result;
  }
  if (source->embedded) {
    ParseOptions options;
    options.lang = std::string(lang);
    options.strict_numbering = strict_numbering;
    const std::string name = source->path.filename().string();
    for (const embedded::EmbeddedFile& f : embedded::translations())
      if (f.name == name) result = parse_statute(f.content, options);
    result.law.source = source->path.string();
    result.law.translation = kLawrefTranslation;
  } else if (source->xml) {
    try {
      result.law = from_akn_xml(read_file(source->path));
    } catch (const FileError& e) {
      result.diagnostics.error(0, "io", e.reason);  // the caller names the file
    } catch (const AknError& e) {
      result.diagnostics.error(0, "xml", e.what());
    }
  } else {
    ParseOptions options;
    options.lang = std::string(lang);
    options.strict_numbering = strict_numbering;
    result = import_statute_file(source->path, options);
    // A translation found among the sources says who made it (<!-- TRANSLATION: … -->), else
    // its file is its only provenance.
    if (lang != "zh" && result.law.translation.empty()) {
      const std::string named = result.law.metadata("TRANSLATION");
      result.law.translation = named.empty() ? "translation from " + source->path.filename().string() : named;
    }
  }
  result.law.law_id = entry.info.id;
  return result;
}

}  // namespace lawref
