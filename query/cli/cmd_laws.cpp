// lawref laws [--json]: the laws of the index (or, without one, of the sources) with their metadata.
#include "cmd_laws.h"

#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "index_builder.h"
#include "law_names.h"
#include "laws_printer.h"
#include "paths.h"

namespace lawref::cli {

int run_laws(const LawsCommandOptions& opt) {
  // Like show: the index when there is one and no --sources asks for the files.
  if (const int refused = refuse_sources_with_db(opt.corpus); refused != exit_code::kOk) return refused;
  std::vector<LawRow> rows;
  const std::filesystem::path db = opt.corpus.db.empty() ? default_db_path() : std::filesystem::path(opt.corpus.db);
  if (opt.corpus.sources.empty() && (std::filesystem::exists(db) || !opt.corpus.db.empty())) {
    int code = exit_code::kOk;
    std::unique_ptr<IndexStore> index = open_index(opt.corpus, code);
    if (!index) return code;
    rows = list_laws(*index, today());
  } else {
    if (opt.corpus.sources.empty())  // the default sources: say where the corpus was looked for when it is missing
      if (const std::string note = paths::missing_corpus_note(); !note.empty()) std::cerr << "lawref: note: " << note << "\n";
    const Catalog catalog = Catalog::scan(Registry::builtin(), opt.corpus.catalog_options());
    if (!catalog.problems().empty()) std::cerr << "lawref: warning: " << summarize_problems(catalog.problems()) << "\n";
    rows = list_laws(catalog, today());
  }
  if (opt.registered_only) std::erase_if(rows, [](const LawRow& r) { return !r.info.registered; });
  print_laws(std::cout, rows, opt.json ? OutputFormat::Json : OutputFormat::Text);
  return exit_code::kOk;
}

void setup_laws(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<LawsCommandOptions>();
  CLI::App* cmd = app.add_subcommand("laws", "List the laws: id, titles, level, jurisdiction, dates, status, article count, text present");
  opt->corpus.add_to(*cmd);
  cmd->add_flag("--json", opt->json, "JSON for scripts: {\"count\": N, \"laws\": [...]}");
  cmd->add_flag("--registered", opt->registered_only, "Only the laws of the registry (data/laws.json)");
  cmd->callback([opt, &exit_code] { exit_code = run_laws(*opt); });
}

}  // namespace lawref::cli
