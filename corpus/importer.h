// One statute file -> LawText: read, decode (source_decoding), parse (statute_parser).
#pragma once
#include <filesystem>
#include <string_view>

#include "file_io.h"
#include "statute_parser.h"

namespace lawref {

ParseResult import_statute_bytes(std::string_view bytes, const ParseOptions& options = {});
// Sets LawText::source to the file's name; an unreadable file is an error diagnostic, not an exception.
ParseResult import_statute_file(const std::filesystem::path& path, const ParseOptions& options = {});

}  // namespace lawref
