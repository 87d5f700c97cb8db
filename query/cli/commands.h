// One setup function per subcommand (CLI11's subcom_in_files pattern). Each registers its
// options and a callback that stores the command's exit code in `exit_code`; the options
// struct and run_X of each command, for calling it in process, are in cmd_X.h.
#pragma once
#include <CLI/CLI.hpp>

namespace lawref::cli {

void setup_laws(CLI::App& app, int& exit_code);
void setup_check(CLI::App& app, int& exit_code);
void setup_import(CLI::App& app, int& exit_code);
void setup_show(CLI::App& app, int& exit_code);
void setup_index(CLI::App& app, int& exit_code);
void setup_search(CLI::App& app, int& exit_code);
void setup_export(CLI::App& app, int& exit_code);
void setup_xref(CLI::App& app, int& exit_code);
void setup_diff(CLI::App& app, int& exit_code);
void setup_compare(CLI::App& app, int& exit_code);

}  // namespace lawref::cli
