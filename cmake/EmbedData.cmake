# lawref_embed_data(OUT_VAR INPUT NAME): a build rule turning the data file INPUT into a generated
# C++ source that defines `std::string_view NAME()` (see embed.cmake); OUT_VAR receives its path.
function(lawref_embed_data out_var input name)
  get_filename_component(file_name "${input}" NAME)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded_${name}.cpp")
  add_custom_command(
    OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DNAME=${name}
            -P "${CMAKE_SOURCE_DIR}/cmake/embed.cmake"
    DEPENDS "${input}" "${CMAKE_SOURCE_DIR}/cmake/embed.cmake"
    COMMENT "Embedding ${file_name}")
  set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
