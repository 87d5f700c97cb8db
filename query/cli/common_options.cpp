#include "common_options.h"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

#include "exit_codes.h"
#include "index_builder.h"
#include "paths.h"

namespace lawref::cli {

void CorpusOptions::add_to(CLI::App& app) {
  app.add_option("--sources", sources,
                 "Statute folders or files to read, repeatable (default: $LAWREF_SOURCES, else ../shared/corpus/core and local)")
      ->type_name("DIR")
      ->allow_extra_args(false);  // one value per --sources, so a citation after it stays a citation
  app.add_option("--db", db, "Index location (default: $LAWREF_DB, else <lawref home>/index)")->type_name("PATH");
  app.add_flag("--no-imported", no_imported, "Ignore texts imported with `lawref import`");
}

void CorpusOptions::add_index_option(CLI::App& app) {
  app.add_option("--db", db, "Index location (default: $LAWREF_DB, else <lawref home>/index); build it with lawref index --sources …")
      ->type_name("PATH");
}

CatalogOptions CorpusOptions::catalog_options() const {
  CatalogOptions o;
  if (sources.empty()) o.sources = paths::default_sources();
  else o.sources.assign(sources.begin(), sources.end());
  if (!no_imported) o.imported_dir = paths::imported_dir();
  return o;
}

std::unique_ptr<IndexStore> open_index(const CorpusOptions& corpus, int& code) {
  const std::filesystem::path db = corpus.db.empty() ? default_db_path() : std::filesystem::path(corpus.db);
  try {
    return std::make_unique<IndexStore>(db);
  } catch (const IndexOpenError& e) {
    code = fail(exit_code::kCorpusProblem, e.what());
    return nullptr;
  }
}

bool color_output() { return ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"); }

bool parse_kinds(const std::vector<std::string>& names, std::set<links::LinkKind>& kinds) {
  for (const std::string& n : names) {
    const auto k = links::parse_link_kind(n);
    if (!k) {
      fail(exit_code::kBadInput, "unknown link kind '" + n + "' (internal, external, unresolved, version, implements)");
      return false;
    }
    kinds.insert(*k);
  }
  return true;
}

int fail(int code, const std::string& message) {
  std::cerr << "lawref: " << message << "\n";
  return code;
}

}  // namespace lawref::cli
