// lawref compare A B: two laws as an alignment table (which article of A implements which of
// B), or two provisions side by side with their differences.
#include <iostream>

#include "commands.h"
#include "common_options.h"
#include "exit_codes.h"
#include "html_compare.h"
#include "html_localities.h"
#include "index_citations.h"
#include "link_export.h"
#include "link_graph.h"
#include "localities_format.h"
#include "provision_compare.h"
#include "provision_format.h"

namespace lawref::cli {
namespace {

struct CompareCommand {
  CorpusOptions corpus;
  std::string left, right, as_of;
  bool json = false, csv = false, locals = false, html = false;
};

// lawref compare cel-2023 --locals: every local regulation implementing the national law.
int compare_localities(IndexStore& store, const LookupResult& national, const CompareCommand& cmd) {
  LinkGraph graph(store);
  LocalitiesView view;
  try {
    view = localities_view(store, graph, *national.law);
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  if (cmd.html) std::cout << html::localities_page(view, store);
  else if (cmd.json) std::cout << localities_json(view).dump() << "\n";
  else if (cmd.csv) std::cout << localities_csv(view);
  else std::cout << localities_table(view);
  if (view.locals.empty()) {
    std::cerr << "lawref: no local regulation in the index implements " << national.law->id << "\n";
    return exit_code::kNotFound;
  }
  return exit_code::kOk;
}

int compare_laws(IndexStore& store, const LookupResult& a, const LookupResult& b, bool json, bool html) {
  LinkGraph graph(store);
  bool stored = false;
  std::vector<links::Link> table;
  try {
    table = alignment_table(*a.zh, *b.zh, graph.outgoing(a.law->id), &stored);
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  if (html) {
    std::cout << html::compare_page(*a.law, *a.zh, *b.law, *b.zh, table, stored);
  } else if (json) {
    for (const links::Link& l : table) std::cout << link_json(l).dump() << "\n";
  } else {
    std::cout << a.law->id << " → " << b.law->id << ": " << table.size() << " article pairs"
              << (stored ? "" : " [aligned now: the index does not record that " + a.law->id + " implements " + b.law->id + "]") << "\n";
    std::cout << "local\tnational\tbasis\tscore\n";
    for (const links::Link& l : table)
      std::cout << provision_num_zh(l.from.path) << "\t" << provision_num_zh(l.to.path)
                << "\t" << links::to_string(l.basis) << "\t" << score_label(l.score) << "\n";
    std::size_t covered = 0;
    for (const Article& art : a.zh->articles)
      for (const links::Link& l : table)
        if (l.from.path.article == art.number && l.from.path.insertion == art.insertion) {
          ++covered;
          break;
        }
    std::cout << covered << " of " << a.zh->articles.size() << " articles of " << a.law->id << " aligned\n";
  }
  return table.empty() ? exit_code::kNotFound : exit_code::kOk;
}

int compare_two(const LookupResult& a, const LookupResult& b, bool json) {
  const ProvisionComparison c = compare_provisions(*a.zh, a.path, *b.zh, b.path);
  if (json) {
    nlohmann::ordered_json j;
    j["left"] = provision_json(a.id());
    j["left"]["text"] = c.left;
    j["right"] = provision_json(b.id());
    j["right"]["text"] = c.right;
    j["similarity"] = json_score(c.similarity);
    j["diff"] = diff_json(c.diff);
    std::cout << j.dump() << "\n";
    return exit_code::kOk;
  }
  const bool color = color_output();
  std::cout << "── " << a.id().str() << "\n" << c.left << "\n── " << b.id().str() << "\n" << c.right << "\n── similarity "
            << score_label(c.similarity) << "; differences ([-left-]{+right+}):\n"
            << render_diff(c.diff, color) << "\n";
  return exit_code::kOk;
}

int run_compare(CompareCommand& cmd) {
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
    return compare_localities(*store, a, cmd);
  }
  if (cmd.right.empty()) return fail(exit_code::kBadInput, "compare needs two laws or two provisions (or one national law with --locals)");
  if (cmd.csv) return fail(exit_code::kBadInput, "--csv is for the --locals view");
  const LookupResult b = resolve_citation(lookup, cmd.right, cmd.as_of, code);
  if (b.status != LookupStatus::Found) return code;
  if (!a.article && !b.article) return compare_laws(*store, a, b, cmd.json, cmd.html);
  if (!a.article || !b.article) return fail(exit_code::kBadInput, "compare two laws, or two provisions, not a law and a provision");
  if (cmd.html) return fail(exit_code::kBadInput, "--html compares two laws (or one national law with --locals), not two provisions");
  return compare_two(a, b, cmd.json);
}

}  // namespace

void setup_compare(CLI::App& app, int& exit_code) {
  auto cmd = std::make_shared<CompareCommand>();
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
