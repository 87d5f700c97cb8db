// Where lawref looks for things, each overridable:
//   statute sources   --sources DIR…  >  $LAWREF_SOURCES (':'-separated)  >  <corpus>/core and <corpus>/local
//   corpus root       $LAWREF_CORPUS  >  the install's data folder (<prefix>/share/lawref/corpus, found
//                     from the executable)  >  for a binary run from its build tree, ../shared/corpus
//                     beside the checkout (LAWREF_CORPUS_DIR at configure time, kept relative to the
//                     build tree, so no absolute path of the build machine is compiled in)
//   lawref home       $LAWREF_HOME    >  $XDG_DATA_HOME/lawref  >  ~/.local/share/lawref
//   imported texts    <home>/imported/<law>.<lang>.xml
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace lawref::paths {

// The corpus root and the places looked at to find it, in order.
struct CorpusLocation {
  std::filesystem::path root;                // the first place that exists, else the last one looked at
  bool found = false;                        // root exists
  std::vector<std::string> looked;           // "PATH (why)" for each place looked at
};
CorpusLocation locate_corpus();

std::filesystem::path corpus_root();  // locate_corpus().root
std::vector<std::filesystem::path> default_sources();
std::filesystem::path home();
std::filesystem::path imported_dir();
// Where `lawref import` puts a law's text in `dir` (an imported_dir()): <law>.<lang>.xml.
std::filesystem::path imported_file(const std::filesystem::path& dir, const std::string& law, const std::string& lang);

// When the default sources are in use ($LAWREF_SOURCES unset) and no corpus was found: one line
// saying where lawref looked and how to point it at the texts. Empty otherwise.
std::string missing_corpus_note();

}  // namespace lawref::paths
