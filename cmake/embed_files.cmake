# Turns a set of data files into a C++ source defining `std::span<const EmbeddedFile> NAME()`,
# each file by its name (no directory) and content, so the binary carries them (lawref's own
# translations) and needs no install path.
# Usage: cmake -DFILES="a|b" -DOUTPUT=... -DNAME=... -P embed_files.cmake
string(REPLACE "|" ";" FILES "${FILES}")
set(body "")
set(table "")
set(index 0)
foreach(file IN LISTS FILES)
  file(READ "${file}" content)
  string(FIND "${content}" ")lawref_embed\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter")
  endif()
  get_filename_component(name "${file}" NAME)
  string(APPEND body "static constexpr char file${index}[] = R\"lawref_embed(${content})lawref_embed\";\n")
  string(APPEND table "    {\"${name}\", {file${index}, sizeof(file${index}) - 1}},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from data files; do not edit.\n#include \"embedded_files.h\"\nnamespace lawref::embedded {\nnamespace {\n${body}const EmbeddedFile files[] = {\n${table}    {{}, {}}};\n}  // namespace\nstd::span<const EmbeddedFile> ${NAME}() { return {files, ${index}}; }\n}  // namespace lawref::embedded\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
