// TierBatches (query/search_batches.h): a tier's batches of 32, 64, 128, 256… candidates, the
// first three from one Xapian match. On databases with fewer, as many and more matching documents
// than the first match holds, the batches must give the ranks in order, each once, and say which
// batch is the last (the one reaching the end; an empty one after it when that was full).
#include <catch2/catch.hpp>

#include <string>
#include <vector>
#include <xapian.h>

#include "search_batches.h"

using namespace lawref::searching;

namespace {

// `matching` documents with the term "x", each with a distinct weight (its wdf), between
// documents without it.
Xapian::WritableDatabase database(int matching) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int d = 1; d <= matching; ++d) {
    Xapian::Document doc;
    doc.add_term("x", static_cast<Xapian::termcount>(d));
    doc.add_term("filler", 1);
    db.add_document(doc);
    db.add_document(Xapian::Document());
  }
  return db;
}

}  // namespace

TEST_CASE("Tier batches give every rank once, in order, and end where the matches end", "[search_parts]") {
  for (const int matching : {0, 5, 31, 32, 33, 96, 223, 224, 225, 480, 1000}) {
    INFO(matching << " matching documents");
    const Xapian::WritableDatabase db = database(matching);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("x"));
    const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
    REQUIRE(all.size() == static_cast<Xapian::doccount>(matching));

    TierBatches batches(enquire, 32);
    std::vector<Xapian::docid> seen;
    std::size_t matches = 0, expected_size = 32;
    for (int k = 0;; ++k) {
      REQUIRE(k < 10);
      CHECK(batches.batch() == expected_size);
      const TierBatches::Batch b = batches.next(matches);
      std::size_t size = 0;
      for (auto it = b.begin; it != b.end; ++it, ++size) seen.push_back(*it);
      CHECK(size == b.size);
      CHECK(b.estimated >= seen.size());
      // The last batch is the one that reaches the end, unless that one was full (the match had
      // as many documents as asked for): then the empty batch after it.
      const bool at_end = seen.size() == static_cast<std::size_t>(matching);
      if (b.last) CHECK(at_end);
      else CHECK((!at_end || b.size == expected_size));
      if (b.last) break;
      expected_size *= 2;
    }
    std::vector<Xapian::docid> ranked;
    for (auto it = all.begin(); it != all.end(); ++it) ranked.push_back(*it);
    CHECK(seen == ranked);
    // The batches of 32, 64 and 128 (224 ranks) come from one match; each later batch from its own.
    const std::size_t later = matching < 224 ? 0 : matching < 480 ? 1 : matching < 992 ? 2 : 3;
    CHECK(matches == 1 + later);
  }
}

TEST_CASE("Tier batches for one batch only rank no more than that batch, and go on correctly", "[search_parts]") {
  for (const int matching : {0, 20, 32, 33, 300}) {
    INFO(matching << " matching documents");
    const Xapian::WritableDatabase db = database(matching);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("x"));
    const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());

    TierBatches batches(enquire, 32, 1);
    std::size_t matches = 0;
    const TierBatches::Batch first = batches.next(matches);
    CHECK(matches == 1);
    CHECK(first.size == std::min<std::size_t>(32, static_cast<std::size_t>(matching)));
    std::size_t k = 0;
    for (auto it = first.begin; it != first.end; ++it, ++k) CHECK(*it == *all[static_cast<Xapian::doccount>(k)]);
    // A match asked for 32 that returned 32 cannot know it was the last.
    CHECK(first.last == (matching < 32));
    // A caller that reads on anyway gets the next ranks from a match of their own.
    const TierBatches::Batch second = batches.next(matches);
    CHECK(matches == 2);
    CHECK(second.size == (matching > 32 ? std::min<std::size_t>(64, static_cast<std::size_t>(matching) - 32) : 0));
    if (second.size) CHECK(*second.begin == *all[32]);
  }
}

TEST_CASE("A first batch larger than the base ends where it must; the batches after it end where they would have", "[search_parts]") {
  // The search's first batch holds 64 documents (an article's two languages are added up there),
  // its batches a base of 32: 64, then 32 (to 96), 128 (to 224) from the same match, then 256 (to 480).
  for (const int matching : {0, 40, 64, 65, 96, 224, 225, 600}) {
    INFO(matching << " matching documents");
    const Xapian::WritableDatabase db = database(matching);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("x"));
    const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
    TierBatches batches(enquire, 32, 3, 64);
    const std::size_t sizes[] = {64, 32, 128, 256, 512};
    std::vector<Xapian::docid> seen;
    std::size_t matches = 0;
    for (std::size_t k = 0;; ++k) {
      REQUIRE(k < 5);
      CHECK(batches.batch() == sizes[k]);
      const TierBatches::Batch b = batches.next(matches);
      for (auto it = b.begin; it != b.end; ++it) seen.push_back(*it);
      if (b.last) break;
    }
    std::vector<Xapian::docid> ranked;
    for (auto it = all.begin(); it != all.end(); ++it) ranked.push_back(*it);
    CHECK(seen == ranked);
    CHECK(matches == (matching < 224 ? 1u : matching < 480 ? 2u : 3u));
  }
  // Read for its first batch only, the match ranks that batch: 64 documents.
  const Xapian::WritableDatabase db = database(300);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("x"));
  TierBatches one(enquire, 32, 1, 64);
  std::size_t matches = 0;
  CHECK(one.next(matches).size == 64);
  CHECK(matches == 1);
}

TEST_CASE("Tier batches of a base of 0 are batches of 1, not an endless loop", "[search_parts]") {
  const Xapian::WritableDatabase db = database(5);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("x"));
  TierBatches batches(enquire, 0);
  std::size_t matches = 0, seen = 0;
  for (int k = 0; k < 10; ++k) {
    const TierBatches::Batch b = batches.next(matches);
    seen += b.size;
    if (b.last) break;
  }
  CHECK(seen == 5);
}
