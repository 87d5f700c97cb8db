// lawref: parse the command line, run one command, map failures to documented exit codes, and
// end the process at once (process_exit.h).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <xapian.h>

#include "command_suggestion.h"
#include "commands.h"
#include "common_options.h"
#include "exit_codes.h"
#include "process_exit.h"
#include "citation_parser.h"
#include "registry.h"

namespace {

int run_command(CLI::App& app, int argc, char** argv) {
  app.name("lawref");
  app.require_subcommand(1);
  app.set_version_flag("--version", "lawref " LAWREF_VERSION);
  lawref::cli::check_output();
  int exit_code = lawref::exit_code::kOk;
  lawref::cli::setup_laws(app, exit_code);
  lawref::cli::setup_check(app, exit_code);
  lawref::cli::setup_import(app, exit_code);
  lawref::cli::setup_show(app, exit_code);
  lawref::cli::setup_index(app, exit_code);
  lawref::cli::setup_search(app, exit_code);
  lawref::cli::setup_xref(app, exit_code);
  lawref::cli::setup_compare(app, exit_code);
  lawref::cli::setup_diff(app, exit_code);
  lawref::cli::setup_export(app, exit_code);
  // CLI11 says only "A subcommand is required" for `lawref serach x` and `lawref help`.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string typed = argv[1];
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (typed == "help") {  // `lawref help` and `lawref help show`, as git and cargo take them
      const CLI::App* topic = argc > 2 && std::find(names.begin(), names.end(), argv[2]) != names.end() ? app.get_subcommand(argv[2]) : &app;
      std::cout << topic->help();
      return lawref::cli::finish_output(lawref::exit_code::kOk);
    }
    if (std::find(names.begin(), names.end(), typed) == names.end()) {
      const std::string near = lawref::cli::nearest_command(typed, names);
      std::cerr << "lawref: unknown command '" << lawref::quote_input(typed) << "'"
                << (near.empty() ? "" : "; did you mean '" + near + "'?") << " (see lawref --help)\n";
      return lawref::exit_code::kBadInput;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return lawref::cli::finish_output(app.exit(e));  // --help, --version
    std::cerr << "lawref: " << e.what() << " (see lawref --help)\n";
    return lawref::exit_code::kBadInput;
  } catch (const lawref::RegistryError& e) {
    std::cerr << "lawref: " << e.what() << "\n";
    return lawref::exit_code::kCorpusProblem;
  } catch (const std::filesystem::filesystem_error& e) {
    // The disk or its permissions, not a bug: a folder that cannot be made, a file that cannot be written.
    std::cerr << "lawref: " << (e.path1().empty() ? std::string() : e.path1().string() + ": ") << e.code().message() << "\n";
    return lawref::exit_code::kCorpusProblem;
  } catch (const Xapian::FeatureUnavailableError& e) {
    // A remote index (xapian-tcpsrv) hands out documents only with their term lists, which
    // lawref keeps only when asked to.
    std::cerr << "lawref: cannot read the index: " << e.get_description()
              << "; an index served with xapian-tcpsrv must be built with: lawref index --for-remote\n";
    return lawref::exit_code::kCorpusProblem;
  } catch (const Xapian::Error& e) {
    // The engine's own refusals (a server gone, a network error): the index, not a bug.
    std::cerr << "lawref: cannot read the index: " << e.get_description() << "\n";
    return lawref::exit_code::kCorpusProblem;
  } catch (const std::exception& e) {
    std::cerr << "lawref: internal error: " << e.what() << "\n";
    return lawref::exit_code::kInternal;
  }
  return lawref::cli::finish_output(exit_code);
}

}  // namespace

int main(int argc, char** argv) {
  // Outlives run_command: end_process skips its destruction along with the other teardown.
  CLI::App app{"lawref: Chinese national-security legislation — provision lookup, search and cross-references.\n"
               "Exit codes: 0 ok, 1 not found, 2 bad input, 3 corpus/index problem, 4 internal error."};
  lawref::cli::end_process(run_command(app, argc, argv));
}
