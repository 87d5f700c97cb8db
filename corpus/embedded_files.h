// Project data compiled into the binary (cmake/embed_files.cmake): lawref's own English
// translations of the core texts, data/translations/<law>.en.md.
#pragma once
#include <span>
#include <string_view>

namespace lawref::embedded {

struct EmbeddedFile {
  std::string_view name;     // file name without folder: cel-2023.en.md
  std::string_view content;  // UTF-8 text as in the file
};

std::span<const EmbeddedFile> translations();

}  // namespace lawref::embedded
