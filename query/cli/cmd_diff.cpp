// lawref diff OLD NEW: the whole revision, article by article, with inserted and deleted text.
#include "cmd_diff.h"

#include <iostream>

#include "commands.h"
#include "diff_printer.h"
#include "exit_codes.h"
#include "index_citations.h"
#include "link_graph.h"

namespace lawref::cli {

int run_diff(const DiffCommandOptions& cmd) {
  if (cmd.html && cmd.json) return fail(exit_code::kBadInput, "--html and --json are different outputs: choose one");
  if (cmd.html && (cmd.summary || cmd.changed_only)) return fail(exit_code::kBadInput, "--html shows the whole revision: leave out --summary and --changed");
  int code = exit_code::kOk;
  auto store = open_index(cmd.corpus, code);
  if (!store) return code;
  Lookup lookup(*store);
  const LookupResult a = resolve_citation(lookup, cmd.before, {}, code);
  if (a.status != LookupStatus::Found) return code;
  const LookupResult b = resolve_citation(lookup, cmd.after, {}, code);
  if (b.status != LookupStatus::Found) return code;
  if (a.article || b.article) return fail(exit_code::kBadInput, "diff compares two laws (e.g. cel-2014 cel-2023); for two provisions use lawref compare");
  LinkGraph graph(*store);
  RevisionDiff d;
  try {
    d = diff_revision(*a.zh, *b.zh, graph.outgoing(a.law->id));
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  const OutputFormat format = cmd.html ? OutputFormat::Html : cmd.json ? OutputFormat::Json : OutputFormat::Text;
  const DiffPrintOptions options{.summary = cmd.summary, .changed_only = cmd.changed_only, .color = format == OutputFormat::Text && color_output()};
  print_diff(std::cout, {*a.law, *a.zh}, {*b.law, *b.zh}, d, format, options);
  return exit_code::kOk;
}

void setup_diff(CLI::App& app, int& exit_code) {
  auto cmd = std::make_shared<DiffCommandOptions>();
  CLI::App* sub = app.add_subcommand("diff", "What a revision changed: lawref diff cel-2014 cel-2023 (mapping, changed, new and dropped articles)");
  cmd->corpus.add_index_option(*sub);
  sub->add_option("old", cmd->before, "The earlier law: an id (cel-2014) or a name with a year (2014年反间谍法)")->required();
  sub->add_option("new", cmd->after, "The later law")->required();
  sub->add_flag("--summary", cmd->summary, "Only the mapping, no texts");
  sub->add_flag("--changed", cmd->changed_only, "Leave out articles carried over unchanged");
  sub->add_flag("--json", cmd->json, "One JSON object: changes (with diff segments), dropped, added");
  sub->add_flag("--html", cmd->html, "One self-contained HTML page: each article beside its successor, changes marked, contents by chapter");
  sub->callback([cmd, &exit_code] { exit_code = run_diff(*cmd); });
}

}  // namespace lawref::cli
