// RememberedValueSource (query/remembered_sources.h) against Xapian's ValueMapPostingSource on a
// database of its own: driven by the same calls, the two must stand on the same documents with the
// same weights, whatever the memo already knows, or a search would rank differently.
#include <catch2/catch.hpp>

#include <memory>
#include <random>
#include <string>
#include <xapian.h>

#include "remembered_sources.h"
#include "remembered_sources_by_shard.h"
#include "same_mset.h"
#include "test_support.h"

using namespace lawref;
using namespace lawref::searching;

namespace {

constexpr Xapian::valueno kSlot = 2;
constexpr const char* kWeighted = "9999-12-31";
constexpr double kWeight = 2.0;
constexpr const char* kTerm = "XJURnational";

// 6,000 documents, enough for many value chunks; every seventh has no value in the slot (gaps
// inside and between chunks), the others the weighted value or another date. `shift` moves the
// pattern (the shards of one database hold different documents).
void build(const std::string& path, int shift = 0) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (int n = 1; n <= 6000; ++n) {
    const int d = n + shift;
    Xapian::Document doc;
    doc.add_term("x", 1 + d % 4);
    if (d % 7 != 0) doc.add_value(kSlot, d % 3 == 0 ? "2014-11-01" : kWeighted);
    if (d % 5 == 0 || (d > 3000 && d < 3400)) doc.add_term(kTerm);  // spread, then a run, then spread again
    db.add_document(doc);
  }
  db.commit();
}

enum class Step { Next, SkipTo, Check };

// One run of `steps` calls on both sources, from a seed; every answer compared.
void compare_run(const Xapian::Database& db, const std::shared_ptr<MemoByShard<DocumentMemo>>& memo, unsigned seed, int steps) {
  Xapian::ValueMapPostingSource plain(kSlot);
  plain.add_mapping(kWeighted, kWeight);
  RememberedValueSource remembered(kSlot, kWeighted, kWeight, memo);
  plain.init(db);
  remembered.init(db);
  REQUIRE(remembered.get_maxweight() == plain.get_maxweight());
  REQUIRE(remembered.get_termfreq_est() == plain.get_termfreq_est());
  REQUIRE(remembered.get_termfreq_min() == plain.get_termfreq_min());
  REQUIRE(remembered.get_termfreq_max() == plain.get_termfreq_max());
  std::mt19937 rng(seed);
  Xapian::docid target = 0;
  bool positioned = false;  // false after a check that did not find its document
  for (int i = 0; i < steps; ++i) {
    const Step step = static_cast<Step>(rng() % 3);
    if (step != Step::Next) target += 1 + rng() % 120;
    if (step == Step::Next && !positioned) continue;  // the matcher moves on only from a known place
    INFO("seed " << seed << ", step " << i << ", target " << target);
    if (step == Step::Next) {
      plain.next(0);
      remembered.next(0);
    } else if (step == Step::SkipTo) {
      plain.skip_to(target, 0);
      remembered.skip_to(target, 0);
    } else {
      const bool a = plain.check(target, 0), b = remembered.check(target, 0);
      REQUIRE(a == b);
      positioned = a;
      if (!a) continue;
    }
    positioned = true;
    REQUIRE(plain.at_end() == remembered.at_end());
    if (plain.at_end()) return;
    REQUIRE(plain.get_docid() == remembered.get_docid());
    target = std::max(target, plain.get_docid());
    REQUIRE(plain.get_weight() == remembered.get_weight());
  }
}

// One run of `steps` calls on a RememberedTermSource, each answer compared with the posting list.
void compare_term_run(const Xapian::Database& db, const std::shared_ptr<MemoByShard<PostingMemo>>& memo, unsigned seed, int steps) {
  RememberedTermSource remembered(kTerm, kWeight, memo);
  remembered.init(db);
  REQUIRE(remembered.get_maxweight() == kWeight);
  REQUIRE(remembered.get_termfreq_est() == db.get_termfreq(kTerm));
  Xapian::PostingIterator postings = db.postlist_begin(kTerm);
  bool started = false;
  std::mt19937 rng(seed);
  Xapian::docid target = 0;
  for (int i = 0; i < steps; ++i) {
    const Step step = static_cast<Step>(rng() % 3);
    INFO("seed " << seed << ", step " << i);
    if (step == Step::Next) {
      if (started) ++postings;
      remembered.next(0);
    } else {
      target = std::max<Xapian::docid>(target, started && postings != db.postlist_end(kTerm) ? *postings : 0) + 1 + rng() % 150;
      postings.skip_to(target);
      if (step == Step::SkipTo) remembered.skip_to(target, 0);
      else REQUIRE(remembered.check(target, 0));  // a posting list always knows where it stands
    }
    started = true;
    const bool end = postings == db.postlist_end(kTerm);
    REQUIRE(remembered.at_end() == end);
    if (end) return;
    REQUIRE(remembered.get_docid() == *postings);
    REQUIRE(remembered.get_weight() == kWeight);
  }
}

}  // namespace

TEST_CASE("A remembered term source stands where the term's posting list does, cold and warm", "[search_parts]") {
  test::TempDir dir;
  const std::string path = (dir.path / "db").string();
  build(path);
  const Xapian::Database db(path);
  auto memos = std::make_shared<MemoByShard<PostingMemo>>();
  for (unsigned seed = 1; seed <= 40; ++seed) compare_term_run(db, memos, seed, 300);
  for (unsigned seed = 1; seed <= 10; ++seed) compare_term_run(db, memos, seed, 300);
  const PostingMemo* memo = &memos->of(db);
  // What it learnt is where the posting list goes: for every document it knows, the first
  // document at or after it with the term (kNone past the last one).
  int known = 0, members = 0;
  for (Xapian::docid d = 1; d <= 6000; ++d) {
    const Xapian::docid next = memo->next_at(d);
    if (next == PostingMemo::kUnknown) continue;
    ++known;
    Xapian::PostingIterator p = db.postlist_begin(kTerm);
    p.skip_to(d);
    INFO("document " << d);
    CHECK(next == (p == db.postlist_end(kTerm) ? PostingMemo::kNone : *p));
    if (next == d) ++members;
  }
  CHECK(known > 3000);
  CHECK(members > 500);
  RememberedTermSource gives_up(kTerm, kWeight, memos);
  gives_up.init(db);
  gives_up.next(kWeight + 1);
  CHECK(gives_up.at_end());
}

TEST_CASE("A remembered value source answers as ValueMapPostingSource, cold and warm", "[search_parts]") {
  test::TempDir dir;
  const std::string path = (dir.path / "db").string();
  build(path);
  const Xapian::Database db(path);
  auto memos = std::make_shared<MemoByShard<DocumentMemo>>();
  for (unsigned seed = 1; seed <= 40; ++seed) compare_run(db, memos, seed, 400);  // the memo fills as the runs go
  // Everything known by now: every answer from the memo must still agree.
  for (unsigned seed = 1; seed <= 10; ++seed) compare_run(db, memos, seed, 400);
  const DocumentMemo* memo = &memos->of(db);
  // What it remembers is what the documents hold; a document without a value is never remembered.
  int weighted = 0, other = 0;
  for (Xapian::docid d = 1; d <= 6000; ++d) {
    const DocumentMemo::Known k = memo->at(d);
    if (d % 7 == 0) {
      CHECK(k == DocumentMemo::Known::Unknown);
    } else if (k == DocumentMemo::Known::Weighted) {
      ++weighted;
      CHECK(d % 3 != 0);
    } else if (k == DocumentMemo::Known::Other) {
      ++other;
      CHECK(d % 3 == 0);
    }
  }
  CHECK(weighted > 1000);
  CHECK(other > 500);
}

TEST_CASE("A remembered value source gives up, as Xapian's does, when no weight can reach the minimum", "[search_parts]") {
  test::TempDir dir;
  const std::string path = (dir.path / "db").string();
  build(path);
  const Xapian::Database db(path);
  RememberedValueSource remembered(kSlot, kWeighted, kWeight, std::make_shared<MemoByShard<DocumentMemo>>());
  remembered.init(db);
  remembered.skip_to(10, 0);
  REQUIRE_FALSE(remembered.at_end());
  CHECK(remembered.get_docid() == 10);
  CHECK(remembered.get_weight() == kWeight);
  remembered.next(kWeight + 1);
  CHECK(remembered.at_end());
}

TEST_CASE("Remembered boosts rank a database of several shards as Xapian's own, with a memo per shard", "[search_parts]") {
  // Xapian clones a source per sub-database and init()s each with its own: shared memos would
  // mix their document ids (the bug of main's 70fee6f). Three shards of different documents.
  test::TempDir dir;
  Xapian::Database shards;
  for (const int shift : {0, 1, 5}) {
    const std::string path = (dir.path / ("s" + std::to_string(shift))).string();
    build(path, shift);
    shards.add_database(Xapian::Database(path));
  }
  REQUIRE(shards_told_apart(shards));
  const auto in_force = std::make_shared<MemoByShard<DocumentMemo>>();
  const auto national = std::make_shared<MemoByShard<PostingMemo>>();
  const auto boosted = [&](bool remembered) {
    Xapian::Query force, nation;
    if (remembered) {
      force = Xapian::Query((new RememberedValueSource(kSlot, kWeighted, kWeight, in_force))->release());
      nation = Xapian::Query((new RememberedTermSource(kTerm, 1.5, national))->release());
    } else {
      auto* plain = new Xapian::ValueMapPostingSource(kSlot);
      plain->add_mapping(kWeighted, kWeight);
      force = Xapian::Query(plain->release());
      nation = Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query((new Xapian::FixedWeightPostingSource(1.5))->release()), Xapian::Query(kTerm));
    }
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query("x"), force), nation);
  };
  for (int pass = 0; pass < 2; ++pass)  // memos empty, then filled
    for (const Xapian::doccount size : {10u, 100u, 20000u}) {
      INFO("pass " << pass << ", size " << size);
      Xapian::Enquire plain(shards), remembered(shards);
      plain.set_query(boosted(false));
      remembered.set_query(boosted(true));
      test::require_same_mset(plain.get_mset(0, size), remembered.get_mset(0, size));
    }
  // Each shard's memos hold what that shard's documents hold, by its own document ids.
  for (const int shift : {0, 1, 5}) {
    INFO("shard " << shift);
    const Xapian::Database shard((dir.path / ("s" + std::to_string(shift))).string());
    const DocumentMemo& values = in_force->of(shard);
    const PostingMemo& postings = national->of(shard);
    int known = 0;
    for (Xapian::docid did = 1; did <= 6000; ++did) {
      const int d = static_cast<int>(did) + shift;
      if (const DocumentMemo::Known k = values.at(did); k != DocumentMemo::Known::Unknown) {
        ++known;
        CHECK(d % 7 != 0);
        CHECK((k == DocumentMemo::Known::Weighted) == (d % 3 != 0));
      }
      if (postings.next_at(did) == did) CHECK((d % 5 == 0 || (d > 3000 && d < 3400)));
    }
    CHECK(known > 1000);
  }
}
