// Alignment quality on the labelled national <-> local pairs (tests/data/alignment/*.tsv):
// builds the index of the default sources (core and local) with its link graph, then scores
// the stored implementation links of each labelled law. Usage:
//   alignment_eval GOLD.tsv… [--verbose] [--english off|rescue|max] [--english-weight W]
// With --english (or --english-weight W, which means max with that weight), the link graph is
// computed here instead, as the index builder does but with ImplementationOptions::english set
// so (how lawref's English translations count; the index uses the default, rescue): for
// measuring the other forms without changing the index.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>

#include "alignment_eval.h"
#include "amendment_dates.h"
#include "auto_describe.h"
#include "catalog.h"
#include "file_io.h"
#include "guarded_main.h"
#include "index_builder.h"
#include "link_builder.h"
#include "link_graph.h"
#include "paths.h"

namespace {

// Each law's outgoing links, from a link graph computed in memory over the default sources.
std::map<std::string, std::vector<lawref::links::Link>> links_in_memory(const lawref::links::ImplementationOptions& implementation) {
  using namespace lawref;
  CatalogOptions catalog_options;
  catalog_options.sources = paths::default_sources();
  const Catalog catalog = Catalog::scan(Registry::builtin(), catalog_options);
  const AmendmentDates amendments = amendment_commencements(catalog);
  Registry registry;
  registry.reserve(catalog.entries().size());
  std::map<std::string, LawText> zh;
  for (const CatalogEntry& entry : catalog.entries()) {
    LawInfo info = entry.info;
    if (entry.text("zh")) {
      ParseResult r = load_text(entry, "zh", false);
      if (r.ok()) {
        complete_from_text(info, r.law, &amendments);
        zh.emplace(info.id, std::move(r.law));
      }
    }
    registry.add(std::move(info));
  }
  std::map<std::string, const LawText*> texts;
  for (const auto& [id, text] : zh) texts.emplace(id, &text);
  links::LinkOptions options;
  options.implementation = implementation;
  std::map<std::string, std::vector<links::Link>> out;
  for (links::Link& l : links::build_links(registry, texts, options)) out[l.from.law].push_back(std::move(l));
  return out;
}

int run(int argc, char** argv) {
  std::vector<std::string> files;
  bool verbose = false;
  lawref::links::ImplementationOptions implementation;
  bool in_memory = false;  // else the index's own links
  bool usage_error = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--verbose") {
      verbose = true;
    } else if (arg == "--english-weight") {
      char* end = nullptr;
      implementation.english = lawref::links::EnglishSignal::Max;
      implementation.english_weight = i + 1 < argc ? std::strtod(argv[++i], &end) : -1;
      usage_error = usage_error || !end || *end != '\0' || implementation.english_weight < 0;
      in_memory = true;
    } else if (arg == "--english") {
      const std::string form = i + 1 < argc ? argv[++i] : "";
      if (form == "off") implementation.english = lawref::links::EnglishSignal::Off;
      else if (form == "rescue") implementation.english = lawref::links::EnglishSignal::Rescue;
      else if (form == "max") implementation.english = lawref::links::EnglishSignal::Max;
      else usage_error = true;
      in_memory = true;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty() || usage_error) {
    std::fprintf(stderr, "usage: alignment_eval GOLD.tsv… [--verbose] [--english off|rescue|max] [--english-weight W]\n");
    return 2;
  }
  std::map<std::string, std::vector<lawref::links::Link>> computed;
  const auto tmp = std::filesystem::temp_directory_path() / ("lawref-align-" + std::to_string(::getpid()));
  std::unique_ptr<lawref::IndexStore> store;
  std::unique_ptr<lawref::LinkGraph> graph;
  if (in_memory) {
    computed = links_in_memory(implementation);
  } else {
    lawref::IndexOptions options;
    options.catalog.sources = lawref::paths::default_sources();
    options.db = tmp / "index";
    lawref::build_index(lawref::Registry::builtin(), options);
    store = std::make_unique<lawref::IndexStore>(options.db);
    graph = std::make_unique<lawref::LinkGraph>(*store);
  }
  const std::vector<lawref::links::Link> none;
  for (const std::string& file : files) {
    const lawref::GoldSet gold = lawref::parse_gold(lawref::read_file(file));
    const auto found = computed.find(gold.local_law);
    const std::vector<lawref::links::Link>& links = graph ? graph->outgoing(gold.local_law) : found != computed.end() ? found->second : none;
    const lawref::AlignmentScore s = lawref::score_alignment(gold, links);
    std::printf("%-22s precision %.3f (%zu/%zu)  recall %.3f (%zu/%zu)  core recall %.3f (%zu/%zu)  additions kept %zu/%zu\n",
                gold.local_law.c_str(), s.precision(), s.predicted_right, s.predicted, s.recall(), s.gold_found, s.gold, s.core_recall(),
                s.core_found, s.core, s.additions_kept, s.additions);
    if (verbose) {
      for (const auto& [a, b] : s.wrong) std::printf("  wrong   %s -> %s\n", a.c_str(), b.c_str());
      for (const auto& [a, b] : s.missed) std::printf("  missed  %s -> %s\n", a.c_str(), b.c_str());
    }
  }
  graph.reset();
  store.reset();
  std::filesystem::remove_all(tmp);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return lawref::bench::guarded_main("alignment_eval", [&] { return run(argc, argv); });
}
