#include "search_printer.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace lawref {
namespace {

using nlohmann::ordered_json;

// The snippet's «» marks as terminal colours.
std::string highlight(const std::string& snippet, bool color) {
  if (!color) return snippet;
  const std::string open = kMarkOpen, close = kMarkClose;
  std::string out;
  for (std::size_t i = 0; i < snippet.size();) {
    if (snippet.compare(i, open.size(), open) == 0) {
      out += "\x1b[1;31m";
      i += open.size();
    } else if (snippet.compare(i, close.size(), close) == 0) {
      out += "\x1b[0m";
      i += close.size();
    } else {
      out += snippet[i++];
    }
  }
  return out;
}

ordered_json or_null(int n) { return n ? ordered_json(n) : ordered_json(nullptr); }
ordered_json or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

ordered_json restatements_json(const std::vector<Restatement>& folded) {
  ordered_json a = ordered_json::array();
  for (const Restatement& f : folded) a.push_back({{"id", f.id}, {"law", f.law}, {"citation", f.citation}, {"citation_en", f.citation_en}, {"linked", f.linked}});
  return a;
}

void print_json(std::ostream& out, const SearchResult& r, const SearchPrintOptions& options) {
  ordered_json j;
  j["query"] = r.query;
  j["filters"] = r.filters;
  if (options.explain) j["explanation"] = r.explanation;
  j["total"] = r.total;
  j["total_exact"] = r.total_exact;
  j["mode"] = to_string(r.mode);
  j["tiers"] = ordered_json::array();
  for (const SearchTier& t : r.tiers) j["tiers"].push_back({{"name", to_string(t.name)}, {"count", t.count}});
  j["expansions"] = r.expansions;
  j["ignored"] = r.ignored;
  j["hits"] = ordered_json::array();
  for (const SearchHit& h : r.hits)
    j["hits"].push_back({{"id", h.id},
                         {"law", h.law},
                         {"article", h.article},
                         {"insertion", or_null(h.insertion)},
                         {"paragraph", or_null(h.paragraph)},
                         {"citation", h.citation},
                         {"citation_en", h.citation_en},
                         {"score", h.score},
                         {"tier", to_string(h.tier)},
                         {"lang", h.lang},
                         {"translation", or_null(h.translation)},
                         {"snippet", h.snippet},
                         {"restated_by", restatements_json(h.restated_by)},
                         {"linked_to", or_null(h.linked_to.id)}});
  out << j.dump() << "\n";
}

// Where a relaxed tier begins below the exact matches.
const char* tier_heading(SearchMode tier) {
  if (tier == SearchMode::Words) return "── with all the words of the phrases:\n";
  if (tier == SearchMode::Broader) return "── with a broader concept in place of one of the query's:\n";
  if (tier == SearchMode::Most) return "── with all but one of the words:\n";
  return "── with some of the words:\n";
}

// A relaxed hit's tier, said beside it on an interleaved page.
const char* tier_mark(SearchMode tier) {
  if (tier == SearchMode::Words) return "all the words of the phrases";
  if (tier == SearchMode::Broader) return "a broader concept";
  if (tier == SearchMode::Most) return "all but one of the words";
  return "some of the words";
}

void print_text(std::ostream& out, const SearchResult& r, const SearchPrintOptions& options) {
  if (options.explain)
    for (const std::string& line : r.explanation) out << "# " << line << "\n";
  for (const std::string& f : r.filters) out << "(filter from the query: " << f << ")\n";
  if (!options.explain)
    for (const std::string& e : r.expansions) out << "(" << e << ")\n";
  if (!r.ignored.empty()) {
    out << "(not in the glossary, ignored:";
    for (const std::string& w : r.ignored) out << " " << w;
    out << ")\n";
  }
  if (r.mode == SearchMode::Words) out << "(no provision has the phrase as typed; showing provisions with all its words)\n";
  if (r.mode == SearchMode::Any) out << "(no provision has all the words; showing provisions with any of them)\n";
  std::size_t n = options.offset;
  SearchMode tier = r.hits.empty() ? SearchMode::None : r.hits.front().tier;
  // The tiers interleave on the page (search_interleave.h): a relaxed hit above an exact one is
  // marked on its own line instead of under a heading.
  const bool interleaved = !std::is_sorted(r.hits.begin(), r.hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.tier < b.tier; });
  std::set<std::string> translations;
  for (const SearchHit& h : r.hits) {
    if (h.tier != tier && !interleaved && h.tier != SearchMode::Linked) {
      tier = h.tier;
      out << tier_heading(tier);
    }
    out << ++n << ". " << h.citation << " (" << h.citation_en << ")";
    if (h.paragraph > 0) out << " ¶" << h.paragraph;
    out << "  " << h.id;
    if (h.tier == SearchMode::Linked) out << "  (linked: cites " << h.linked_to.citation_en << ")";
    else if (interleaved && h.tier != SearchMode::Exact) out << "  (" << tier_mark(h.tier) << ")";
    out << "\n   " << (h.translation.empty() ? "" : "[en] ") << highlight(h.snippet, options.color) << "\n";
    if (!h.restated_by.empty()) {
      out << "   restated by:";
      for (std::size_t k = 0; k < h.restated_by.size(); ++k)
        out << (k ? ";" : "") << " " << h.restated_by[k].citation << " (" << h.restated_by[k].citation_en << ")" << (h.restated_by[k].linked ? " [linked: implements it]" : "");
      out << "\n";
    }
    if (!h.translation.empty()) translations.insert(h.translation);
  }
  if (!r.hits.empty()) {
    out << (r.total_exact ? "" : "about ") << r.total << " provisions";
    if (r.tiers.size() > 1) {
      out << " (";
      for (std::size_t i = 0; i < r.tiers.size(); ++i) out << (i ? ", " : "") << r.tiers[i].count << " " << to_string(r.tiers[i].name);
      out << ")";
    }
    out << "\n";
  }
  for (const std::string& t : translations) out << "[en]: " << t << "; the Chinese text is authoritative\n";
}

}  // namespace

void print_search(std::ostream& out, const SearchResult& result, OutputFormat format, const SearchPrintOptions& options) {
  switch (format) {
    case OutputFormat::Text: return print_text(out, result, options);
    case OutputFormat::Json: return print_json(out, result, options);
    case OutputFormat::Csv:
    case OutputFormat::Html: break;
  }
  throw_unsupported(format, "a search result");
}

}  // namespace lawref
