// lawref compare A B: two laws as an alignment table (which article of A implements which of
// B), or two provisions side by side with their differences.
#include "cmd_compare.h"

#include <iostream>

#include "commands.h"
#include "compare_printer.h"
#include "exit_codes.h"
#include "index_citations.h"
#include "link_graph.h"

namespace lawref::cli {
namespace {

OutputFormat format_of(const CompareCommandOptions& cmd) {
  return cmd.html ? OutputFormat::Html : cmd.json ? OutputFormat::Json : cmd.csv ? OutputFormat::Csv : OutputFormat::Text;
}

// lawref compare cel-2023 --locals: every local regulation implementing the national law.
int compare_localities(IndexStore& store, const LookupResult& national, OutputFormat format) {
  LinkGraph graph(store);
  LocalitiesView view;
  try {
    view = localities_view(store, graph, *national.law);
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  print_localities(std::cout, view, store, format);
  if (view.locals.empty()) {
    std::cerr << "lawref: no local regulation in the index implements " << national.law->id << "\n";
    return exit_code::kNotFound;
  }
  return exit_code::kOk;
}

int compare_laws(IndexStore& store, const LookupResult& a, const LookupResult& b, OutputFormat format) {
  LinkGraph graph(store);
  bool stored = false;
  std::vector<links::Link> table;
  try {
    table = alignment_table(*a.zh, *b.zh, graph.outgoing(a.law->id), &stored);
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  print_alignment(std::cout, {*a.law, *a.zh}, {*b.law, *b.zh}, table, stored, format);
  return table.empty() ? exit_code::kNotFound : exit_code::kOk;
}

int compare_two(const LookupResult& a, const LookupResult& b, OutputFormat format) {
  const ProvisionComparison c = compare_provisions(*a.zh, a.path, *b.zh, b.path);
  print_provision_comparison(std::cout, a.id(), b.id(), c, format, {.color = format == OutputFormat::Text && color_output()});
  return exit_code::kOk;
}

}  // namespace

int run_compare(const CompareCommandOptions& cmd) {
  if (cmd.html && (cmd.json || cmd.csv)) return fail(exit_code::kBadInput, "--html, --json and --csv are different outputs: choose one");
  int code = exit_code::kOk;
  auto store = open_index(cmd.corpus, code);
  if (!store) return code;
  Lookup lookup(*store);
  const LookupResult a = resolve_citation(lookup, cmd.left, cmd.as_of, code);
  if (a.status != LookupStatus::Found) return code;
  if (cmd.locals) {
    if (!cmd.right.empty()) return fail(exit_code::kBadInput, "--locals compares one national law with every locality: give one law");
    if (a.article) return fail(exit_code::kBadInput, "--locals needs a law, not a provision");
    return compare_localities(*store, a, format_of(cmd));
  }
  if (cmd.right.empty()) return fail(exit_code::kBadInput, "compare needs two laws or two provisions (or one national law with --locals)");
  if (cmd.csv) return fail(exit_code::kBadInput, "--csv is for the --locals view");
  const LookupResult b = resolve_citation(lookup, cmd.right, cmd.as_of, code);
  if (b.status != LookupStatus::Found) return code;
  if (!a.article && !b.article) return compare_laws(*store, a, b, format_of(cmd));
  if (!a.article || !b.article) return fail(exit_code::kBadInput, "compare two laws, or two provisions, not a law and a provision");
  if (cmd.html) return fail(exit_code::kBadInput, "--html compares two laws (or one national law with --locals), not two provisions");
  return compare_two(a, b, format_of(cmd));
}

void setup_compare(CLI::App& app, int& exit_code) {
  auto cmd = std::make_shared<CompareCommandOptions>();
  CLI::App* sub = app.add_subcommand(
      "compare", "Compare a local law with a national one (alignment table), or two provisions side by side: lawref compare cel-rules-2017 cel-2014");
  cmd->corpus.add_index_option(*sub);
  sub->add_option("left", cmd->left, "A local or implementing law, or a provision")->required();
  sub->add_option("right", cmd->right, "The national law it implements, or another provision");
  sub->add_flag("--locals", cmd->locals,
                "One national law against every local regulation that implements it: which local article implements which national one, and what each locality adds");
  sub->add_flag("--csv", cmd->csv, "With --locals: one row per local article and national provision, and per local addition");
  sub->add_option("--as-of", cmd->as_of, "Resolve unqualified law names as of this date (default: today)")->type_name("YYYY-MM-DD");
  sub->add_flag("--json", cmd->json, "Laws: one link per line; provisions: one object with both texts and the diff");
  sub->add_flag("--html", cmd->html,
                "Laws (or --locals): one self-contained HTML page, the texts side by side with every provision linked to its full text");
  sub->callback([cmd, &exit_code] { exit_code = run_compare(*cmd); });
}

}  // namespace lawref::cli
