// `lawref check`: is the corpus usable? Registry consistency, every text imports, and
// registry facts (article and chapter counts) agree with the texts.
#pragma once
#include <string>
#include <vector>

#include "catalog.h"

namespace lawref {

struct LawCheck {
  std::string law_id;
  std::string lang;
  int articles = 0;
  int warnings = 0;
  std::vector<std::string> problems;  // empty: the text is fine
  std::string translation;            // for a translation: who made it
  int provisions = 0, translated = 0; // for a translation: paragraphs and items of the original, and those translated
};

struct CheckReport {
  std::vector<std::string> problems;      // registry and catalog level
  std::vector<LawCheck> laws;             // one per text checked
  std::vector<std::string> without_text;  // registry laws with no text (not a problem)
  bool ok() const;
};

CheckReport check_corpus(const Catalog& catalog);

// Registry facts a text must agree with (article and chapter counts); one message each.
std::vector<std::string> compare_with_registry(const LawInfo& info, const LawText& law);

}  // namespace lawref
