#include "corpus_check.h"

#include "history.h"
#include "translation_parity.h"

namespace lawref {

bool CheckReport::ok() const {
  if (!problems.empty()) return false;
  for (const LawCheck& l : laws)
    if (!l.problems.empty()) return false;
  return true;
}

std::vector<std::string> compare_with_registry(const LawInfo& info, const LawText& law) {
  std::vector<std::string> out;
  if (!info.registered || law.lang != "zh") return out;
  const int articles = static_cast<int>(law.articles.size());
  if (info.expected_articles > 0 && info.expected_articles != articles)
    out.push_back("registry says " + std::to_string(info.expected_articles) + " articles, the text has " + std::to_string(articles));
  int chapters = 0;
  for (const Division& d : law.divisions) chapters += d.kind == DivisionKind::Chapter;
  if (info.expected_chapters >= 0 && info.expected_chapters != chapters)
    out.push_back("registry says " + std::to_string(info.expected_chapters) + " chapters, the text has " + std::to_string(chapters));
  // The collection's header lines (<!-- EFFECTIVE_FROM: … -->, <!-- STATUS: … -->), where present.
  if (const std::string from = law.metadata("EFFECTIVE_FROM"); is_iso_date(from) && from != info.effective)
    out.push_back("registry says in force from " + (info.effective.empty() ? std::string("(unknown)") : info.effective) +
                  ", the text's header says " + from);
  if (const bool marked = text_marked_amended_since(law); !law.metadata("STATUS").empty() && marked != info.amended_since)
    out.push_back(marked ? "the text's header marks it as amended since (STATUS: " + law.metadata("STATUS") + "); the registry does not say so"
                         : "the registry says amended since, the text's header says STATUS: " + law.metadata("STATUS"));
  return out;
}

CheckReport check_corpus(const Catalog& catalog) {
  CheckReport report;
  report.problems = catalog.registry().problems();
  for (const CatalogProblem& p : catalog.problems()) report.problems.push_back(p.message());
  for (const CatalogEntry& entry : catalog.entries()) {
    if (entry.texts.empty()) {
      if (entry.info.registered) report.without_text.push_back(entry.info.id);
      continue;
    }
    for (const TextSource& source : entry.texts) {
      const ParseResult parsed = load_text(entry, source.lang);
      LawCheck check{entry.info.id, source.lang, static_cast<int>(parsed.law.articles.size()), 0, {}, {}, 0, 0};
      for (const Diagnostic& d : parsed.diagnostics.items) {
        if (d.severity == Severity::Error) check.problems.push_back(format_diagnostic(d));
        else ++check.warnings;
      }
      if (parsed.ok()) {
        const auto mismatches = compare_with_registry(entry.info, parsed.law);
        check.problems.insert(check.problems.end(), mismatches.begin(), mismatches.end());
      }
      // A translation has the original's structure, every provision translated.
      if (parsed.ok() && source.lang != "zh" && entry.text("zh")) {
        const ParseResult original = load_text(entry, "zh");
        if (original.ok()) {
          const ParityReport parity = compare_translation(original.law, parsed.law);
          for (const ParityProblem& p : parity.problems) check.problems.push_back("translation: " + p.message);
          check.translated = parity.provisions_translated;
          check.provisions = parity.provisions;
        }
      }
      check.translation = parsed.law.translation;
      report.laws.push_back(std::move(check));
    }
  }
  return report;
}

}  // namespace lawref
