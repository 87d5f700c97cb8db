// Robustness on the 3,475-file real corpus: everything is read, nothing crashes, and the
// only refusals are the honest ones (no articles, numbering the source itself breaks).
#include <catch2/catch.hpp>

#include <set>

#include "catalog.h"
#include "import_summary.h"
#include "importer.h"
#include "test_support.h"

using namespace lawref;

TEST_CASE("The whole lawrefbook corpus imports, with refusals only for honest reasons", "[lawrefbook]") {
  const Catalog catalog = Catalog::scan(Registry::builtin(), {{test::lawrefbook_dir()}, {}, false});  // the files alone
  CHECK(catalog.problems().empty());
  ImportSummary summary;
  for (const CatalogEntry& e : catalog.entries())
    for (const TextSource& t : e.texts) summary.add(t.path.string(), import_statute_file(t.path));
  INFO(summary.render());
  CHECK(summary.files == 3475);
  const std::set<std::string> honest = {"no-articles", "article-start", "article-gap", "article-repeat"};
  for (const auto& [code, group] : summary.refusals) CHECK(honest.count(code) == 1);
  CHECK(summary.clean + summary.with_warnings >= 3280);
  CHECK(summary.refusals["no-articles"].files <= 160);
}
