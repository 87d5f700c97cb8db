// RememberedLengthTerm and RememberedLengthSynonym (query/remembered_lengths.h) against Xapian's own
// BM25 terms and synonyms: on the index of
// the real core and local statutes, every query shape a search builds, with the lengths unread and
// read, must return the same documents with the same weights to the last bit, the same estimates
// and the same bound, or a search would rank or count differently.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

#include "index_parts.h"
#include "remembered_lengths.h"
#include "same_mset.h"
#include "test_support.h"

using namespace lawref;
using namespace lawref::searching;

namespace {

// The index of the real statutes in both layouts a search meets: as one database (compacted
// from the served one), and as served, a stub naming a metadata part and its shards, whose
// sub-databases each weigh their own documents with the whole database's statistics.
const std::vector<Xapian::Database>& layouts() {
  static test::TestIndex index({test::core_dir(), test::local_dir()});
  static const std::vector<Xapian::Database> both = [] {
    const std::string path = (index.dir.path / "one").string();
    index.store->database().compact(path);
    return std::vector<Xapian::Database>{Xapian::Database(path), index.store->database()};
  }();
  return both;
}

// `q` as Xapian runs it against `q` with remembered lengths, at one match size.
void require_same_match(const Xapian::Database& db, const Xapian::Query& q, const std::shared_ptr<LengthMemo>& memo, Xapian::doccount size) {
  const Xapian::Query remembered = with_remembered_lengths(q, db, memo);
  Xapian::Enquire plain(db), with_memo(db);
  plain.set_query(q);
  with_memo.set_query(remembered);
  plain.set_weighting_scheme(Xapian::BM25Weight());
  with_memo.set_weighting_scheme(Xapian::BM25Weight());
  const Xapian::MSet a = plain.get_mset(0, size);
  const Xapian::MSet b = with_memo.get_mset(0, size);
  INFO(q.get_description() << " at " << size);
  test::require_same_mset(a, b);
}

// Terms of the index from rare to frequent: every `step`-th of its terms.
std::vector<std::string> sample_terms(const Xapian::Database& db, std::size_t step) {
  std::vector<std::string> out;
  std::size_t k = 0;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t, ++k)
    if (k % step == 0) out.push_back(*t);
  return out;
}

}  // namespace

TEST_CASE("a remembered-length term weighs, bounds and counts as Xapian's own term", "[remembered_lengths][search]") {
  for (const Xapian::Database& db : layouts()) {
    INFO("sub-databases: " << db.size());
    const std::vector<std::string> terms = sample_terms(db, 97);
    REQUIRE(terms.size() > 100);
    auto memo = std::make_shared<LengthMemo>();
    for (int pass = 0; pass < 2; ++pass)  // lengths unread, then read
      for (const std::string& t : terms)
        for (const Xapian::doccount size : {10u, 224u, 100000u}) require_same_match(db, Xapian::Query(t), memo, size);
  }
}

TEST_CASE("a remembered-length synonym weighs, bounds and counts as Xapian's own synonym", "[remembered_lengths][search]") {
  for (const Xapian::Database& db : layouts()) {
    INFO("sub-databases: " << db.size());
    const std::vector<std::string> terms = sample_terms(db, 89);
    REQUIRE(terms.size() > 100);
    auto memo = std::make_shared<LengthMemo>();
    std::size_t replaced = 0;
    for (int pass = 0; pass < 2; ++pass)
      for (std::size_t k = 0; k + 2 < terms.size(); k += 3) {
        // Two and three terms, rare and frequent together.
        const std::vector<Xapian::Query> three = {Xapian::Query(terms[k]), Xapian::Query(terms[k + 1]), Xapian::Query(terms[terms.size() - 1 - k])};
        const Xapian::Query pair(Xapian::Query::OP_SYNONYM, three.begin(), three.begin() + 2);
        const Xapian::Query triple(Xapian::Query::OP_SYNONYM, three.begin(), three.end());
        for (const Xapian::Query& q : {pair, triple}) {
          replaced += with_remembered_lengths(q, db, memo).get_description().find("RememberedLengthSynonym") != std::string::npos;
          for (const Xapian::doccount size : {10u, 224u, 100000u}) require_same_match(db, q, memo, size);
        }
      }
    CHECK(replaced > terms.size());  // most synonyms are replaced (the exactness of their statistics is checked, not assumed)
  }
}

TEST_CASE("a synonym of two to six frequent terms estimates its matches as Xapian does", "[remembered_lengths][search]") {
  // Where a match stops before its end, the estimate it prints comes from the synonym's own: the
  // frequent terms a search's concepts have (a glossary concept has up to a handful of forms).
  for (const Xapian::Database& db : layouts()) {
    INFO("sub-databases: " << db.size());
    std::vector<std::string> frequent;
    for (const std::string& t : sample_terms(db, 7))
      if (db.get_termfreq(t) >= 40) frequent.push_back(t);
    REQUIRE(frequent.size() > 60);
    auto memo = std::make_shared<LengthMemo>();
    std::size_t at = 0, replaced = 0, checked = 0;
    for (std::size_t n = 2; at + n <= frequent.size(); n = n == 6 ? 2 : n + 1, at += n) {
      std::vector<Xapian::Query> forms;
      for (std::size_t k = 0; k < n; ++k) forms.emplace_back(frequent[at + k]);
      const Xapian::Query q(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
      replaced += with_remembered_lengths(q, db, memo).get_description().find("RememberedLengthSynonym") != std::string::npos;
      ++checked;
      for (const Xapian::doccount size : {1u, 10u, 32u, 224u}) require_same_match(db, q, memo, size);
    }
    CHECK(replaced == checked);
  }
}

TEST_CASE("queries of a search's shapes match as with Xapian's terms", "[remembered_lengths][search]") {
  for (const Xapian::Database& db : layouts()) {
    INFO("sub-databases: " << db.size());
    const Xapian::Query spy("间谍"), state("国家"), security("安全"), organ("机关"), report("举报"), national("XJURnational");
    auto* in_force = new Xapian::ValueMapPostingSource(2);
    in_force->add_mapping("9999-12-31", 2.0);
    const Xapian::Query boost(in_force->release());
    const std::vector<Xapian::Query> three = {state, security, organ};
    const std::vector<Xapian::Query> queries = {
        Xapian::Query(Xapian::Query::OP_AND, three.begin(), three.end()),
        Xapian::Query(Xapian::Query::OP_OR, spy, report),
        Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_AND, state, security), boost),
        Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_AND_MAYBE, spy, boost),
                      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query((new Xapian::FixedWeightPostingSource(2.0))->release()), national)),
        Xapian::Query(Xapian::Query::OP_AND_NOT, state, spy),
        Xapian::Query(Xapian::Query::OP_FILTER, security, national),
        Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_SYNONYM, spy, report), state),
        Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_SYNONYM, report, state), boost),
                      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query((new Xapian::FixedWeightPostingSource(2.0))->release()), national)),
        Xapian::Query(Xapian::Query::OP_FILTER, spy, Xapian::Query(Xapian::Query::OP_SYNONYM, state, organ)),  // a synonym that only filters
        // Left as it is: a scaled term's weights are Xapian's.
        Xapian::Query(Xapian::Query::OP_AND_MAYBE, spy, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, state, 0.3)),
        Xapian::Query("no such term in the index"),
    };
    auto memo = std::make_shared<LengthMemo>();
    for (int pass = 0; pass < 2; ++pass)
      for (const Xapian::Query& q : queries)
        for (const Xapian::doccount size : {10u, 32u, 224u, 100000u}) require_same_match(db, q, memo, size);
  }
}

TEST_CASE("only plain terms and synonyms of distinct plain terms, outside scaling, are replaced", "[remembered_lengths][search]") {
  for (const Xapian::Database& db : layouts()) {
    INFO("sub-databases: " << db.size());
    auto memo = std::make_shared<LengthMemo>();
    const auto replaced = [&](const Xapian::Query& q) { return with_remembered_lengths(q, db, memo).get_description().find("RememberedLength") != std::string::npos; };
    CHECK(replaced(Xapian::Query("间谍")));
    CHECK(replaced(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("国家"), Xapian::Query("安全"))));
    CHECK(replaced(Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query("间谍"), Xapian::Query("举报"))));
    CHECK_FALSE(replaced(Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query("间谍"), Xapian::Query("间谍"))));  // wdfs of one term added twice
    CHECK_FALSE(replaced(Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query("间谍"), Xapian::Query("举报", 2))));
    CHECK_FALSE(replaced(Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query("间谍"),
                                       Xapian::Query(Xapian::Query::OP_WILDCARD, "国", 100, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT))));
    CHECK_FALSE(replaced(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("间谍"), 0.3)));
    CHECK_FALSE(replaced(Xapian::Query("间谍", 2)));  // a wqf of 2 weighs otherwise
    CHECK_FALSE(replaced(Xapian::Query("no such term in the index")));
  }
}

TEST_CASE("the length memo gives every document's length, long or empty ones too", "[remembered_lengths]") {
  test::TempDir dir;
  const std::string path = (dir.path / "db").string();
  {
    Xapian::WritableDatabase w(path, Xapian::DB_CREATE_OR_OVERWRITE);
    const std::vector<Xapian::termcount> wdfs = {3, 70000, 1, 65535, 65534, 12};
    for (const Xapian::termcount wdf : wdfs) {
      Xapian::Document doc;
      doc.add_term("x", wdf);
      w.add_document(doc);
    }
    w.add_document(Xapian::Document());  // length 0
    w.commit();
  }
  Xapian::Database db(path);
  ShardLengths memo;
  for (int pass = 0; pass < 2; ++pass)
    for (Xapian::docid d = db.get_lastdocid(); d >= 1; --d) REQUIRE(memo.length(db, d) == db.get_doclength(d));
  auto shared = std::make_shared<LengthMemo>();
  for (int pass = 0; pass < 2; ++pass) require_same_match(db, Xapian::Query("x"), shared, 10);
}

TEST_CASE("several sub-databases are replaced when their uuids tell them apart", "[remembered_lengths][search]") {
  // The served layout is several sub-databases (else the tests above would test one only).
  CHECK(layouts().back().size() == 1 + kServedShards);  // meta, then the shards
  test::TempDir dir;
  Xapian::Database both, twice;
  for (const char* name : {"a", "b"}) {
    const std::string path = (dir.path / name).string();
    Xapian::WritableDatabase w(path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::Document doc;
    doc.add_term("x", 2);
    w.add_document(doc);
    w.commit();
    both.add_database(Xapian::Database(path));
  }
  twice.add_database(Xapian::Database((dir.path / "a").string()));
  twice.add_database(Xapian::Database((dir.path / "a").string()));
  REQUIRE(both.size() == 2);
  CHECK(shards_told_apart(both));
  CHECK_FALSE(shards_told_apart(twice));  // one memo would serve both: left to Xapian
  auto memo = std::make_shared<LengthMemo>();
  CHECK(with_remembered_lengths(Xapian::Query("x"), both, memo).get_description() != Xapian::Query("x").get_description());
  CHECK(with_remembered_lengths(Xapian::Query("x"), twice, memo).get_description() == Xapian::Query("x").get_description());
  for (int pass = 0; pass < 2; ++pass) require_same_match(both, Xapian::Query("x"), memo, 10);
}
