# Turns a data file into a C++ source defining `std::string_view NAME()`, so the
# binary carries the project's data (registry, glossary) and needs no install path.
# Usage: cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P embed.cmake
file(READ "${INPUT}" content)
string(FIND "${content}" ")lawref_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace lawref::embedded {\nstd::string_view ${NAME}() {\n  static constexpr char data[] = R\"lawref_embed(${content})lawref_embed\";\n  return {data, sizeof(data) - 1};\n}\n}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
