# CTest (label tools): `cmake --install` into an empty temporary prefix gives the binary, the man
# page, the three completions and the documentation; the installed binary prints the project
# version, looks for its corpus in the install's data folder (and says so when there is none), and
# the generated files are well formed. Needs no statute corpus.
#   cmake -DBUILD_DIR=… -DVERSION=… -DBINDIR=… -DMANDIR=… -DDOCDIR=… -DCORPUS_DIR=…
#         -DBASH_DIR=… -DZSH_DIR=… -DFISH_DIR=… -P install_test.cmake

cmake_policy(VERSION 3.20)
set(tmp "$ENV{TMPDIR}")
if(NOT tmp)
  set(tmp "/tmp")
endif()
string(RANDOM LENGTH 12 suffix)
set(prefix "${tmp}/lawref-install-test-${suffix}")
set(failures "")

function(fail message)
  set(failures "${failures}  ${message}\n" PARENT_SCOPE)
endfunction()

# Runs the command in ARGN: its standard output and error in the two variables, its exit code in run_result.
function(run output_var error_var)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE result)
  set(${output_var} "${out}" PARENT_SCOPE)
  set(${error_var} "${err}" PARENT_SCOPE)
  set(run_result "${result}" PARENT_SCOPE)
endfunction()

# The installed binary must not find a corpus by any route but the ones under test.
set(clean_env "${CMAKE_COMMAND}" -E env --unset=LAWREF_CORPUS --unset=LAWREF_SOURCES --unset=LAWREF_DB
              "LAWREF_HOME=${prefix}/home" NO_COLOR=1)

file(MAKE_DIRECTORY "${prefix}")
run(out err "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
if(NOT run_result EQUAL 0)
  file(REMOVE_RECURSE "${prefix}")
  message(FATAL_ERROR "cmake --install failed (${run_result}):\n${out}${err}")
endif()

set(lawref "${prefix}/${BINDIR}/lawref")
set(man_page "${prefix}/${MANDIR}/man1/lawref.1")
foreach(file IN ITEMS "${lawref}" "${man_page}" "${prefix}/${BASH_DIR}/lawref" "${prefix}/${ZSH_DIR}/_lawref"
                      "${prefix}/${FISH_DIR}/lawref.fish" "${prefix}/${DOCDIR}/README.md" "${prefix}/${DOCDIR}/LICENSE"
                      "${prefix}/${DOCDIR}/CHANGELOG.md")
  if(NOT EXISTS "${file}")
    fail("not installed: ${file}")
  endif()
endforeach()

if(EXISTS "${lawref}")
  # --version is project(VERSION).
  run(out err "${lawref}" --version)
  if(NOT run_result EQUAL 0 OR NOT out STREQUAL "lawref ${VERSION}\n")
    fail("lawref --version printed '${out}${err}' (exit ${run_result}), expected 'lawref ${VERSION}'")
  endif()

  # No corpus anywhere: lawref laws still lists the registry, and says where it looked.
  run(out err ${clean_env} "${lawref}" laws)
  if(NOT run_result EQUAL 0)
    fail("lawref laws without a corpus exited ${run_result}: ${err}")
  endif()
  if(NOT err MATCHES "no statute corpus found; looked in [^\n]*${prefix}/${CORPUS_DIR} \\(the install's data folder\\)")
    fail("lawref laws without a corpus did not say it looked in ${prefix}/${CORPUS_DIR}: ${err}")
  endif()

  # A corpus in the install's data folder is found there.
  file(WRITE "${prefix}/${CORPUS_DIR}/core/测试条例.md"
       "# 测试条例\n\n2020年1月1日通过\n\n第一条 合成测试文本，并非法律原文。\n\n第二条 本条例自2020年1月1日起施行。\n")
  run(out err ${clean_env} "${lawref}" laws)
  if(NOT run_result EQUAL 0 OR err MATCHES "no statute corpus found" OR NOT out MATCHES "测试条例")
    fail("lawref laws did not read the corpus in ${prefix}/${CORPUS_DIR} (exit ${run_result}): ${err}")
  endif()

  # The man page documents every subcommand `lawref --help` lists (main.cpp and docgen.cpp
  # register the same ones).
  run(help err "${lawref}" --help)
  file(READ "${man_page}" man)
  string(REGEX MATCH "Subcommands:\n.*" subcommands "${help}")
  string(REGEX MATCHALL "\n  [a-z][a-z-]*" subcommands "${subcommands}")
  if(NOT subcommands)
    fail("no subcommands found in lawref --help:\n${help}")
  endif()
  foreach(sub IN LISTS subcommands)
    string(STRIP "${sub}" sub)
    if(NOT man MATCHES "\n\\.SS lawref ${sub}\n")
      fail("the man page does not document 'lawref ${sub}'")
    endif()
  endforeach()
endif()

# groff finds nothing to warn about in the man page.
find_program(GROFF groff)
if(GROFF AND EXISTS "${man_page}")
  run(out err "${GROFF}" -k -man -ww -z -Tutf8 "${man_page}")
  if(NOT run_result EQUAL 0 OR NOT err STREQUAL "")
    fail("groff warns about the man page: ${err}")
  endif()
endif()

# The bash completion completes a subcommand, an option's choices and an option.
find_program(BASH bash)
if(BASH AND EXISTS "${prefix}/${BASH_DIR}/lawref")
  file(WRITE "${prefix}/completion_test.bash" [=[
source "$1" || exit 1
COMP_WORDS=(lawref sh); COMP_CWORD=1; _lawref; echo "1:${COMPREPLY[*]}"
COMP_WORDS=(lawref show --lang ''); COMP_CWORD=3; _lawref; echo "2:${COMPREPLY[*]}"
COMP_WORDS=(lawref search --li); COMP_CWORD=2; _lawref; echo "3:${COMPREPLY[*]}"
COMP_WORDS=(lawref export --format = g); COMP_CWORD=4; _lawref; echo "4:${COMPREPLY[*]}"
]=])
  run(out err "${BASH}" "${prefix}/completion_test.bash" "${prefix}/${BASH_DIR}/lawref")
  if(NOT out STREQUAL "1:show\n2:zh en both\n3:--limit\n4:graphml\n")
    fail("bash completion: expected show / zh en both / --limit / graphml, got:\n${out}${err}")
  endif()
endif()

# The zsh and fish completions parse, where those shells are installed.
foreach(shell_and_file IN ITEMS "zsh|${ZSH_DIR}/_lawref" "fish|${FISH_DIR}/lawref.fish")
  string(REPLACE "|" ";" shell_and_file "${shell_and_file}")
  list(GET shell_and_file 0 shell)
  list(GET shell_and_file 1 file)
  find_program(shell_program_${shell} ${shell})
  if(shell_program_${shell} AND EXISTS "${prefix}/${file}")
    run(out err "${shell_program_${shell}}" -n "${prefix}/${file}")
    if(NOT run_result EQUAL 0)
      fail("${shell} -n ${file}: ${out}${err}")
    endif()
  endif()
endforeach()

file(REMOVE_RECURSE "${prefix}")
if(failures)
  message(FATAL_ERROR "install into an empty prefix:\n${failures}")
endif()
message(STATUS "install into an empty prefix: binary, man page, completions and documentation in place; lawref ${VERSION}")
