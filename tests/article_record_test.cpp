// The index's stored article (indexer/article_record.h): what is encoded decodes to the same
// article, and damaged data is refused rather than read past its end.
#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
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

// unpack_text_chars and decode_article_lines: the search's check reads stored articles as code
// points without the UTF-8 between; they must give what decoding the UTF-8 gives, byte for byte.
namespace {

std::u32string chars_of_packed(std::string_view packed) {
  std::u32string out = U"kept";  // appended to, not replaced
  unpack_text_chars(packed, out);
  REQUIRE(out.substr(0, 4) == U"kept");
  return out.substr(4);
}

// Every text an article's record packs, with raw bytes: what the check reads must not depend on them.
Article with_raw_bytes() {
  Article a = sample();
  a.num = "第\xe4十条";                                       // a cut sequence before a packed character
  a.paragraphs[0].text = "“引号”与é、\xed\xa0\x80国\x80家😀\xe4\xb8";  // curly quotes, two-byte, surrogate, stray, four-byte, cut at the end
  a.paragraphs[1].items[1].children[0].text = "\xff\xfe目";
  return a;
}

}  // namespace

TEST_CASE("Packed text unpacks to the code points its UTF-8 decodes to", "[index][article_record]") {
  std::string all;  // every class the packing has: ASCII, ideographs, the frequent, CJK punctuation, full-width, raw
  for (char32_t c = 1; c < 0x10000; ++c)
    if (c < 0xD800 || c > 0xDFFF) utf8::append(all, c);
  for (const char32_t c : {U'\U00020000', U'\U0001F600', U'\U0010FFFF'}) utf8::append(all, c);
  CHECK(chars_of_packed(pack_text(all)) == utf8::decode(all));
  CHECK(chars_of_packed(pack_text("abc 12\n")) == U"abc 12\n");
  CHECK(chars_of_packed(pack_text("的，谍《》（）")) == U"的，谍《》（）");
  CHECK(chars_of_packed("").empty());
  // Bytes that are not UTF-8, alone and next to packed characters, where decoding a run of raw
  // bytes apart from its neighbours could differ from decoding the whole.
  for (const std::string& bad :
       {std::string("\x80"), std::string("a\xe4\xb8"), std::string("\xe4\xb8\xe4\xb8\x80"), std::string("\xe4一"), std::string("一\x80\x80的"),
        std::string("\xe0\x80\xaf"), std::string("\xed\xa0\x80z"), std::string("\xf0\x9f\x98"), std::string("\xf0\x9f\x98国"),
        std::string("é\xc3"), std::string("\xc3，"), std::string("\xff\xfe\x00\x01", 4), std::string("“”—…·×①")}) {
    INFO(bad);
    CHECK(chars_of_packed(pack_text(bad)) == utf8::decode(bad));
  }
  // Arbitrary bytes, deterministic: as a text, and as packed data (where both refuse the same ones).
  std::uint32_t seed = 12345;
  const auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(next() % 24, '\0');
    for (char& b : bytes) b = static_cast<char>(next() >> 24);
    INFO("round " << round);
    CHECK(chars_of_packed(pack_text(bytes)) == utf8::decode(bytes));
    bool refused = false;
    std::string unpacked;
    try {
      unpacked = unpack_text(bytes);
    } catch (const ArticleRecordError&) {
      refused = true;
    }
    if (refused) CHECK_THROWS_AS(chars_of_packed(bytes), ArticleRecordError);
    else CHECK(chars_of_packed(bytes) == utf8::decode(unpacked));
  }
}

TEST_CASE("Packed text cut inside a character is refused as code points too", "[index][article_record]") {
  const std::string packed = pack_text("谍《\xe4");
  REQUIRE(packed.size() == 6);
  for (const std::size_t n : {1, 3, 5}) CHECK_THROWS_AS(chars_of_packed(packed.substr(0, n)), ArticleRecordError);
  for (const std::size_t n : {0, 2, 4, 6}) CHECK_NOTHROW(chars_of_packed(packed.substr(0, n)));
}

TEST_CASE("A stored article's lines for the check, straight from its record", "[index][article_record]") {
  for (const Article& a : {sample(), with_raw_bytes(), Article{}}) {
    const std::string data = encode_article_record("zh", a);
    std::u32string lines = U"replaced";
    decode_article_lines(data, ArticleLines::Every, lines);
    CHECK(lines == utf8::decode(article_strings(a)));
    // Texts: each paragraph's and item's text, a line each, in the order of the snippets' units.
    std::string texts;
    std::function<void(const Item&)> item = [&](const Item& it) {
      texts += it.text + "\n";
      for (const Item& c : it.children) item(c);
    };
    for (const Paragraph& p : a.paragraphs) {
      texts += p.text + "\n";
      for (const Item& it : p.items) item(it);
    }
    decode_article_lines(data, ArticleLines::Texts, lines);
    CHECK(lines == utf8::decode(texts));
  }
  std::u32string lines;
  decode_article_lines(encode_article_record("zh", sample()), ArticleLines::Texts, lines);
  CHECK(lines.substr(0, 8) == U"段落一，引号\"与");  // the article's number is not a text
}

TEST_CASE("A damaged article record is refused when read for the check", "[index][article_record]") {
  for (const Article& a : {sample(), with_raw_bytes()}) {
    const std::string data = encode_article_record("zh", a);
    std::u32string lines;
    for (std::size_t n = 0; n < data.size(); ++n) {
      INFO("first " << n << " of " << data.size() << " bytes");
      CHECK_THROWS_AS(decode_article_lines(data.substr(0, n), ArticleLines::Every, lines), ArticleRecordError);
      CHECK_THROWS_AS(decode_article_lines(data.substr(0, n), ArticleLines::Texts, lines), ArticleRecordError);
    }
    CHECK_THROWS_AS(decode_article_lines(data + "x", ArticleLines::Every, lines), ArticleRecordError);
    CHECK_THROWS_AS(decode_article_lines(std::string(12, '\xff'), ArticleLines::Texts, lines), ArticleRecordError);
    // Every single byte changed: refused exactly where decode_article_record refuses it.
    for (std::size_t k = 0; k < data.size(); ++k) {
      for (const char b : {'\x00', '\x7f', '\xd1', '\xff'}) {
        std::string damaged = data;
        damaged[k] = b;
        bool refused = false;
        std::string expected;
        try {
          expected = article_strings(decode_article_record(damaged).article);
        } catch (const ArticleRecordError&) {
          refused = true;
        }
        INFO("byte " << k << " set to " << static_cast<int>(static_cast<unsigned char>(b)));
        for (const ArticleLines which : {ArticleLines::Every, ArticleLines::Texts}) {
          if (refused) CHECK_THROWS_AS(decode_article_lines(damaged, which, lines), ArticleRecordError);
          else CHECK_NOTHROW(decode_article_lines(damaged, which, lines));
        }
        if (!refused) {
          decode_article_lines(damaged, ArticleLines::Every, lines);
          CHECK(lines == utf8::decode(expected));
        }
      }
    }
  }
}
