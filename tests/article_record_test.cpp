// The index's stored article (indexer/article_record.h): what is encoded decodes to the same
// article, and damaged data is refused rather than read past its end.
#include <catch2/catch.hpp>

#include <string>
#include <zlib.h>

#include "article_record.h"
#include "article_record_text.h"
#include "utf8.h"

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

TEST_CASE("An article record decodes to the language and article it was made of", "[index]") {
  const Article a = sample();
  const ArticleRecord r = decode_article_record(encode_article_record("zh", a));
  CHECK(r.lang == "zh");
  CHECK(r.article == a);
  CHECK(r.article.source_line == 123456);  // not part of Article's ==

  Article empty;  // defaults: number 0, division -1, no paragraphs
  const ArticleRecord e = decode_article_record(encode_article_record("en", empty));
  CHECK(e.lang == "en");
  CHECK(e.article == empty);
}

TEST_CASE("A truncated or lengthened article record is refused", "[index]") {
  const std::string data = encode_article_record("zh", sample());
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

TEST_CASE("Packed text unpacks to the bytes it was made of, whatever they are", "[index]") {
  // Every code point of the Basic Multilingual Plane but the surrogates, a few beyond it.
  std::string all;
  for (char32_t c = 1; c < 0x10000; ++c)
    if (c < 0xD800 || c > 0xDFFF) utf8::append(all, c);
  for (const char32_t c : {U'\U00020000', U'\U0001F600', U'\U0010FFFF'}) utf8::append(all, c);
  CHECK(unpack_text(pack_text(all)) == all);
  // Bytes that are not UTF-8: a lone continuation byte, a cut sequence, an overlong form, a surrogate.
  for (const std::string& bad : {std::string("\x80"), std::string("a\xe4\xb8"), std::string("\xe0\x80\xaf"), std::string("\xed\xa0\x80z"),
                                std::string("\xff\xfe\x00\x01", 4)})
    CHECK(unpack_text(pack_text(bad)) == bad);
  CHECK(pack_text("").empty());
}

TEST_CASE("Chinese text packs into one or two bytes a character", "[index]") {
  const std::string text = "国家安全机关依照本法第四条，履行职责；（一）";  // 22 characters, 66 bytes of UTF-8
  const std::string packed = pack_text(text);
  CHECK(packed.size() < text.size() * 2 / 3);
  CHECK(pack_text("的，").size() == 2);       // frequent characters: one byte each
  CHECK(pack_text("谍").size() == 2);         // any other ideograph: two
  CHECK(pack_text("abc 12").size() == 6);     // ASCII as it is
  CHECK(unpack_text(packed) == text);
}

TEST_CASE("Packed text cut inside a character is refused", "[index]") {
  const std::string packed = pack_text("谍《");
  REQUIRE(packed.size() == 4);
  CHECK_THROWS_AS(unpack_text(packed.substr(0, 1)), ArticleRecordError);
  CHECK_THROWS_AS(unpack_text(packed.substr(0, 3)), ArticleRecordError);
}

TEST_CASE("An article key tells the article and its law apart from every other", "[index]") {
  Article a;
  a.number = 20;
  Article inserted = a;
  inserted.insertion = 1;
  const std::string key = article_key("cel-2023", a);
  CHECK(key.size() == kLawKeyBytes + 2);
  CHECK(key.substr(0, kLawKeyBytes) == law_key("cel-2023"));  // the law, read back through schema::kMetaLawKey
  CHECK(key != article_key("cel-2023", inserted));
  CHECK(key != article_key("cel-2014", a));
  a.number = 2;
  CHECK(key != article_key("cel-2023", a));
}

TEST_CASE("A short article record always deflates, as Xapian deflates document data", "[index]") {
  // Glass's settings for a tag: raw deflate, default level, memLevel 9; kept only when smaller.
  auto deflated_size = [](const std::string& s) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(s.size() * 2 + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
    z.avail_in = static_cast<uInt>(s.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    const std::size_t n = z.total_out;
    deflateEnd(&z);
    return n;
  };
  // Ideographs spread over the whole block, none repeated: packed, their bytes look random, and
  // deflate finds nothing in them to shrink.
  Article a;
  a.number = 7;
  a.num = "第七条";
  std::string text;
  for (char32_t k = 0; k < 64; ++k) utf8::append(text, 0x4E00 + (k * 2731) % 0x5200);
  a.paragraphs.push_back({1, text, {}});
  const std::string record = encode_article_record("zh", a);
  CHECK(deflated_size(record) < record.size());
  CHECK(decode_article_record(record).article == a);
  CHECK_THROWS_AS(decode_article_record(std::string(1, '\x05') + std::string(4, '\0')), ArticleRecordError);  // padding longer than the record
  std::string not_zeros = record;
  not_zeros[2] = 'x';
  CHECK_THROWS_AS(decode_article_record(not_zeros), ArticleRecordError);  // padding that is not zeros
}
