#include "search_headings.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "compressed_blob.h"
#include "index_schema.h"
#include "law_json.h"
#include "search_text.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::searching {

using u32 = std::u32string;

namespace {

bool holds(const ConceptForms& forms, const u32& text) {
  for (const u32& f : forms)
    if (!f.empty() && contains_word(text, f)) return true;
  return false;
}

void collect(const Node& n, std::vector<ConceptForms>& out) {
  if (n.kind == Node::Kind::Not) return;
  if (n.kind == Node::Kind::Leaf && !n.alternatives.empty()) out.push_back(n.alternatives);
  for (const Node& c : n.children) collect(c, out);
}

}  // namespace

std::vector<ConceptForms> concepts_of(const Node& n) {
  std::vector<ConceptForms> out;
  collect(n, out);
  return out;
}

std::vector<std::size_t> concepts_held(const std::vector<ConceptForms>& concepts, const u32& text) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < concepts.size(); ++k)
    if (holds(concepts[k], text)) out.push_back(k);
  return out;
}

std::size_t concepts_only_in_headings(const std::vector<ConceptForms>& concepts, const std::vector<std::size_t>& in_headings, const u32& text) {
  std::size_t n = 0;
  for (const std::size_t k : in_headings)
    if (k < concepts.size() && !holds(concepts[k], text)) ++n;
  return n;
}

double heading_scaled_weight(double weight, std::size_t only_in_headings, double factor) {
  return weight * std::pow(factor, static_cast<double>(only_in_headings));
}

const DivisionHeadings::Law& DivisionHeadings::of(const std::string& law, const std::string& lang) {
  const auto key = std::make_pair(law, lang);
  if (const auto at = laws_.find(key); at != laws_.end()) return at->second;
  Law out;
  const std::string header = decompress_blob(db_.get_metadata(schema::law_header_key(law, lang)));
  if (!header.empty()) {
    const LawText text = law_header_from_json(nlohmann::json::parse(header));
    for (const Division& d : text.divisions) {
      u32 folded;
      text::fold_chars(utf8::decode(d.heading), folded);
      out.headings.push_back(std::move(folded));
      out.parents.push_back(d.parent);
    }
  }
  return laws_.emplace(key, std::move(out)).first->second;
}

u32 DivisionHeadings::Law::chain(int division) const {
  u32 out;
  // A division stands in one of lower index, so the walk ends (bounded anyway by the count, as
  // the index is read, not trusted).
  std::size_t steps = 0;
  for (int d = division; d >= 0 && static_cast<std::size_t>(d) < headings.size() && steps < headings.size();
       d = parents[static_cast<std::size_t>(d)], ++steps)
    out += headings[static_cast<std::size_t>(d)] + U'\n';
  return out;
}

bool HeadingConcepts::law_holds_any(const std::string& law) {
  if (const auto at = laws_.find(law); at != laws_.end()) return at->second;
  bool any = false;
  for (const char* lang : {schema::kLangChinese, schema::kLangEnglish})
    for (const u32& h : headings_.of(law, lang).headings) any = any || !concepts_held(concepts_, h).empty();
  return laws_.emplace(law, any).first->second;
}

const std::vector<std::size_t>& HeadingConcepts::held(const std::string& law, const std::string& lang, int division) {
  const auto key = std::make_tuple(law, lang, division);
  if (const auto at = divisions_.find(key); at != divisions_.end()) return at->second;
  return divisions_.emplace(key, concepts_held(concepts_, headings_.of(law, lang).chain(division))).first->second;
}

}  // namespace lawref::searching
