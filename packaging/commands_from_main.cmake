# Reads the setup_* calls of query/cli/main.cpp, in order, into an include file for docgen.cpp, so
# that the documentation registers exactly the subcommands the binary registers.
# Usage: cmake -DINPUT=.../main.cpp -DOUTPUT=.../docgen_commands.inc -P commands_from_main.cmake
file(READ "${INPUT}" main)
string(REGEX MATCHALL "cli::setup_[a-z0-9_]+\\(app, *exit_code\\)" calls "${main}")
if(NOT calls)
  message(FATAL_ERROR "${INPUT}: no lawref::cli::setup_*(app, exit_code) calls found; update packaging/commands_from_main.cmake")
endif()
set(text "// Generated from ${INPUT} by packaging/commands_from_main.cmake; do not edit.\n")
foreach(call IN LISTS calls)
  string(REGEX REPLACE "cli::setup_([a-z0-9_]+).*" "\\1" name "${call}")
  string(APPEND text "LAWREF_SETUP(${name})\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "${text}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
