// Helpers shared by the tests: the real corpus location, temporary folders, running the CLI
// (and other programs) without a shell.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "index_builder.h"
#include "index_store.h"
#include "model.h"
#include "search.h"

namespace lawref::test {

// ../shared/corpus/core (or $LAWREF_CORPUS/core): the real statutes, never copied here.
std::filesystem::path core_dir();
std::filesystem::path local_dir();  // ../shared/corpus/local: provincial regulations
std::filesystem::path lawrefbook_dir();
std::filesystem::path core_file(const std::string& law_id);  // core_dir()/<id>.zh.md

// The provision ids of the first page (10 hits) `searcher` gives for `query`, in order.
std::vector<std::string> page_ids(Searcher& searcher, const std::string& query);

// A synthetic statute (a test's own text) parsed as law `id`; throws std::runtime_error when it
// does not parse.
LawText parse_law(const std::string& id, const std::string& text);

// A fresh empty folder under the system temp dir, removed when the object dies.
struct TempDir {
  std::filesystem::path path;
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;
};

// An index of `sources` built into a fresh temporary folder, and opened.
struct TestIndex {
  TempDir dir;
  std::filesystem::path db = dir.path / "index";
  IndexSummary summary;
  std::unique_ptr<IndexStore> store;
  explicit TestIndex(std::vector<std::filesystem::path> sources);
};

// What a run of a program gave: its exit code (-1 when a signal ended it, which is then in
// `signal`), and its standard output and error, each captured on its own.
struct CommandResult {
  int exit_code = -1;
  int signal = 0;
  std::string out;
  std::string err;
};

// Variables set for a run, on top of this process's environment (an empty value sets the
// variable to the empty string; it does not unset it).
using Env = std::vector<std::pair<std::string, std::string>>;

// How a program is run. No shell is involved: arguments reach the program exactly as given.
struct RunOptions {
  Env env;
  std::string stdin_text;                 // fed to its standard input (then end of file)
  int stdin_fd = -1;                      // instead of stdin_text: standard input is this descriptor (a terminal)
  std::vector<std::string> wrapper;       // a command that runs the program, e.g. {"setpriv", "--inh-caps=…"}
  std::filesystem::path stdout_path;      // instead of capturing: standard output into this file or device
  std::filesystem::path stderr_path;      // instead of capturing: standard error into this file (readable while it runs)
  int stdout_fd = -1;                     // instead of capturing: standard output is this descriptor
  bool ignore_sigpipe = false;            // start it with SIGPIPE ignored (as some parents leave it), else the default
};

// A program started with fork/execve and running; wait() collects its output and exit status.
// A process never waited for is killed and reaped when the object dies.
class Process {
 public:
  // argv[0] is a path or a name looked up in $PATH; throws std::runtime_error if it cannot start.
  Process(const std::vector<std::string>& argv, const RunOptions& options);
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  long pid() const { return pid_; }
  CommandResult wait();

 private:
  long pid_ = -1;
  int out_ = -1, err_ = -1;  // read ends of the capture pipes, or -1
};

// Runs argv to completion (see Process).
CommandResult run_command(const std::vector<std::string>& argv, const RunOptions& options = {});

// Runs the lawref binary with `args`, each one argument as given:
//   run_lawref({"show", "反间谍法第十四条", "--json"}, home_env)
CommandResult run_lawref(const std::vector<std::string>& args, const Env& env = {}, const std::string& stdin_text = "");
CommandResult run_lawref(const std::vector<std::string>& args, const RunOptions& options);

// argv of the lawref binary with `args` (for Process).
std::vector<std::string> lawref_argv(const std::vector<std::string>& args);

// The file `name` would run as (a path as it is; a bare name looked up in $PATH), if any.
std::optional<std::filesystem::path> find_program(const std::string& name);

// UTF-8 -> a legacy charset, through ICU (for encoding tests).
std::string encode_as(const std::string& utf8, const char* charset);

}  // namespace lawref::test
