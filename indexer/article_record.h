// A document's data in the index: its language and article, as length-prefixed fields
// (varints, strings as bytes, the article's texts packed: article_record_text.h). Its law is
// named once, by the article key in value slot schema::kSlotId (article_key). A short record
// starts with zeros, so that Xapian's deflate always shrinks it (article_record.cpp). It replaced
// JSON: a search decodes the data of every hit and of every candidate whose phrases it
// verifies, and `show` decodes every article of a law; a parser and its key names cost more
// time and space than the fields themselves.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "model.h"

namespace lawref {

struct ArticleRecord {
  std::string lang;  // schema::kLangChinese or kLangEnglish
  Article article;
};

std::string encode_article_record(std::string_view lang, const Article& article);

// A stored record that is not what encode_article_record made: the one message says what to do.
struct ArticleRecordError : std::runtime_error {
  ArticleRecordError() : std::runtime_error("damaged article record in the index; rebuild it with: lawref index") {}
};
// Throws ArticleRecordError when `data` is not what encode_article_record made.
ArticleRecord decode_article_record(std::string_view data);

// The key that keeps one hit per article across its languages (value slot schema::kSlotId):
// law_key of its law, then its number and insertion. A search only compares keys and reads the
// law from the first kLawKeyBytes (schema::kMetaLawKey); the provision id it replaced (~45
// bytes a document, the law id spelled out) was 5% of the index.
inline constexpr std::size_t kLawKeyBytes = 8;
std::string law_key(std::string_view law_id);  // 64 bits of FNV-1a, big-endian
std::string article_key(std::string_view law_id, const Article& article);

// Every string of the article (its number, each paragraph, item number and item text), one per
// line: what a query's Chinese phrases are checked against before the article is decoded for
// display (the index once stored JSON, and the check read its raw text, which held the same strings).
std::string article_strings(const Article& article);

// The lines of a stored article a search checks, as code points, straight from its record (no
// Article, no UTF-8 between): Every gives utf8::decode(article_strings(article)); Texts gives only
// the texts of its paragraphs and items (searching::text_units), each followed by a newline.
// `out` is replaced. Throws ArticleRecordError where decode_article_record does.
enum class ArticleLines { Every, Texts };
void decode_article_lines(std::string_view data, ArticleLines which, std::u32string& out);

}  // namespace lawref
