// Options every command that reads the corpus or the index shares.
#pragma once
#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "catalog.h"

namespace lawref::cli {

struct CorpusOptions {
  std::vector<std::string> sources;  // empty: paths::default_sources()
  std::string db;                    // the index (used by index, search and lookup commands)
  bool no_imported = false;

  void add_to(CLI::App& app);
  CatalogOptions catalog_options() const;
};

// A one-line error on stderr, prefixed "lawref: ", returning `code` for `return fail(...)`.
int fail(int code, const std::string& message);

}  // namespace lawref::cli
