// The index's stored article (indexer/article_record.h): what is encoded decodes to the same
// article, and damaged data is refused rather than read past its end.
#include <catch2/catch.hpp>

#include <string>

#include "article_record.h"

using namespace lawref;

namespace {

// A synthetic article with every kind of part: paragraphs with and without items, an item
// with sub-items, an inserted article (之一), no division.
Article sample() {
  Article a;
  a.number = 20;
  a.insertion = 1;
  a.num = "第二十条之一";
  a.division = -1;
  a.source_line = 123456;
  a.paragraphs.push_back({1, "段落一，引号\"与\\反斜杠\t和制表符", {}});
  Item nested{2, "（二）", "项二", {{1, "1.", "目一", {}}, {2, "2.", "", {}}}};
  a.paragraphs.push_back({2, "段落二：", {{1, "（一）", "项一", {}}, nested}});
  a.paragraphs.push_back({3, "", {}});
  return a;
}

}  // namespace

TEST_CASE("An article record decodes to the law, language and article it was made of", "[index]") {
  const Article a = sample();
  const ArticleRecord r = decode_article_record(encode_article_record("test-law-2024", "zh", a));
  CHECK(r.law == "test-law-2024");
  CHECK(r.lang == "zh");
  CHECK(r.article == a);
  CHECK(r.article.source_line == 123456);  // not part of Article's ==

  Article empty;  // defaults: number 0, division -1, no paragraphs
  const ArticleRecord e = decode_article_record(encode_article_record("", "en", empty));
  CHECK(e.law.empty());
  CHECK(e.article == empty);
}

TEST_CASE("A truncated or lengthened article record is refused", "[index]") {
  const std::string data = encode_article_record("test-law-2024", "zh", sample());
  for (std::size_t n = 0; n < data.size(); ++n) {
    INFO("first " << n << " of " << data.size() << " bytes");
    CHECK_THROWS_AS(decode_article_record(data.substr(0, n)), ArticleRecordError);
  }
  CHECK_THROWS_AS(decode_article_record(data + "x"), ArticleRecordError);
  CHECK_THROWS_AS(decode_article_record(std::string(12, '\xff')), ArticleRecordError);  // a varint that never ends
}

TEST_CASE("Every string of an article, one per line, for the phrase check", "[index]") {
  CHECK(article_strings(sample()) ==
        "第二十条之一\n段落一，引号\"与\\反斜杠\t和制表符\n段落二：\n（一）\n项一\n（二）\n项二\n1.\n目一\n2.\n\n\n");
}
