// The whole cross-link graph of a set of laws, as `lawref index` stores it:
//  1. every reference in every text (reference_extractor.h), names resolved to the version in
//     force on the citing law's own date (the 2017 rules cite the 2014 law, not today's);
//  2. version links between each law and its successor (article_alignment.h);
//  3. implementation links from a regulation to each law it implements: the registry's
//     `implements`, else the laws its first article names as its basis (根据《…》…制定),
//     the Constitution aside. Citations of the parent's articles come first (score 1), then
//     articles alike in text.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "article_alignment.h"
#include "implementation_alignment.h"
#include "links.h"
#include "law_names.h"
#include "model.h"
#include "reference_extractor.h"
#include "registry.h"

namespace lawref::links {

struct LinkOptions {
  AlignmentOptions versions;
  ImplementationOptions implementation;
  unsigned threads = 0;  // 0: one per core
  // A pair of texts whose similarity matrices have at least this many cells (the article,
  // paragraph and item units of one side times the other's) is aligned while no other such pair
  // is: the largest pairs of core + lawrefbook take ~40 MB each (bench/README.md, round five).
  std::size_t heavy_pair_cells = 2'000'000;
  // Called after each law's citations (stage 0) and each aligned pair of texts (stage 1), from
  // the worker threads but never from two at once; may be empty.
  std::function<void(int stage, std::size_t done, std::size_t total)> progress;
};

// What one law's links were made from, beyond its own text and record: an incremental
// update (index_update.h) reads it to tell whose links a change can reach.
struct LawLinkInputs {
  std::vector<std::string> cited_keys;   // cited_name_keys() of its references
  std::vector<std::string> implemented;  // implemented_laws()
  std::vector<std::string> parents;      // implementation_parents(): what its implementation pair aligns with
  std::string as_of;                     // a law with no date of its own is read as of the day of the build: that day
  bool operator==(const LawLinkInputs&) const = default;
};

// `texts`: law id -> its Chinese text (laws without one may still be cited by name).
// `inputs`, when given, receives each law's LawLinkInputs (laws with a text only).
std::vector<Link> build_links(const Registry& registry, const std::map<std::string, const LawText*>& texts, const LinkOptions& options = {},
                              std::map<std::string, LawLinkInputs>* inputs = nullptr);
// The same links in the parts they are made in (each law's citations, then each aligned pair),
// never concatenated: what `lawref index` stores, without a second copy of the whole graph.
std::vector<std::vector<Link>> build_link_parts(const Registry& registry, const std::map<std::string, const LawText*>& texts,
                                                const LinkOptions& options = {}, std::map<std::string, LawLinkInputs>* inputs = nullptr);

// The names a text may use without 《》, as the extractor learns them from the registry: short
// names, registered aliases, titles of six characters or more. Sorted; extraction reads
// nothing else of the registry.
std::vector<std::string> known_law_names(const Registry& registry);

// The date a law's text speaks from: the version it is (its last amendment, else adoption),
// else when it took effect, else today.
std::string citing_date(const LawInfo& law);
// Today's date when citing_date() falls back to it, else empty (LawLinkInputs::as_of).
std::string as_of_today(const LawInfo& law);

// One law's citation links, as build_links makes them.
class CitationResolver {
 public:
  explicit CitationResolver(const Registry& registry);  // kept by reference
  std::vector<Reference> references(const LawText& text) const;
  // `texts` must hold the citing law's text and those of the laws under cited_name_keys(refs):
  // resolution reads no others.
  std::vector<Link> resolve(const LawInfo& citing, const std::map<std::string, const LawText*>& texts, const std::vector<Reference>& refs) const;

 private:
  KnownNames names_;
  LawNameIndex index_;
};

// normalize_law_name of each law name the references use (the name cited, and the law a bare
// 第N条 may belong to), sorted and unique.
std::vector<std::string> cited_name_keys(const std::vector<Reference>& refs);

// What a law's implementation pair aligns it with: the laws it implements and, for a local
// regulation or departmental rule, the administrative regulations implementing those that were
// in force when it was made.
std::vector<std::string> implementation_parents(const Registry& registry, const LawInfo& law, const std::vector<std::string>& implemented);

// One law's implementation links to its parents' texts, as build_links makes them: `cites` are
// its citation links; a parent in force only after the law was made is noted on each link.
std::vector<Link> law_implementation_links(const Registry& registry, const LawInfo& law, const LawText& text,
                                           const std::vector<const LawText*>& parents, const std::vector<Link>& cites,
                                           const ImplementationOptions& options = {}, const EnglishTexts* english = nullptr);

// The laws `law` implements: its registry list, else the laws its first article names as its
// basis (根据/依据…制定), from its resolved external links. Never the Constitution.
std::vector<std::string> implemented_laws(const Registry& registry, const LawInfo& law, const LawText& text,
                                          const std::vector<Link>& outgoing);

// Implementation links from one local text to the national texts it implements, from the local
// text's resolved citations (`outgoing`) and from similarity, all parents' candidates ranked
// together. A link names the national paragraph or item when that part is what matched.
// `english`: the translations of `local` and its parents; null: lawref's own are loaded (unless
// options.english is EnglishSignal::Off).
std::vector<Link> implementation_links(const LawText& local, const std::vector<const LawText*>& parents,
                                       const std::vector<Link>& outgoing, const ImplementationOptions& options = {},
                                       const EnglishTexts* english = nullptr);

// Version links from an old text to its successor.
std::vector<Link> version_links(const LawText& old_law, const LawText& new_law, const AlignmentOptions& options = {});

}  // namespace lawref::links
