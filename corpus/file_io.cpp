#include "file_io.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace lawref {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, const std::string& what) { throw FileError(path, what); }
[[noreturn]] void fail_errno(const fs::path& path, const std::string& what, int error) {
  fail(path, what.empty() ? std::string(std::strerror(error)) : what + " (" + std::strerror(error) + ")");
}

fs::file_type type_of(mode_t mode) {
  if (S_ISREG(mode)) return fs::file_type::regular;
  if (S_ISDIR(mode)) return fs::file_type::directory;
  if (S_ISCHR(mode)) return fs::file_type::character;
  if (S_ISBLK(mode)) return fs::file_type::block;
  if (S_ISFIFO(mode)) return fs::file_type::fifo;
  if (S_ISSOCK(mode)) return fs::file_type::socket;
  return fs::file_type::unknown;
}

// Closes on every path out of a function.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// The file a chain of symlinks ends at (it need not exist). Bounded like the kernel's
// resolution, so a loop is an error rather than a hang.
fs::path follow_symlinks(fs::path path) {
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(path, ec))) return path;
    const fs::path target = fs::read_symlink(path, ec);
    if (ec) fail(path, "cannot read the symlink (" + ec.message() + ")");
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  fail_errno(path, "", ELOOP);
}

// "123" of NAME.tmp-123, or 0.
pid_t temporary_owner(const std::string& name) {
  const std::size_t at = name.rfind(".tmp-");
  if (at == std::string::npos || at + 5 == name.size()) return 0;
  pid_t pid = 0;
  for (std::size_t i = at + 5; i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || pid > 100000000) return 0;
    pid = pid * 10 + (name[i] - '0');
  }
  return pid;
}

}  // namespace

std::string describe_file_type(fs::file_type type) {
  switch (type) {
    case fs::file_type::regular: return "a regular file";
    case fs::file_type::directory: return "a directory";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::fifo: return "a FIFO (named pipe)";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::symlink: return "a symlink";
    case fs::file_type::not_found: return "missing";
    default: return "not a regular file";
  }
}

std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  Fd in{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (in.fd < 0) fail_errno(path, "cannot open", errno);
  struct stat st{};
  if (::fstat(in.fd, &st) != 0) fail_errno(path, "cannot read", errno);
  if (S_ISDIR(st.st_mode)) fail(path, "is a directory");
  if (!S_ISREG(st.st_mode)) fail(path, "is " + describe_file_type(type_of(st.st_mode)) + ", not a regular file");
  const auto size = static_cast<std::uintmax_t>(st.st_size);
  if (size > max_bytes) fail(path, "too large (" + std::to_string(size) + " bytes)");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::read(in.fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail_errno(path, "read failed", errno);
    if (n == 0) break;  // shrank while being read
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

void write_file_atomic(const fs::path& path, std::string_view data) {
  const fs::path target = follow_symlinks(path);
  struct stat existing{};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (!exists && errno != ENOENT) fail_errno(target, "cannot write", errno);
  if (exists && S_ISDIR(existing.st_mode)) fail_errno(target, "cannot write", EISDIR);
  if (exists && !S_ISREG(existing.st_mode))
    fail(target, "is " + describe_file_type(type_of(existing.st_mode)) + "; lawref replaces only regular files");
  std::error_code ec;
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec) fail(target.parent_path(), ec.message());
  }
  fs::path tmp = target;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    Fd out{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)};
    if (out.fd < 0) fail_errno(tmp, "cannot create", errno);
    auto abandon = [&](const char* what, int error) {
      fs::remove(tmp, ec);
      fail_errno(target, what, error);
    };
    for (std::size_t done = 0; done < data.size();) {
      const ssize_t n = ::write(out.fd, data.data() + done, data.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) abandon("write failed", errno);
      done += static_cast<std::size_t>(n);
    }
    if (exists && ::fchmod(out.fd, existing.st_mode & 07777) != 0) abandon("cannot keep its permissions", errno);
    // On disk before the rename: a crash then leaves the old file or the new one, never an empty one.
    if (::fsync(out.fd) != 0) abandon("write failed", errno);
    const int fd = out.fd;
    out.fd = -1;
    if (::close(fd) != 0) abandon("write failed", errno);
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    fs::remove(tmp, ec);
    fail_errno(target, "cannot replace", error);
  }
}

std::size_t remove_stale_temporaries(const fs::path& dir) {
  std::size_t removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const pid_t owner = temporary_owner(it->path().filename().string());
    if (owner <= 0 || owner == ::getpid() || !it->is_regular_file(ec)) continue;
    // kill(pid, 0) probes without signalling: ESRCH means no such process, so no writer.
    if (::kill(owner, 0) == 0 || errno != ESRCH) continue;
    std::error_code rm;
    if (fs::remove(it->path(), rm)) ++removed;
  }
  return removed;
}

}  // namespace lawref
