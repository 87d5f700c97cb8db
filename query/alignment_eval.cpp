#include "alignment_eval.h"

#include <map>

#include "stored_fields.h"

namespace lawref {
namespace {

std::string article_of(const ProvisionId& id) { return ProvisionId{id.law, article_path(id.path)}.str(); }

}  // namespace

GoldSet parse_gold(std::string_view tsv) {
  GoldSet gold;
  int number = 0;
  for (std::size_t start = 0; start < tsv.size();) {
    std::size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const auto f = split_fields(line, '\t');
    auto fail = [&](const std::string& why) { throw GoldError("line " + std::to_string(number) + ": " + why); };
    if (f.size() < 3) fail("expected local, national, strength and a note, TAB-separated");
    const auto local = ProvisionId::parse(f[0]);
    if (!local) fail("'" + std::string(f[0]) + "' is not a provision id");
    if (gold.local_law.empty()) gold.local_law = local->law;
    if (local->law != gold.local_law) fail("a second local law '" + local->law + "'");
    if (f[1] == "none") {
      gold.additions.push_back(*local);
      continue;
    }
    const auto national = ProvisionId::parse(f[1]);
    if (!national) fail("'" + std::string(f[1]) + "' is not a provision id");
    if (f[2] != "core" && f[2] != "related") fail("strength must be core or related, not '" + std::string(f[2]) + "'");
    gold.national_laws.insert(national->law);
    gold.pairs.push_back({*local, *national, f[2] == "core"});
  }
  return gold;
}

AlignmentScore score_alignment(const GoldSet& gold, const std::vector<links::Link>& links) {
  // Article pairs, each labelled core when any of its labelled lines is.
  std::map<std::pair<std::string, std::string>, bool> labelled;
  for (const GoldPair& p : gold.pairs) {
    bool& core = labelled[{article_of(p.local), article_of(p.national)}];
    core = core || p.core;
  }
  std::set<std::pair<std::string, std::string>> predicted;
  std::set<std::string> linked_locals;
  for (const links::Link& l : links) {
    if (l.kind != links::LinkKind::Implements || l.from.law != gold.local_law || !gold.national_laws.count(l.to.law)) continue;
    predicted.emplace(article_of(l.from), article_of(l.to));
    linked_locals.insert(article_of(l.from));
  }
  AlignmentScore s;
  s.predicted = predicted.size();
  for (const auto& p : predicted) {
    if (labelled.count(p)) ++s.predicted_right;
    else s.wrong.push_back(p);
  }
  for (const auto& [pair, core] : labelled) {
    const bool found = predicted.count(pair) > 0;
    ++s.gold;
    s.gold_found += found;
    if (core) {
      ++s.core;
      s.core_found += found;
    }
    if (!found) s.missed.push_back(pair);
  }
  for (const ProvisionId& a : gold.additions) {
    ++s.additions;
    s.additions_kept += linked_locals.count(article_of(a)) ? 0 : 1;
  }
  return s;
}

}  // namespace lawref
