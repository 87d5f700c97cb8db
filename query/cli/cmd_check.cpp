// lawref check: validate registry and corpus; exit 3 when anything is wrong.
#include <iostream>

#include "commands.h"
#include "common_options.h"
#include "corpus_check.h"
#include "exit_codes.h"

namespace lawref::cli {

void setup_check(CLI::App& app, int& exit_code) {
  struct Options {
    CorpusOptions corpus;
    bool quiet = false;
  };
  auto opt = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("check", "Validate the registry and every text of the corpus (exit 3 on problems)");
  opt->corpus.add_to(*cmd);
  cmd->add_flag("-q,--quiet", opt->quiet, "Print only the problems and the final count");
  cmd->callback([opt, &exit_code] {
    const Catalog catalog = Catalog::scan(Registry::builtin(), opt->corpus.catalog_options());
    const CheckReport report = check_corpus(catalog);
    for (const std::string& p : report.problems) std::cout << "PROBLEM " << p << "\n";
    int bad = 0;
    for (const LawCheck& l : report.laws) {
      bad += !l.problems.empty();
      if (l.problems.empty() && opt->quiet) continue;
      std::cout << (l.problems.empty() ? "ok      " : "FAIL    ") << l.law_id << " (" << l.lang << "): " << l.articles << " articles";
      if (l.warnings) std::cout << ", " << l.warnings << " warnings";
      if (!l.translation.empty())
        std::cout << "; " << l.translated << " of " << l.provisions << " paragraphs and items translated — " << l.translation;
      std::cout << "\n";
      for (const std::string& p : l.problems) std::cout << "        " << p << "\n";
    }
    if (!opt->quiet) {
      for (const std::string& id : report.without_text) std::cout << "no text " << id << " (metadata only)\n";
      std::string untranslated;
      for (const CatalogEntry& e : catalog.entries())
        if (e.text("zh") && !e.text("en")) untranslated += (untranslated.empty() ? "" : ", ") + e.info.id;
      if (!untranslated.empty()) std::cout << "no English text: " << untranslated << "\n";
    }
    std::cout << report.laws.size() << " texts checked: " << report.laws.size() - static_cast<std::size_t>(bad) << " ok, " << bad
              << " with problems; " << report.problems.size() << " registry/corpus problems\n";
    exit_code = report.ok() ? exit_code::kOk : exit_code::kCorpusProblem;
  });
}

}  // namespace lawref::cli
