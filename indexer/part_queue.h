// The parts of a build written and not yet compacted, handed from the indexing workers to the
// thread that compacts them (index_builder.cpp; bench/xapian_floor.cpp times the same schedule).
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace lawref {

class PartQueue {
 public:
  explicit PartQueue(unsigned workers) : workers_(workers) {}
  void push(unsigned part) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      parts_.push_back(part);
    }
    ready_.notify_one();
  }
  // A worker has no more parts to write (finished or failed).
  void worker_done() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      --workers_;
    }
    ready_.notify_one();
  }
  // The next part written, waiting for one at most `wait`; none if there is none yet, or no more.
  std::optional<unsigned> pop(std::chrono::milliseconds wait) {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait_for(lock, wait, [this] { return workers_ == 0 || !parts_.empty(); });
    if (parts_.empty()) return std::nullopt;
    const unsigned part = parts_.front();
    parts_.pop_front();
    return part;
  }
  // Every part is written and has been taken.
  bool closed() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return workers_ == 0 && parts_.empty();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<unsigned> parts_;
  unsigned workers_;
};

}  // namespace lawref
