// lawref check: validate registry and corpus; exit 3 when anything is wrong.
#include "cmd_check.h"

#include <iostream>

#include "check_printer.h"
#include "commands.h"
#include "corpus_check.h"
#include "exit_codes.h"

namespace lawref::cli {
namespace {

// The laws with a Chinese text and no English one, in catalog order.
std::vector<std::string> untranslated_laws(const Catalog& catalog) {
  std::vector<std::string> ids;
  for (const CatalogEntry& e : catalog.entries())
    if (e.text("zh") && !e.text("en")) ids.push_back(e.info.id);
  return ids;
}

}  // namespace

int run_check(const CheckCommandOptions& opt) {
  const Catalog catalog = Catalog::scan(Registry::builtin(), opt.corpus.catalog_options());
  const CheckReport report = check_corpus(catalog);
  print_check(std::cout, report, untranslated_laws(catalog), {.quiet = opt.quiet});
  return report.ok() ? exit_code::kOk : exit_code::kCorpusProblem;
}

void setup_check(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<CheckCommandOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Validate the registry and every text of the corpus (exit 3 on problems)");
  opt->corpus.add_to(*cmd);
  cmd->add_flag("-q,--quiet", opt->quiet, "Print only the problems and the final count");
  cmd->callback([opt, &exit_code] { exit_code = run_check(*opt); });
}

}  // namespace lawref::cli
