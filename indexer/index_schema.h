// The layout of a lawref Xapian database: term prefixes (user prefixes start with X, as in
// Omega), value slots and metadata keys. Changing any of it, or the analyzer, means bumping
// kSchemaVersion: an index of another version is refused with a request to rebuild.
//
// One document per article and language: the Chinese text and its translation are indexed
// apart, so that neither lengthens the other (BM25 divides by document length) and a hit can
// show its snippet in the query's language. Searches keep one hit per article.
//
// The index holds no positions (they tripled its size and nearly doubled build time, see
// bench/README.md): phrases are matched on bigrams and then verified on the stored text.
#pragma once
#include <string>

namespace lawref::schema {

// lawref-index-12: the served index is a stub naming meta and two shards (index_parts.h).
inline constexpr const char* kSchemaVersion = "lawref-index-12";

// Content terms carry no prefix: CJK character bigrams, folded ASCII words and numbers.
inline constexpr const char* kRunEnd = "XE";    // the last CJK character of a run (with bigrams: every character)
inline constexpr const char* kWord = "XW";      // an ICU dictionary word of 2+ characters (when enabled)
inline constexpr const char* kStem = "Z";       // English stem (Xapian's convention)
inline constexpr const char* kLaw = "XLAW";     // law id
inline constexpr const char* kWork = "XWORK";   // the law across versions
inline constexpr const char* kLevel = "XLEVEL"; // law, administrative-regulation, …
inline constexpr const char* kJurisdiction = "XJUR";
inline constexpr const char* kLang = "XLANG";   // language of the document's text: zh, en

// A document's data: its law, language and article (encode_article_record, article_record.h).
// The languages of the texts: a kLang term's value, the language of a document's data, the
// last part of a law:<id>:<lang> key.
inline constexpr const char* kLangChinese = "zh";
inline constexpr const char* kLangEnglish = "en";

// Value slots. Slots 0 (law id) and 3 (article order) and a per-article XID term went in
// lawref-index-10: nothing read them (the law is a kLaw term, the order is in the data).
// lawref-index-11: slot 4 holds a short key instead of the provision id; the stored articles
// name no law (the key does) and their texts are packed (article_record_text.h).
inline constexpr unsigned kSlotFrom = 1;   // in force from, YYYY-MM-DD (0000-01-01: unknown)
inline constexpr unsigned kSlotUntil = 2;  // in force until, YYYY-MM-DD (9999-12-31: still in force)
inline constexpr unsigned kSlotId = 4;     // the article's key (one hit per article across languages): article_key, article_record.h
// The dates stored for an unknown start and an open end, so that date ranges need no special case.
inline constexpr const char* kUnknownStart = "0000-01-01";
inline constexpr const char* kStillInForce = "9999-12-31";

// Metadata keys.
inline constexpr const char* kMetaSchema = "lawref:schema";
inline constexpr const char* kMetaAnalysis = "lawref:analysis";  // kAnalysisBigrams or kAnalysisWords
inline constexpr const char* kMetaEnglish = "lawref:english";    // kEnglishPresent when some law has an English text
inline constexpr const char* kMetaRegistry = "lawref:registry";  // every law's LawInfo (encode_law_infos, compress_blob)
inline constexpr const char* kMetaLawKey = "lawkey:";            // lawkey:<law_key> -> the law id (a hit's law, from its article key)
inline constexpr const char* kMetaLawInfo = "lawinfo:";          // lawinfo:<id> -> that law's LawInfo alone (a search reads its hits' laws only)
inline constexpr const char* kMetaSummary = "lawref:summary";    // JSON: sources, counts
inline constexpr const char* kMetaLawPrefix = "law:";            // law:<id>:<lang> -> LawText header JSON (compress_blob)
inline constexpr const char* kMetaLinksOut = "xref-out:";        // xref-out:<id> -> links from the law (encode_links, compress_blob)
inline constexpr const char* kMetaName = "name:";               // name:<key> -> ids of the laws found under it (name_keys), one per line
inline constexpr const char* kMetaLinksIn = "xref-in:";          // xref-in:<id> -> links from other laws to it
inline constexpr const char* kMetaLinkCounts = "lawref:links";   // JSON: links of each kind
inline constexpr const char* kMetaSources = "sources:";          // sources:<id> -> the files its texts were read from, as they were (encode_stamps)
inline constexpr const char* kMetaFolders = "lawref:folders";    // the source folders as they were (encode_folder_stamps)
inline constexpr const char* kMetaImportedDir = "lawref:imported-dir";  // where `lawref import` put texts when the index was built

// Values of kMetaAnalysis and kMetaEnglish.
inline constexpr const char* kAnalysisBigrams = "bigrams";
inline constexpr const char* kAnalysisWords = "bigrams+words";  // with ICU dictionary words (kWord)
inline constexpr const char* kEnglishPresent = "1";

// The key of a law's text header (law_header_to_json) in one language.
inline std::string law_header_key(const std::string& law_id, const std::string& lang) { return kMetaLawPrefix + law_id + ":" + lang; }

}  // namespace lawref::schema
