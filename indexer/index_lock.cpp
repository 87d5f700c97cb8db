#include "index_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include "index_builder.h"

namespace lawref {
namespace {

namespace fs = std::filesystem;

// The holder writes its pid into the file, for the message of whoever waits.
long holder_pid(int fd) {
  char buf[32] = {};
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  return n > 0 ? std::strtol(buf, nullptr, 10) : 0;
}

// Still the file at `path`? It is not when the previous holder removed it while we waited.
bool same_file(int fd, const fs::path& path) {
  struct stat held{}, named{};
  return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

std::string minutes_or_seconds(std::chrono::milliseconds d) {
  const auto s = std::chrono::duration_cast<std::chrono::seconds>(d).count();
  return s >= 120 ? std::to_string(s / 60) + " minutes" : std::to_string(s) + " s";
}

}  // namespace

IndexLock::IndexLock(const fs::path& db, std::chrono::milliseconds wait, const std::function<void(long pid)>& waiting) {
  std::error_code ec;
  fs::create_directories(db.parent_path(), ec);
  if (ec) throw IndexError("cannot create " + db.parent_path().string() + ": " + ec.message());
  // One lock per index however its path is spelled (a symlinked home, a relative --db).
  const fs::path folder = fs::weakly_canonical(db.parent_path(), ec);
  path_ = (ec ? db.parent_path() : folder) / (db.filename().string() + ".lock");
  const auto deadline = std::chrono::steady_clock::now() + wait;
  bool told = false;
  for (;;) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw IndexError("cannot create " + path_.string() + ": " + std::strerror(errno));
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (errno == EINTR) continue;
      if (errno != EWOULDBLOCK) {
        const int error = errno;
        ::close(fd_);
        throw IndexError("cannot lock " + path_.string() + ": " + std::strerror(error));
      }
      const long other = holder_pid(fd_);
      if (std::chrono::steady_clock::now() >= deadline) {
        ::close(fd_);
        throw IndexError("another lawref index" + (other ? " (pid " + std::to_string(other) + ")" : std::string()) + " is building " +
                         db.string() + (wait.count() ? " and did not finish within " + minutes_or_seconds(wait) : std::string()) +
                         "; try again when it has finished");
      }
      if (!told && waiting) waiting(other);
      told = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (same_file(fd_, path_)) break;
    ::close(fd_);  // the holder removed it as we got it: lock the new one
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    // Only the waiters' message needs the pid; the lock holds without it.
  }
}

IndexLock::~IndexLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // while still held, so no one locks a file about to vanish
  ::close(fd_);
}

}  // namespace lawref
