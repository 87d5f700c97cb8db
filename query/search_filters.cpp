#include "search_filters.h"

#include <algorithm>
#include <set>
#include <utility>

#include "citation_parser.h"
#include "index_schema.h"
#include "jurisdictions.h"
#include "registry.h"
#include "search_text.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::searching {
namespace {

// A bound that sorts after the date and before the next day.
std::string next_day_bound(const std::string& date) { return date + "\x01"; }

Xapian::Query any_of_terms(const std::vector<std::string>& terms) { return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()); }

}  // namespace

const char* level_named(std::string_view folded_word) {
  static const std::pair<const char*, const char*> levels[] = {
      {"地方性法规", "local-regulation"}, {"地方法规", "local-regulation"},        {"部门规章", "departmental-rule"},
      {"行政法规", "administrative-regulation"}, {"司法解释", "judicial-interpretation"}};
  for (const auto& [word, level] : levels)
    if (folded_word == word) return level;
  return nullptr;
}

bool may_name_a_law(const std::string& word) {
  if (!has_cjk(utf8::decode(word))) return false;
  for (const char* ending : {"法", "条例", "规定", "办法", "细则"})
    if (word.find(ending) != std::string::npos) return true;
  return false;
}

SearchFilters::SearchFilters(const LawStore& store) : store_(store) {}
SearchFilters::~SearchFilters() = default;

const LawNameIndex& SearchFilters::names() {
  if (!names_) names_ = std::make_unique<LawNameIndex>(store_.registry());
  return *names_;
}

SearchOptions SearchFilters::read_from_query(QueryParse& parsed, const SearchOptions& o, std::vector<std::string>& described) {
  SearchOptions out = o;
  QueryNode& root = parsed.root;
  if (root.kind != QueryNode::Kind::And || !is_plain_query(root)) return out;
  const std::size_t described_before = described.size();
  std::vector<std::string> places;  // the jurisdictions the query names in Chinese
  for (const QueryNode& c : root.children)
    if (const Jurisdiction* j = jurisdiction_by_name(text::fold(c.text))) places.push_back(j->id);
  std::vector<QueryNode> kept;
  for (QueryNode& c : root.children) {
    const std::string folded = text::fold(c.text);
    bool used = false;
    if (const char* level = level_named(folded)) {
      out.levels.push_back(level);
      described.push_back(std::string("level: ") + level);
      used = true;
    }
    if (!used) {
      // A jurisdiction by name (重庆, 重庆市) or, in English, by its romanised name (Chongqing,
      // Shaanxi: the id) when the store has laws of it.
      const Jurisdiction* j = is_english(c.text) ? jurisdiction_by_id(folded) : jurisdiction_by_name(folded);
      const auto& laws = store_.registry().laws();
      if (j && std::any_of(laws.begin(), laws.end(), [&](const LawInfo& l) { return l.jurisdiction == j->id; })) {
        out.jurisdictions.push_back(j->id);
        described.push_back(std::string("jurisdiction: ") + j->id);
        used = true;
      }
    }
    if (!used && may_name_a_law(c.text)) {
      // 新保密法, 新反间谍法: the new law is the version in force (on --in-force-on, else today).
      const std::string_view kNew = "新";
      const bool new_version = c.text.size() > kNew.size() && std::string_view(c.text).substr(0, kNew.size()) == kNew;
      const CitationParse cite = parse_citation(new_version ? c.text.substr(kNew.size()) : c.text);
      if (cite.ok && cite.citation.path.article == 0 && !cite.citation.law.empty() && !(new_version && cite.citation.year)) {
        const std::string as_of = o.in_force_on.empty() ? today() : o.in_force_on;
        LawResolution res = names().resolve(cite.citation.law, cite.citation.year, as_of, false);
        // A name shortened as people type it (实施细则 for 反间谍法实施细则), when it shortens one law's.
        bool shortened = false;
        // Not against a place the query names (黑龙江 … 奖励办法: Heilongjiang's measures, not the national 举报奖励办法).
        if (!res.law) {
          res = names().resolve_abbreviation(cite.citation.law, cite.citation.year, as_of);
          // Several laws' names shortened alike (反间谍安全防范条例: five provinces'), one of them of
          // the place the query names (陕西): that one.
          if (!res.law && !places.empty()) {
            const LawInfo* of_place = nullptr;
            std::size_t found = 0;
            for (const LawInfo* l : res.ambiguous)
              if (std::find(places.begin(), places.end(), l->jurisdiction) != places.end()) {
                of_place = l;
                ++found;
              }
            if (found == 1) res = names().resolve(of_place->short_name_zh(), cite.citation.year, as_of, false);
          }
          const bool elsewhere = res.law && std::any_of(places.begin(), places.end(), [&](const std::string& p) { return p != res.law->jurisdiction; });
          if (elsewhere) res = LawResolution{};
          shortened = res.law != nullptr;
        }
        if (res.law) {
          // A year names one version, and so does 新 (the one in force); a bare name every version of the law.
          const bool one_version = cite.citation.year || new_version;
          out.laws.push_back(one_version ? res.law->id : shortened ? res.law->short_name_zh() : c.text);
          described.push_back("law: " + res.law->short_name_zh() + " (" + (one_version ? res.law->id : "every version of " + res.law->work) + ")");
          used = true;
        }
      }
    }
    if (!used) kept.push_back(std::move(c));
  }
  if (kept.empty()) {
    described.resize(described_before);
    return o;
  }
  root.children = std::move(kept);
  if (root.children.size() == 1) {
    QueryNode only = std::move(root.children[0]);
    root = std::move(only);
  }
  return out;
}

bool SearchFilters::to_query(const SearchOptions& o, Xapian::Query& filter, std::string& error) {
  auto bad = [&](std::string message) {
    error = std::move(message);
    return false;
  };
  std::vector<Xapian::Query> parts;
  if (!o.laws.empty()) {
    std::vector<std::string> terms;
    for (const std::string& l : o.laws) {
      if (const LawInfo* info = store_.law(l)) {
        terms.push_back(schema::kLaw + info->id);
        continue;
      }
      const LawResolution res = names().resolve(l, 0, o.in_force_on.empty() ? today() : o.in_force_on);
      if (!res.law) return bad(res.error);
      terms.push_back(o.in_force_on.empty() ? schema::kWork + res.law->work : schema::kLaw + res.law->id);
    }
    parts.push_back(any_of_terms(terms));
  }
  if (!o.levels.empty()) {
    std::vector<std::string> terms;
    for (const std::string& l : o.levels) {
      if (!parse_law_level(l))
        return bad("unknown level '" + l + "' (constitution, law, administrative-regulation, departmental-rule, local-regulation, judicial-interpretation, other)");
      terms.push_back(schema::kLevel + l);
    }
    parts.push_back(any_of_terms(terms));
  }
  if (!o.jurisdictions.empty()) {
    std::set<std::string> known;
    for (const LawInfo& l : store_.registry().laws()) known.insert(l.jurisdiction);
    std::vector<std::string> terms;
    for (const std::string& j : o.jurisdictions) {
      if (!known.count(j)) {
        std::string list;
        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
        return bad("no law of jurisdiction '" + j + "' in the index (" + list + ")");
      }
      terms.push_back(schema::kJurisdiction + j);
    }
    parts.push_back(any_of_terms(terms));
  }
  if (!o.in_force_on.empty()) {
    if (!is_iso_date(o.in_force_on)) return bad("--in-force-on needs a YYYY-MM-DD date, not '" + o.in_force_on + "'");
    parts.push_back(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotFrom, o.in_force_on),
                                  Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotUntil, next_day_bound(o.in_force_on))));
  }
  if (!parts.empty()) filter = Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  return true;
}

}  // namespace lawref::searching
