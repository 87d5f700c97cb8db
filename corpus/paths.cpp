#include "paths.h"

#include <cstdlib>
#include <string>

namespace lawref::paths {
namespace {

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

}  // namespace

std::filesystem::path corpus_root() {
  if (const char* v = env("LAWREF_CORPUS")) return v;
  return LAWREF_DEFAULT_CORPUS;
}

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

std::filesystem::path home() {
  if (const char* v = env("LAWREF_HOME")) return v;
  if (const char* v = env("XDG_DATA_HOME")) return std::filesystem::path(v) / "lawref";
  if (const char* v = env("HOME")) return std::filesystem::path(v) / ".local/share/lawref";
  return std::filesystem::current_path() / ".lawref";
}

std::filesystem::path imported_dir() { return home() / "imported"; }

}  // namespace lawref::paths
