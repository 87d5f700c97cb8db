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
#include "model.h"
#include "registry.h"

namespace lawref::links {

struct LinkOptions {
  AlignmentOptions versions;
  ImplementationOptions implementation;
  unsigned threads = 0;  // 0: one per core
  // Called after each law's citations (stage 0) and each aligned pair of texts (stage 1), from
  // the worker threads but never from two at once; may be empty.
  std::function<void(int stage, std::size_t done, std::size_t total)> progress;
};

// `texts`: law id -> its Chinese text (laws without one may still be cited by name).
std::vector<Link> build_links(const Registry& registry, const std::map<std::string, const LawText*>& texts, const LinkOptions& options = {});

// The laws `law` implements: its registry list, else the laws its first article names as its
// basis (根据/依据…制定), from its resolved external links. Never the Constitution.
std::vector<std::string> implemented_laws(const Registry& registry, const LawInfo& law, const LawText& text,
                                          const std::vector<Link>& outgoing);

// Implementation links from one local text to the national texts it implements, from the local
// text's resolved citations (`outgoing`) and from similarity, all parents' candidates ranked
// together. A link names the national paragraph or item when that part is what matched.
std::vector<Link> implementation_links(const LawText& local, const std::vector<const LawText*>& parents,
                                       const std::vector<Link>& outgoing, const ImplementationOptions& options = {},
                                       const EnglishTexts* english = nullptr);

// Version links from an old text to its successor.
std::vector<Link> version_links(const LawText& old_law, const LawText& new_law, const AlignmentOptions& options = {});

}  // namespace lawref::links
