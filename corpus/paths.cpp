#include "paths.h"

#include <cstdlib>
#include <string>
#include <system_error>

// Both relative paths are set by CMake (see the top-level CMakeLists.txt); the fallbacks are the
// defaults of a build in <checkout>/build with GNUInstallDirs' layout.
#ifndef LAWREF_CORPUS_FROM_BINDIR
#define LAWREF_CORPUS_FROM_BINDIR "../share/lawref/corpus"
#endif
#ifndef LAWREF_CORPUS_FROM_BUILD
#define LAWREF_CORPUS_FROM_BUILD "../../shared/corpus"
#endif

namespace lawref::paths {
namespace {

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

bool is_dir(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_directory(p, ec);
}

// The folder of the running executable (Linux), empty when it cannot be read.
std::filesystem::path executable_dir() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

// The build tree the executable runs from: the folder holding CMakeCache.txt, at most two levels
// above the executable's own folder (build/query/lawref, build/tests/…, build-fuzz/tests/fuzz/…).
// Empty for an installed binary.
std::filesystem::path build_tree(std::filesystem::path dir) {
  std::error_code ec;
  for (int level = 0; level < 3 && !dir.empty(); ++level) {
    if (std::filesystem::is_regular_file(dir / "CMakeCache.txt", ec)) return dir;
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

}  // namespace

CorpusLocation locate_corpus() {
  CorpusLocation out;
  auto consider = [&out](const std::filesystem::path& p, const char* why) {
    out.root = p;
    out.looked.push_back(p.string() + " (" + why + ")");
    out.found = is_dir(p);
    return out.found;
  };
  // An explicit choice is final: a wrong $LAWREF_CORPUS is reported, not silently replaced.
  if (const char* v = env("LAWREF_CORPUS")) {
    consider(v, "$LAWREF_CORPUS");
    return out;
  }
  const std::filesystem::path exe_dir = executable_dir();
  if (exe_dir.empty()) return out;
  if (consider((exe_dir / LAWREF_CORPUS_FROM_BINDIR).lexically_normal(), "the install's data folder")) return out;
  if (const std::filesystem::path build = build_tree(exe_dir); !build.empty())
    consider((build / LAWREF_CORPUS_FROM_BUILD).lexically_normal(), "beside the checkout of this build");
  return out;
}

std::filesystem::path corpus_root() { return locate_corpus().root; }

std::vector<std::filesystem::path> default_sources() {
  std::vector<std::filesystem::path> out;
  if (const char* v = env("LAWREF_SOURCES")) {
    std::string s = v;
    std::size_t start = 0;
    while (start <= s.size()) {
      const std::size_t colon = s.find(':', start);
      const std::string part = s.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!part.empty()) out.emplace_back(part);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    return out;
  }
  // The national texts and the local regulations that implement them, in one index.
  out.push_back(corpus_root() / "core");
  out.push_back(corpus_root() / "local");
  return out;
}

std::string missing_corpus_note() {
  if (env("LAWREF_SOURCES")) return {};
  const CorpusLocation where = locate_corpus();
  if (where.found) return {};
  std::string note = "no statute corpus found; looked in ";
  for (std::size_t i = 0; i < where.looked.size(); ++i) note += (i ? ", " : "") + where.looked[i];
  if (where.looked.empty()) note += "no place (the executable's location is unknown)";
  return note + "; set $LAWREF_CORPUS or pass --sources DIR";
}

std::filesystem::path home() {
  if (const char* v = env("LAWREF_HOME")) return v;
  if (const char* v = env("XDG_DATA_HOME")) return std::filesystem::path(v) / "lawref";
  if (const char* v = env("HOME")) return std::filesystem::path(v) / ".local/share/lawref";
  return std::filesystem::current_path() / ".lawref";
}

std::filesystem::path imported_dir() { return home() / "imported"; }

std::filesystem::path imported_file(const std::filesystem::path& dir, const std::string& law, const std::string& lang) {
  return dir / (law + "." + lang + ".xml");
}

}  // namespace lawref::paths
