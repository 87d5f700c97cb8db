# lawref_catch_tests(TARGET TIMEOUT seconds GROUPS "labels|spec|environment"...)
#
# One CTest test per Catch2 TEST_CASE of TARGET, discovered after each build (like Catch's own
# catch_discover_tests), each labelled by the group of tags it falls in. Every group is a Catch test
# spec (juxtaposition is AND, ',' is OR, '~' is NOT) with its CTest labels (separated by ',') and
# an environment (VAR=value, or empty) for its tests. The discovery fails the build when a TEST_CASE
# falls in no group or in two, so every TEST_CASE is exactly one test with its labels.
#
# Unlike Catch 2.13's CatchAddTests.cmake, names with ';' are kept whole (CatchAddTests splits them
# into two tests that match nothing and pass); a ';' in a name shows as ',' in the CTest name.
set(LAWREF_CATCH_DISCOVER_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/catch_tests_discover.cmake")

function(lawref_catch_tests target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TIMEOUT" "GROUPS")
  set(config "${CMAKE_CURRENT_BINARY_DIR}/${target}_groups.cmake")
  set(tests_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_tests.cmake")
  set(include_file "${CMAKE_CURRENT_BINARY_DIR}/${target}_include.cmake")
  # The settings go to a file, so that specs with brackets, commas and tildes reach the script intact.
  set(text "set(working_dir [==[${CMAKE_CURRENT_BINARY_DIR}]==])\nset(timeout [==[${arg_TIMEOUT}]==])\nset(groups)\n")
  foreach(group IN LISTS arg_GROUPS)
    string(APPEND text "list(APPEND groups [==[${group}]==])\n")
  endforeach()
  file(WRITE "${config}" "${text}")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND "${CMAKE_COMMAND}" "-DEXECUTABLE=$<TARGET_FILE:${target}>" "-DCONFIG=${config}" "-DOUTPUT=${tests_file}"
            -P "${LAWREF_CATCH_DISCOVER_SCRIPT}"
    BYPRODUCTS "${tests_file}"
    VERBATIM)
  file(WRITE "${include_file}"
    "if(EXISTS \"${tests_file}\")\n  include(\"${tests_file}\")\nelse()\n  add_test(${target}_NOT_BUILT ${target}_NOT_BUILT)\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include_file}")
endfunction()
