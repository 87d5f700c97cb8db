// Hedge words (optional_words.h): the built-in list, and the list's format. Tables of
// {word, hedge or not}; nothing here reads the corpus.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "optional_words.h"

using namespace lawref::searching;

TEST_CASE("The built-in list holds hedges, not the concepts beside them", "[optional_words]") {
  struct Row {
    const char* word;
    bool hedge;
  };
  const std::vector<Row> rows = {
      {"suspected", true}, {"alleged", true}, {"potential", true}, {"possible", true},
      {"suspect", false},    // a criminal suspect is a concept of the statutes (犯罪嫌疑人)
      {"suspicious", false}, // "suspicious activity" is what a duty to report names
      {"spy", false},        {"Suspected", false},  // words come lower-case, as english_words gives them
      {"", false},
  };
  const HedgeWords& words = HedgeWords::builtin();
  for (const Row& row : rows) {
    INFO(row.word);
    CHECK(words.contains(row.word) == row.hedge);
  }
}

TEST_CASE("A list of hedge words: word, reason; comments and blank lines skipped", "[optional_words]") {
  const HedgeWords words = HedgeWords::parse("# a comment\n\nmaybe\tuncertain\nperhaps\tuncertain\n");
  CHECK(words.contains("maybe"));
  CHECK(words.contains("perhaps"));
  CHECK_FALSE(words.contains("comment"));
  struct Bad {
    const char* tsv;
    const char* says;
  };
  const std::vector<Bad> bad = {
      {"maybe\n", "line 1: expected WORD<TAB>REASON"},
      {"# ok\nmaybe\t\n", "line 2: expected"},
      {"\tuncertain\n", "line 1: expected"},
      {"Maybe\tuncertain\n", "line 1: 'Maybe' is not one lower-case word"},
      {"so called\tuncertain\n", "line 1: 'so called' is not one lower-case word"},
  };
  for (const Bad& b : bad) {
    INFO(b.tsv);
    try {
      HedgeWords::parse(b.tsv);
      FAIL("parsed");
    } catch (const std::runtime_error& e) {
      CHECK(std::string(e.what()).find(b.says) != std::string::npos);
    }
  }
}
