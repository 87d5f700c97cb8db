// Options every command that reads the corpus or the index shares.
#pragma once
#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "catalog.h"
#include "index_store.h"
#include "links.h"
#include <memory>
#include <set>

namespace lawref::cli {

struct CorpusOptions {
  std::vector<std::string> sources;  // empty: paths::default_sources()
  std::string db;                    // the index (used by index, search and lookup commands)
  bool no_imported = false;

  void add_to(CLI::App& app);
  // For the commands that read the index alone (search, xref, compare, diff, export): only --db,
  // so that no option is offered that the command would ignore.
  void add_index_option(CLI::App& app);
  CatalogOptions catalog_options() const;
};

// show and laws answer from the texts (--sources) or from an index (--db), not both: naming both
// would leave one unused, silently. kBadInput after a one-line error when both are named, else kOk.
int refuse_sources_with_db(const CorpusOptions& corpus);

// The index named by --db (else the default). Null, after a one-line error and with `code`
// set to kCorpusProblem, when it cannot be opened.
std::unique_ptr<IndexStore> open_index(const CorpusOptions& corpus, int& code);

// After answering from the index: a warning for each source of `laws` that changed, went away
// or was imported since the build, with what to run. kCorpusProblem when there is one (the
// answer came from an index that no longer matches its sources), else kOk.
int warn_if_stale(const IndexStore& index, const std::vector<std::string>& laws);

// Colour for people: standard output is a terminal and NO_COLOR is not set.
bool color_output();

// --kind values -> link kinds; false (after a one-line error) on an unknown kind.
bool parse_kinds(const std::vector<std::string>& names, std::set<links::LinkKind>& kinds);
inline constexpr const char* kKindHelp = "Only links of this kind, repeatable: internal, external, unresolved, version, implements";

// A one-line error on stderr, prefixed "lawref: ", returning `code` for `return fail(...)`.
int fail(int code, const std::string& message);

// Before a command: std::cout remembers why a write to standard output failed.
void check_output();
// At the end of a command: flushes standard output. A failed write (lawref laws > /dev/full)
// is a one-line error and exit 3; a reader that went away (EPIPE) is a quiet stop. Returns
// the exit code to use.
int finish_output(int code);

}  // namespace lawref::cli
