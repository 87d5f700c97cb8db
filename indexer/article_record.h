// A document's data in the index: its law, language and article, as length-prefixed fields
// (varints, strings as bytes, the article's texts packed: article_record_text.h). It replaced
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
  std::string law;   // law id
  std::string lang;  // schema::kLangChinese or kLangEnglish
  Article article;
};

std::string encode_article_record(std::string_view law, std::string_view lang, const Article& article);

struct ArticleRecordError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Throws ArticleRecordError when `data` is not what encode_article_record made.
ArticleRecord decode_article_record(std::string_view data);

// Every string of the article (its number, each paragraph, item number and item text), one per
// line: what a query's Chinese phrases are checked against before the article is decoded for
// display (the index once stored JSON, and the check read its raw text, which held the same strings).
std::string article_strings(const Article& article);

}  // namespace lawref
