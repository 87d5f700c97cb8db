// One `lawref index` at a time per index: an exclusive flock(2) on <db>.lock in the index's
// folder. Without it two builds each deleted the other's version and left <db> dangling.
// The kernel drops the lock when its holder exits, however it exits (kill -9 included).
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>

namespace lawref {

class IndexLock {
 public:
  // Takes the lock of `db`, waiting up to `wait` for another build to finish; `waiting`
  // (may be empty) is told the other build's pid, 0 when unknown, before the wait.
  // Throws IndexError when the lock file cannot be made or the wait runs out.
  IndexLock(const std::filesystem::path& db, std::chrono::milliseconds wait, const std::function<void(long pid)>& waiting);
  // Removes the lock file and releases the lock. Safe against waiters: a waiter that then
  // holds the lock of a removed file notices and takes the lock of the new file instead.
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace lawref
