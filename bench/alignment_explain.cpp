// Why the alignment links what it links: for each labelled local law (tests/data/alignment/*.tsv),
// each local article's rows (the article whole, then each sentence or item) with their best
// national articles and scores, the labelled pairs marked, and every labelled pair the links miss
// with the best score its national article reached and its rank there. Usage:
//   alignment_explain GOLD.tsv… [--top N] [--dump]   (--dump: the parents and every row's top N scores as TSV,
//   Chinese and English similarity (-1: no English), for bench/alignment_replay.py)
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unistd.h>

#include "alignment_eval.h"
#include "article_alignment.h"
#include "file_io.h"
#include "guarded_main.h"
#include "implementation_alignment.h"
#include "lawref_translation.h"
#include "index_builder.h"
#include "index_store.h"
#include "link_graph.h"
#include "paths.h"
#include "utf8.h"

namespace {

using namespace lawref;

std::string name(const links::ImplementationMatch& m, const std::vector<const LawText*>& parents) {
  const Article& a = parents[m.parent]->articles[m.to];
  std::string s = parents[m.parent]->law_id + "/art" + std::to_string(a.number);
  if (m.paragraph) s += "/para" + std::to_string(m.paragraph);
  if (m.item) s += "/item" + std::to_string(m.item);
  return s;
}

void explain(IndexStore& store, LinkGraph& graph, const GoldSet& gold, std::size_t top_n, bool dump) {
  const LawText* local = store.text(gold.local_law, "zh");
  const LawInfo* info = store.law(gold.local_law);
  if (!local || !info) {
    std::printf("%s: not in the index\n", gold.local_law.c_str());
    return;
  }
  std::vector<std::string> parent_ids = info->implements;
  for (const std::string& n : gold.national_laws)
    if (std::find(parent_ids.begin(), parent_ids.end(), n) == parent_ids.end()) parent_ids.push_back(n);
  std::vector<const LawText*> parents;
  for (const std::string& id : parent_ids)
    if (const LawText* t = store.text(id, "zh")) parents.push_back(t);
  // Labelled national articles per local article number.
  std::map<int, std::map<std::string, bool>> labelled;
  for (const GoldPair& p : gold.pairs)
    labelled[p.local.path.article][p.national.law + "/art" + std::to_string(p.national.path.article)] |= p.core;
  std::map<int, std::set<std::string>> predicted;
  for (const links::Link& l : graph.outgoing(gold.local_law))
    if (l.kind == links::LinkKind::Implements) predicted[l.from.path.article].insert(l.to.law + "/art" + std::to_string(l.to.path.article));

  // lawref's English of the local text and of each parent, where there is one: the dump carries
  // the English similarity beside the Chinese (what the engine uses depends on its options).
  std::vector<std::optional<LawText>> translations;
  translations.push_back(lawref_translation(local->law_id));
  for (const LawText* p : parents) translations.push_back(lawref_translation(p->law_id));
  links::EnglishTexts english;
  english.local = translations[0] ? &*translations[0] : nullptr;
  for (std::size_t p = 0; p < parents.size(); ++p) english.parents.push_back(translations[p + 1] ? &*translations[p + 1] : nullptr);
  const std::vector<links::ImplementationRow> rows = links::implementation_scores(*local, parents, {}, &english);
  if (dump) {  // TSV for trying selection rules elsewhere: parent, citation, row and score lines
    const std::vector<bool> main = links::mainly_implemented(*local, parents);
    for (std::size_t p = 0; p < parents.size(); ++p)
      std::printf("parent\t%s\t%s\t%d\n", gold.local_law.c_str(), parents[p]->law_id.c_str(), main[p] ? 1 : 0);
    for (const links::Link& l : graph.outgoing(gold.local_law))
      if (l.kind == links::LinkKind::Implements && l.basis == links::LinkBasis::Citation)
        std::printf("cite\t%s\t%d\t%s/art%d\n", gold.local_law.c_str(), l.from.path.article, l.to.law.c_str(), l.to.path.article);
    // Each national article's text, folded (for signals computed from the texts themselves).
    for (const LawText* p : parents)
      for (const Article& a : p->articles) {
        const std::u32string text = links::comparable_text(a);
        std::printf("national\t%s\t%s/art%d\t%s\n", gold.local_law.c_str(), p->law_id.c_str(), a.number, utf8::encode(text).c_str());
      }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::vector<links::ImplementationMatch> sorted = rows[r].scores;
      std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.score > y.score; });
      const std::string anchor = rows[r].anchor_chars ? name(rows[r].scores[rows[r].anchor], parents) : "-";
      std::printf("row\t%s\t%d\t%zu\t%d\t%zu\t%s\t%s\t%zu\n", gold.local_law.c_str(), local->articles[rows[r].from].number, r,
                  rows[r].whole ? 1 : 0, rows[r].text.size(), utf8::encode(rows[r].text).c_str(), anchor.c_str(), rows[r].anchor_chars);
      for (std::size_t k = 0; k < std::min(top_n, sorted.size()); ++k)
        std::printf("score\t%zu\t%s\t%.5f\t%.5f\n", r, name(sorted[k], parents).c_str(), sorted[k].score, sorted[k].english);
    }
    return;
  }
  std::printf("=== %s (parents:", gold.local_law.c_str());
  for (const LawText* p : parents) std::printf(" %s", p->law_id.c_str());
  std::printf(")\n");
  for (const links::ImplementationRow& row : rows) {
    const int number = local->articles[row.from].number;
    const auto& gold_here = labelled[number];
    if (row.whole) {
      std::printf("\nart%d  predicted:", number);
      for (const std::string& p : predicted[number])
        std::printf(" %s%s", p.c_str(), gold_here.count(p) ? (gold_here.at(p) ? "[core]" : "[rel]") : "[WRONG]");
      std::printf("\n  labelled:");
      for (const auto& [n, core] : gold_here) std::printf(" %s%s%s", n.c_str(), core ? "[core]" : "[rel]", predicted[number].count(n) ? "" : "(MISSED)");
      std::printf("\n");
    }
    std::vector<links::ImplementationMatch> sorted = row.scores;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.score > y.score; });
    const std::string text = utf8::encode(row.text);
    std::printf("  %s %.60s\n   ", row.whole ? "whole" : "seg  ", text.c_str());
    for (std::size_t k = 0; k < std::min(top_n, sorted.size()); ++k) {
      const std::string n = name(sorted[k], parents);
      const std::string article = n.substr(0, n.find("/para"));
      std::printf(" %.3f %s%s", sorted[k].score, n.c_str(), gold_here.count(article) ? "*" : "");
    }
    // Labelled articles not among the top: their score and rank in this row.
    for (const auto& [n, core] : gold_here) {
      for (std::size_t k = top_n; k < sorted.size(); ++k) {
        const std::string m = name(sorted[k], parents);
        if (m.substr(0, m.find("/para")) == n) {
          std::printf("  | %s #%zu %.3f", n.c_str(), k + 1, sorted[k].score);
          break;
        }
      }
    }
    std::printf("\n");
  }
}

int run(int argc, char** argv) {
  std::vector<std::string> files;
  std::size_t top_n = 4;
  bool dump = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--top" && i + 1 < argc) {
      const std::string n = argv[++i];
      if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos) throw std::runtime_error("--top wants a number, not '" + n + "'");
      top_n = static_cast<std::size_t>(std::stoul(n));
    }
    else if (a == "--dump") dump = true;
    else files.push_back(a);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: alignment_explain GOLD.tsv… [--top N] [--dump]\n");
    return 2;
  }
  const auto tmp = std::filesystem::temp_directory_path() / ("lawref-explain-" + std::to_string(::getpid()));
  IndexOptions options;
  options.catalog.sources = paths::default_sources();
  options.db = tmp / "index";
  build_index(Registry::builtin(), options);
  {
    IndexStore store(options.db);
    LinkGraph graph(store);
    for (const std::string& file : files) explain(store, graph, parse_gold(read_file(file)), top_n, dump);
  }
  std::filesystem::remove_all(tmp);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return lawref::bench::guarded_main("alignment_explain", [&] { return run(argc, argv); });
}
