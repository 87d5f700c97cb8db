// The memos of lawref's remembering posting sources (remembered_sources.h, remembered_lengths.h),
// one per sub-database. Xapian clones a posting source for each sub-database of the searched
// database and init()s each clone with its own sub-database, whose document ids are its own: a
// memo keyed by document id serves one sub-database and is never shared across them.
#pragma once
#include <map>
#include <set>
#include <string>
#include <xapian.h>

namespace lawref::searching {

// Whether every sub-database of `db` can be told apart by its uuid (Database::get_uuid() joins
// theirs with ':'), so a memo each can be found again: false when one has none (an in-memory
// database) or two share one (the same database named twice).
inline bool shards_told_apart(const Xapian::Database& db) {
  if (db.size() == 1) return true;  // one memo: nothing to tell apart
  const std::string all = db.get_uuid();
  std::set<std::string> seen;
  std::string::size_type from = 0;
  for (;;) {
    const std::string::size_type colon = all.find(':', from);
    const std::string one = all.substr(from, colon == std::string::npos ? std::string::npos : colon - from);
    if (one.empty() || !seen.insert(one).second) return false;
    if (colon == std::string::npos) break;
    from = colon + 1;
  }
  return seen.size() == db.size();
}

// A `Memo` per sub-database, by its uuid (a hard-linked copy of a shard shares it, and its
// documents). References stay valid while the MemoByShard lives (std::map's nodes do not move).
template <class Memo>
class MemoByShard {
 public:
  // The memo of `shard`, the database of one sub-database that a clone's init() is given.
  Memo& of(const Xapian::Database& shard) { return memos_[shard.get_uuid()]; }

 private:
  std::map<std::string, Memo> memos_;
};

}  // namespace lawref::searching
