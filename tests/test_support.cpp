#include "test_support.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unicode/ucnv.h>

#include "file_io.h"
#include "paths.h"
#include "statute_parser.h"

namespace lawref::test {

std::vector<std::string> page_ids(Searcher& searcher, const std::string& query) {
  SearchOptions o;
  o.query = query;
  o.limit = 10;
  std::vector<std::string> out;
  for (const auto& h : searcher.search(o).hits) out.push_back(h.id);
  return out;
}

LawText parse_law(const std::string& id, const std::string& text) {
  ParseResult r = parse_statute(text);
  if (!r.ok()) throw std::runtime_error("synthetic statute " + id + " does not parse");
  r.law.law_id = id;
  return r.law;
}

std::filesystem::path core_dir() { return paths::corpus_root() / "core"; }
std::filesystem::path local_dir() { return paths::corpus_root() / "local"; }
std::filesystem::path lawrefbook_dir() { return paths::corpus_root() / "lawrefbook"; }
std::filesystem::path core_file(const std::string& law_id) { return core_dir() / (law_id + ".zh.md"); }

TempDir::TempDir() {
  std::random_device rd;
  path = std::filesystem::temp_directory_path() / ("lawref-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& bytes) const {
  const std::filesystem::path p = path / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

TestIndex::TestIndex(std::vector<std::filesystem::path> sources) {
  IndexOptions o;
  o.catalog.sources = std::move(sources);
  o.db = db;
  summary = build_index(Registry::builtin(), o);
  store = std::make_unique<IndexStore>(db);
}

namespace {

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + std::strerror(errno)); }

// Closes a descriptor once (or never, for -1).
void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// The descriptor moved to 3 or above if it is 0, 1 or 2 (which a parent started without them
// hands out), so that putting the child's standard streams in place never overwrites another.
int above_stdio(int fd) {
  if (fd < 0 || fd > 2) return fd;
  const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (moved < 0) fail("fcntl");
  ::close(fd);
  return moved;
}

// NAME=value strings: this process's environment with `env` laid over it.
std::vector<std::string> environment_with(const Env& env) {
  std::vector<std::string> out;
  for (char** e = environ; *e; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    if (std::none_of(env.begin(), env.end(), [&](const auto& v) { return v.first == name; })) out.push_back(entry);
  }
  for (const auto& [name, value] : env) out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// An anonymous file holding `text`, positioned at its start.
int memory_file(const std::string& text) {
  const int fd = ::memfd_create("lawref-test-stdin", MFD_CLOEXEC);
  if (fd < 0) fail("memfd_create");
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno != EINTR) fail("writing standard input");
    if (n > 0) done += static_cast<std::size_t>(n);
  }
  if (::lseek(fd, 0, SEEK_SET) != 0) fail("lseek");
  return fd;
}

int open_for_writing(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("open " + path.string());
  return fd;
}

}  // namespace

std::optional<std::filesystem::path> find_program(const std::string& name) {
  if (name.empty()) return std::nullopt;
  if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0 ? std::optional<std::filesystem::path>(name) : std::nullopt;
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : dir) / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

Process::Process(const std::vector<std::string>& command, const RunOptions& options) {
  std::vector<std::string> argv = options.wrapper;
  argv.insert(argv.end(), command.begin(), command.end());
  if (argv.empty()) throw std::runtime_error("no program to run");
  const auto program = find_program(argv[0]);
  if (!program) throw std::runtime_error(argv[0] + ": no such program");
  // Everything the child needs is made here: between fork and exec it only moves descriptors.
  const std::string program_path = program->string();
  std::vector<std::string> env = environment_with(options.env);
  std::vector<char*> argv_p = pointers(argv), env_p = pointers(env);

  int in = -1;
  if (options.stdin_fd >= 0) {
    in = ::fcntl(options.stdin_fd, F_DUPFD_CLOEXEC, 3);
    if (in < 0) fail("fcntl");
  } else {
    in = above_stdio(memory_file(options.stdin_text));
  }
  int out_write = -1, err_write = -1;
  int pipe_fds[2];
  if (options.stdout_fd >= 0) {
    out_write = ::fcntl(options.stdout_fd, F_DUPFD_CLOEXEC, 3);
    if (out_write < 0) fail("fcntl");
  } else if (!options.stdout_path.empty()) {
    out_write = above_stdio(open_for_writing(options.stdout_path));
  } else {
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) fail("pipe");
    out_ = above_stdio(pipe_fds[0]);
    out_write = above_stdio(pipe_fds[1]);
  }
  if (!options.stderr_path.empty()) {
    err_write = above_stdio(open_for_writing(options.stderr_path));
  } else {
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) fail("pipe");
    err_ = above_stdio(pipe_fds[0]);
    err_write = above_stdio(pipe_fds[1]);
  }

  const pid_t pid = ::fork();
  if (pid < 0) fail("fork");
  if (pid == 0) {
    // Only async-signal-safe calls here. dup2 clears close-on-exec on the copies; every other
    // descriptor made above closes at exec.
    if (::dup2(in, STDIN_FILENO) < 0 || ::dup2(out_write, STDOUT_FILENO) < 0 || ::dup2(err_write, STDERR_FILENO) < 0) ::_exit(127);
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGPIPE, options.ignore_sigpipe ? SIG_IGN : SIG_DFL);
    ::execve(program_path.c_str(), argv_p.data(), env_p.data());
    ::_exit(127);
  }
  pid_ = pid;
  close_fd(in);
  close_fd(out_write);
  close_fd(err_write);
}

Process::~Process() {
  if (pid_ > 0) {
    ::kill(static_cast<pid_t>(pid_), SIGKILL);
    ::waitpid(static_cast<pid_t>(pid_), nullptr, 0);
  }
  close_fd(out_);
  close_fd(err_);
}

CommandResult Process::wait() {
  if (pid_ <= 0) throw std::logic_error("Process::wait called twice");
  CommandResult r;
  // Both pipes are drained together: a child that fills one while we wait on the other would stall.
  std::string* sinks[2] = {&r.out, &r.err};
  int* fds[2] = {&out_, &err_};
  char buffer[65536];
  while (out_ >= 0 || err_ >= 0) {
    pollfd polled[2] = {};
    nfds_t n = 0;
    int which[2] = {0, 0};
    for (int k = 0; k < 2; ++k)
      if (*fds[k] >= 0) {
        polled[n] = {*fds[k], POLLIN, 0};
        which[n++] = k;
      }
    if (::poll(polled, n, -1) < 0) {
      if (errno == EINTR) continue;
      fail("poll");
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (!(polled[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t got = ::read(polled[i].fd, buffer, sizeof buffer);
      if (got > 0) sinks[which[i]]->append(buffer, static_cast<std::size_t>(got));
      else if (got == 0 || errno != EINTR) close_fd(*fds[which[i]]);
    }
  }
  int status = 0;
  while (::waitpid(static_cast<pid_t>(pid_), &status, 0) < 0)
    if (errno != EINTR) fail("waitpid");
  pid_ = -1;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

CommandResult run_command(const std::vector<std::string>& argv, const RunOptions& options) { return Process(argv, options).wait(); }

std::vector<std::string> lawref_argv(const std::vector<std::string>& args) {
  std::vector<std::string> argv{LAWREF_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

CommandResult run_lawref(const std::vector<std::string>& args, const RunOptions& options) { return run_command(lawref_argv(args), options); }

CommandResult run_lawref(const std::vector<std::string>& args, const Env& env, const std::string& stdin_text) {
  RunOptions options;
  options.env = env;
  options.stdin_text = stdin_text;
  return run_lawref(args, options);
}

std::string encode_as(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ucnv_convert: ") + u_errorName(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace lawref::test
