#include "implementation_alignment_parents.h"

namespace lawref::links {

std::size_t PreparedParent::bytes() const {
  std::size_t n = units.capacity() * sizeof(ParentUnit) + first_uses.bytes();
  for (const ParentUnit& u : units) n += u.zh.capacity() * sizeof(char32_t) + u.en.capacity();
  return n;
}

void PreparedParents::expect(const LawText& parent, const LawText* english) {
  Entry* entry = nullptr;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    entry = &entries_[{&parent, english}];
  }
  // An entry's lock is never taken with mutex_ held (get takes mutex_ with it held).
  const std::lock_guard<std::mutex> making(entry->making);
  ++entry->uses_left;
}

std::shared_ptr<const PreparedParent> PreparedParents::get(const LawText& parent, const LawText* english,
                                                           const std::function<PreparedParent()>& prepare) {
  Entry* entry = nullptr;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = entries_.find({&parent, english});
    if (it != entries_.end()) entry = &it->second;
  }
  if (entry) {
    // Entries are never erased, so `entry` stays valid; its own lock lets other laws be prepared
    // meanwhile, and counts the uses in the order they are served.
    const std::lock_guard<std::mutex> making(entry->making);
    if (entry->uses_left > 0) {
      --entry->uses_left;
      if (entry->value) {
        std::shared_ptr<const PreparedParent> value = entry->value;
        if (entry->uses_left == 0) forget(*entry);  // the caller's copy lives as long as its alignment
        return value;
      }
      auto value = std::make_shared<const PreparedParent>(prepare());
      if (entry->uses_left > 0 && keep(value->bytes())) {
        entry->value = value;
        entry->bytes = value->bytes();
      }
      return value;
    }
  }
  return std::make_shared<const PreparedParent>(prepare());  // not expected (again): nothing to share
}

bool PreparedParents::keep(std::size_t bytes) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (kept_bytes_ + bytes > budget_) return false;
  kept_bytes_ += bytes;
  ++kept_;
  return true;
}

void PreparedParents::forget(Entry& entry) {
  entry.value.reset();
  const std::lock_guard<std::mutex> lock(mutex_);
  kept_bytes_ -= entry.bytes;
  --kept_;
  entry.bytes = 0;
}

std::size_t PreparedParents::kept_bytes() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return kept_bytes_;
}

std::size_t PreparedParents::kept() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return kept_;
}

}  // namespace lawref::links
