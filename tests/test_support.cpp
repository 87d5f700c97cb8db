#include "test_support.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unicode/ucnv.h>

#include "file_io.h"
#include "paths.h"

namespace lawref::test {

std::filesystem::path core_dir() { return paths::corpus_root() / "core"; }
std::filesystem::path local_dir() { return paths::corpus_root() / "local"; }
std::filesystem::path lawrefbook_dir() { return paths::corpus_root() / "lawrefbook"; }
std::filesystem::path core_file(const std::string& law_id) { return core_dir() / (law_id + ".zh.md"); }

TempDir::TempDir() {
  std::random_device rd;
  path = std::filesystem::temp_directory_path() / ("lawref-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& bytes) const {
  const std::filesystem::path p = path / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

TestIndex::TestIndex(std::vector<std::filesystem::path> sources) {
  IndexOptions o;
  o.catalog.sources = std::move(sources);
  o.db = db;
  summary = build_index(Registry::builtin(), o);
  store = std::make_unique<IndexStore>(db);
}

CommandResult run_lawref(const std::string& args, const std::string& env, const std::string& stdin_text) {
  TempDir tmp;
  const auto in = tmp.write("stdin", stdin_text);
  const auto out = tmp.path / "stdout";
  const auto err = tmp.path / "stderr";
  const std::string cmd = env + " '" + std::string(LAWREF_BINARY) + "' " + args + " <'" + in.string() + "' >'" + out.string() +
                          "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

std::string encode_as(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ucnv_convert: ") + u_errorName(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace lawref::test
