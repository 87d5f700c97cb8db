#include "law_documents.h"

#include <algorithm>
#include <functional>
#include <tuple>

#include "analyzer.h"
#include "analyzer_counts.h"
#include "article_record.h"
#include "auto_describe.h"
#include "compressed_blob.h"
#include "index_limits.h"
#include "index_schema.h"
#include "law_json.h"
#include "source_stamps.h"

namespace lawref {
namespace {

// Measured on core + lawrefbook (bench/README.md): 3,000 beat Xapian's default of 10,000
// by 15% in time and 40% in peak memory.
constexpr std::size_t kDocumentsPerFlush = 3000;

// The article's terms: each distinct term added once, with its count as wdf (one insertion into
// the document's term map per term, not per occurrence: a long article repeats its bigrams).
void add_terms(const Article& a, const analysis::AnalyzerOptions& options, analysis::TermCounts& counts) {
  std::function<void(const Item&)> item = [&](const Item& it) {
    counts.add(it.text, options);
    for (const Item& c : it.children) item(c);
  };
  for (const Paragraph& p : a.paragraphs) {
    counts.add(p.text, options);
    for (const Item& it : p.items) item(it);
  }
}

// One language version of one article.
// The headings of the divisions an article stands in (第六章 公民、组织的义务和权利): what the
// article is about, in the law's own words, for a query that names the topic, not the text.
std::string division_headings(const LawText& law, const Article& a) {
  std::string out;
  for (int d = a.division; d >= 0 && static_cast<std::size_t>(d) < law.divisions.size(); d = law.divisions[static_cast<std::size_t>(d)].parent)
    out += law.divisions[static_cast<std::size_t>(d)].heading + "\n";
  return out;
}

Xapian::Document article_document(const LawInfo& info, const std::string& until, const std::string& lang, const Article& a,
                                  const std::string& headings, bool words, analysis::TermCounts& counts) {
  Xapian::Document doc;
  doc.add_boolean_term(schema::kLang + lang);
  doc.add_boolean_term(schema::kLaw + info.id);
  doc.add_boolean_term(schema::kWork + info.work);
  doc.add_boolean_term(std::string(schema::kLevel) + to_string(info.level));
  doc.add_boolean_term(schema::kJurisdiction + info.jurisdiction);
  // Unknown start and open end are stored as extremes so that date ranges need no special case.
  doc.add_value(schema::kSlotFrom, info.effective.empty() ? schema::kUnknownStart : info.effective);
  doc.add_value(schema::kSlotUntil, until.empty() ? schema::kStillInForce : until);
  doc.add_value(schema::kSlotId, article_key(info.id, a));
  counts.clear();
  add_terms(a, {lang == schema::kLangEnglish, words && lang == schema::kLangChinese}, counts);
  // The headings' terms counted with the text's: a term in both gets the sum as its wdf.
  if (!headings.empty()) counts.add(headings, {lang == schema::kLangEnglish, false});
  counts.for_each([&](const std::string& term, std::uint32_t count) {
    if (term.size() <= kMaxTermBytes) doc.add_term(term, count);  // Xapian's term length limit; no real term comes near it
  });
  doc.set_data(encode_article_record(lang, a));
  return doc;
}

}  // namespace

std::vector<SourceStamp> chinese_sources(const CatalogEntry& entry) {
  const TextSource* zh = entry.text("zh");
  if (!zh) return {};
  CatalogEntry only = entry;
  only.texts = {*zh};
  return stamp_sources(only);
}

IndexedLaw index_law(const Catalog& catalog, const CatalogEntry& entry, const AmendmentDates& amendments, bool words,
                     Xapian::WritableDatabase* db, std::size_t& added) {
  IndexedLaw out;
  out.info = entry.info;
  if (entry.texts.empty()) return out;
  out.sources = stamp_sources(entry);
  out.zh_sources = chinese_sources(entry);
  analysis::TermCounts counts;
  ParseResult zh, en;
  if (entry.text("zh")) zh = load_text(entry, "zh", false);
  if (entry.text("en")) en = load_text(entry, "en", false);
  // A text that does not import, or that the index cannot hold, is skipped and reported;
  // the others are indexed.
  bool zh_ok = false, en_ok = false;
  for (auto [lang, r, ok] : {std::tuple{"zh", &zh, &zh_ok}, std::tuple{"en", &en, &en_ok}}) {
    const TextSource* source = entry.text(lang);
    if (!source) continue;
    std::string reason;
    if (!r->ok()) {
      for (const Diagnostic& d : r->diagnostics.items)
        if (d.severity == Severity::Error && reason.empty()) reason = format_diagnostic(d);
    } else if (const auto too_big = exceeds_index_limits(r->law, false)) {
      reason = too_big->message();
    }
    if (reason.empty()) *ok = true;
    else out.skipped.push_back(source->path.string() + ": " + reason);
  }
  const LawText* main = zh_ok ? &zh.law : en_ok ? &en.law : nullptr;
  if (!main) return out;
  complete_from_text(out.info, *main, &amendments);
  out.until = catalog.registry().in_force_until(out.info);
  for (const LawText* t : {zh_ok ? &zh.law : nullptr, en_ok ? &en.law : nullptr})
    if (t) out.headers.emplace_back(schema::law_header_key(out.info.id, t->lang), compress_blob(law_header_to_json(*t).dump()));
  out.headers.emplace_back(schema::kMetaSources + out.info.id, encode_stamps(out.sources));
  // The translation's articles are indexed only where the original has them.
  const LawText* translation = zh_ok && en_ok ? &en.law : nullptr;
  for (const Article& a : main->articles) {
    if (db) {
      db->add_document(article_document(out.info, out.until, main->lang, a, division_headings(*main, a), words, counts));
      if (translation)
        if (const Article* ea = translation->find_article(a.number, a.insertion)) {
          db->add_document(article_document(out.info, out.until, schema::kLangEnglish, *ea, division_headings(*translation, *ea), false, counts));
          ++out.documents;
        }
      // Flushing often keeps Xapian's in-memory posting changes small: each new posting is a
      // lookup in them, and a big buffer costs more time and memory than the extra flushes.
      if (++added % kDocumentsPerFlush == 0) db->commit();
    }
    ++out.articles;
    ++out.documents;
  }
  out.texts = (zh_ok ? 1 : 0) + (en_ok ? 1 : 0);
  if (zh_ok) out.zh = std::make_unique<LawText>(std::move(zh.law));
  return out;
}

}  // namespace lawref
