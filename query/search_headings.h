// Concepts matched only through a division heading. The indexer adds the headings of the
// divisions an article stands in to its terms (indexer/law_documents.cpp: a query naming a
// chapter's topic finds its articles), counted with the article's own words, so the index cannot
// tell them apart. A search can: the law's headings are in the index's metadata, the article's
// text in its record. An article that holds a concept only in its chapter heading (NSL art 78,
// under 公民、组织的义务和权利, never says 公民) is weaker evidence for it than one whose own
// text names it (NSL art 11, every citizen's duty).
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>
#include <xapian.h>

#include "search_node.h"

namespace lawref::searching {

// A concept: its folded forms, any of which stands for it.
using ConceptForms = std::vector<std::u32string>;

// The concepts of a compiled query: the forms of each leaf not under a NOT.
std::vector<ConceptForms> concepts_of(const Node& n);

// Of `concepts`, the indices of those a form of which `text` (folded) holds.
std::vector<std::size_t> concepts_held(const std::vector<ConceptForms>& concepts, const std::u32string& text);

// Of the concepts `in_headings` (indices into `concepts`), how many `text` (folded) holds in no
// form: the ones an article matches only through its headings.
std::size_t concepts_only_in_headings(const std::vector<ConceptForms>& concepts, const std::vector<std::size_t>& in_headings,
                                      const std::u32string& text);

// `weight` × factor per concept matched only through the headings.
double heading_scaled_weight(double weight, std::size_t only_in_headings, double factor);

// The folded headings of each law's divisions, read once per law and language from the index's
// law headers (index_schema.h's law_header_key).
class DivisionHeadings {
 public:
  struct Law {
    std::vector<std::u32string> headings;  // folded, by division index
    std::vector<int> parents;
    // The heading of `division` and those of the divisions it stands in, a line each ("" for
    // none or an unknown division).
    std::u32string chain(int division) const;
  };
  explicit DivisionHeadings(const Xapian::Database& db) : db_(db) {}
  // No divisions for a law without a header in `lang`.
  const Law& of(const std::string& law, const std::string& lang);

 private:
  const Xapian::Database& db_;
  std::map<std::pair<std::string, std::string>, Law> laws_;
};

// One query's concepts against the headings: which concepts a division's headings (its own and
// those it stands in) hold, worked out once per division.
class HeadingConcepts {
 public:
  HeadingConcepts(DivisionHeadings& headings, const std::vector<ConceptForms>& concepts) : headings_(headings), concepts_(concepts) {}
  // Whether some heading of `law`, in either language, holds a concept.
  bool law_holds_any(const std::string& law);
  // The concepts the headings of `division` of `law` in `lang` hold (none outside a division).
  const std::vector<std::size_t>& held(const std::string& law, const std::string& lang, int division);

 private:
  DivisionHeadings& headings_;
  const std::vector<ConceptForms>& concepts_;
  std::map<std::string, bool, std::less<>> laws_;
  std::map<std::tuple<std::string, std::string, int>, std::vector<std::size_t>> divisions_;
};

}  // namespace lawref::searching
