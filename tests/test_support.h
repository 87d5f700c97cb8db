// Helpers shared by the tests: the real corpus location, temporary folders, running the CLI.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "index_builder.h"
#include "index_store.h"

namespace lawref::test {

// ../shared/corpus/core (or $LAWREF_CORPUS/core): the real statutes, never copied here.
std::filesystem::path core_dir();
std::filesystem::path local_dir();  // ../shared/corpus/local: provincial regulations
std::filesystem::path lawrefbook_dir();
std::filesystem::path core_file(const std::string& law_id);  // core_dir()/<id>.zh.md

// A fresh empty folder under the system temp dir, removed when the object dies.
struct TempDir {
  std::filesystem::path path;
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;
};

// An index of `sources` built into a fresh temporary folder, and opened.
struct TestIndex {
  TempDir dir;
  std::filesystem::path db = dir.path / "index";
  IndexSummary summary;
  std::unique_ptr<IndexStore> store;
  explicit TestIndex(std::vector<std::filesystem::path> sources);
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the lawref binary with `args` (a shell-quoted string), `env` prepended (VAR=value …).
CommandResult run_lawref(const std::string& args, const std::string& env = "", const std::string& stdin_text = "");

// UTF-8 -> a legacy charset, through ICU (for encoding tests).
std::string encode_as(const std::string& utf8, const char* charset);

}  // namespace lawref::test
