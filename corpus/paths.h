// Where lawref looks for things, each overridable:
//   statute sources   --sources DIR…  >  $LAWREF_SOURCES (':'-separated)  >  <corpus>/core and <corpus>/local
//   corpus root       $LAWREF_CORPUS  >  ../shared/corpus beside the checkout (compiled in)
//   lawref home       $LAWREF_HOME    >  $XDG_DATA_HOME/lawref  >  ~/.local/share/lawref
//   imported texts    <home>/imported/<law>.<lang>.xml
#pragma once
#include <filesystem>
#include <vector>

namespace lawref::paths {

std::filesystem::path corpus_root();
std::vector<std::filesystem::path> default_sources();
std::filesystem::path home();
std::filesystem::path imported_dir();

}  // namespace lawref::paths
