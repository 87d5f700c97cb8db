// Search quality on the labelled queries (bench/eval/queries.tsv): MRR and recall@10, per
// language, for an index built both ways (bigrams; bigrams + ICU dictionary words).
// Usage: search_eval QUERIES.tsv [MORE.tsv…] [SOURCES_DIR] [--bigrams] [--verbose] [--pooled JUDGED.tsv]
// --verbose prints every query, and the accepted provisions missing from its first page.
// --pooled adds the articles a blind pooled judgment found relevant (bench/eval/judged/) to the
// labels of the sets it names; the label files stay as written.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "guarded_main.h"
#include "index_builder.h"
#include "paths.h"
#include "search.h"
#include "search_eval.h"

#include <unistd.h>

namespace {

struct Score {
  double rr = 0, recall = 0;
  int n = 0;
};

int run(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: search_eval QUERIES.tsv [MORE.tsv…] [SOURCES_DIR[:DIR…]] [--bigrams] [--verbose] [--pooled JUDGED.tsv]   (default: the "
                 "corpus's core and local)\n");
    return 2;
  }
  // Every .tsv named is scored on the same index; --bigrams skips the index with dictionary words.
  bool verbose = false, bigrams_only = false;
  std::vector<std::string> pooled;
  std::vector<std::pair<std::string, std::vector<lawref::LabelledQuery>>> sets;
  // The index a user gets by default (core and local), unless folders are named.
  std::vector<std::filesystem::path> sources = lawref::paths::default_sources();
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--verbose") verbose = true;
    else if (arg == "--bigrams") bigrams_only = true;
    else if (arg == "--pooled" && a + 1 < argc) pooled.push_back(argv[++a]);
    else if (arg.size() > 4 && arg.compare(arg.size() - 4, 4, ".tsv") == 0) sets.emplace_back(arg, lawref::read_labelled_queries(arg));
    else {
      sources.clear();
      for (std::size_t start = 0, colon; start <= arg.size(); start = colon + 1) {
        colon = arg.find(':', start);
        if (colon == std::string::npos) colon = arg.size();
        if (colon > start) sources.emplace_back(arg.substr(start, colon - start));
      }
    }
  }
  for (auto& [set_name, queries] : sets)
    for (const std::string& file : pooled) {
      const std::size_t added = lawref::add_pooled_judgments(queries, std::filesystem::path(set_name).stem().string(), file);
      if (added) std::printf("%s: %zu articles judged relevant added from %s\n", set_name.c_str(), added, file.c_str());
    }
  const auto tmp = std::filesystem::temp_directory_path() / ("lawref-eval-" + std::to_string(::getpid()));
  int status = 0;
  for (bool words : {false, true}) {
    if (words && bigrams_only) break;
    lawref::IndexOptions options;
    options.catalog.sources = sources;
    options.db = tmp / (words ? "words" : "bigrams");
    options.dictionary_words = words;
    lawref::build_index(lawref::Registry::builtin(), options);
    lawref::IndexStore store(options.db);
    lawref::Searcher searcher(store);
    for (const auto& [set_name, queries] : sets) {
      if (sets.size() > 1) std::printf("%s:\n", set_name.c_str());
      std::map<std::string, Score> scores;
      for (const auto& q : queries) {
        lawref::SearchOptions o;
        o.query = q.query;
        o.limit = 10;
        const lawref::SearchResult r = searcher.search(o);
        const auto [rank, recall] = lawref::score_query(r, q);
        Score& s = scores[q.lang];
        s.rr += rank ? 1.0 / rank : 0;
        s.recall += recall;
        ++s.n;
        if (verbose || (rank != 1 && words == false))
          std::printf("  %-5s rank %-2s %-40s %s\n", q.lang.c_str(), rank ? std::to_string(rank).c_str() : "-", q.query.c_str(),
                      r.hits.empty() ? "(no hits)" : r.hits[0].id.c_str());
        // --verbose: the accepted provisions the page lacks, each with where it is (rank and
        // tier among the first 100, unfolded), so that a miss can be told from a low rank.
        if (verbose && recall < 1) {
          lawref::SearchOptions deeper = o;
          deeper.limit = 100;
          deeper.fold_restatements = false;  // the rank of each provision as a hit of its own
          const lawref::SearchResult wide = searcher.search(deeper);
          // A provision folded under a hit (restated by) is where that hit is.
          const auto shows = [](const lawref::SearchHit& h, const std::string& id) {
            return h.id == id || std::any_of(h.restated_by.begin(), h.restated_by.end(), [&](const lawref::Restatement& f) { return f.id == id; });
          };
          for (const std::string& id : q.accepted) {
            if (std::any_of(r.hits.begin(), r.hits.end(), [&](const lawref::SearchHit& h) { return shows(h, id); })) continue;
            std::size_t at = 0;
            while (at < wide.hits.size() && !shows(wide.hits[at], id)) ++at;
            if (at == wide.hits.size()) std::printf("        missed %s: not among the first 100\n", id.c_str());
            else std::printf("        missed %s: rank %zu, tier %s\n", id.c_str(), at + 1, lawref::to_string(wide.hits[at].tier));
          }
        }
      }
      std::printf("%s:", words ? "bigrams+words" : "bigrams");
      for (const auto& [lang, s] : scores) std::printf("  %s MRR %.3f recall@10 %.3f (%d queries)", lang.c_str(), s.rr / s.n, s.recall / s.n, s.n);
      std::printf("\n");
    }
  }
  std::filesystem::remove_all(tmp);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  return lawref::bench::guarded_main("search_eval", [&] { return run(argc, argv); });
}
