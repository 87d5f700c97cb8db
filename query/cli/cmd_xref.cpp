// lawref xref CITATION: what a provision cites and what cites it.
#include "cmd_xref.h"

#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "index_citations.h"
#include "link_graph.h"
#include "xref_printer.h"

namespace lawref::cli {

int run_xref(const XrefCommandOptions& cmd) {
  XrefOptions options;
  if (!parse_kinds(cmd.kinds, options.kinds)) return exit_code::kBadInput;
  if (cmd.depth < 1 || cmd.depth > 5) return fail(exit_code::kBadInput, "--depth must be between 1 and 5");
  options.depth = cmd.depth;
  options.direction = cmd.in && !cmd.out ? XrefDirection::In : cmd.out && !cmd.in ? XrefDirection::Out : XrefDirection::Both;
  int code = exit_code::kOk;
  auto store = open_index(cmd.corpus, code);
  if (!store) return code;
  Lookup lookup(*store);
  const LookupResult r = resolve_citation(lookup, cmd.citation, cmd.as_of, code, TextNeed::Optional);
  if (r.status != LookupStatus::Found) return code;
  LinkGraph graph(*store);
  std::vector<XrefHit> hits;
  try {
    hits = find_xrefs(graph, r.id(), options);
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  print_xrefs(std::cout, *store, r.id(), hits, cmd.json ? OutputFormat::Json : OutputFormat::Text);
  if (hits.empty()) {
    std::cerr << "lawref: no links " << (options.direction == XrefDirection::In ? "to " : options.direction == XrefDirection::Out ? "from " : "from or to ")
              << r.id().str() << "\n";
    return exit_code::kNotFound;
  }
  return exit_code::kOk;
}

void setup_xref(CLI::App& app, int& exit_code) {
  auto cmd = std::make_shared<XrefCommandOptions>();
  CLI::App* sub = app.add_subcommand("xref", "Cross-references of a provision: what it cites, what cites it, its other versions and implementations");
  cmd->corpus.add_index_option(*sub);
  sub->add_option("citation", cmd->citation, "A provision or law: 反间谍法第五十七条, \"CEL art. 57\", cel-2023/art25/para2")->required();
  sub->add_flag("--in", cmd->in, "Only links pointing at it");
  sub->add_flag("--out", cmd->out, "Only links it makes");
  sub->add_flag("--both", cmd->both, "Both directions (the default)");
  sub->add_option("--kind", cmd->kinds, kKindHelp)->type_name("KIND")->allow_extra_args(false);
  sub->add_option("--depth", cmd->depth, "Follow links this many steps (1-5, default 1)");
  sub->add_option("--as-of", cmd->as_of, "Resolve an unqualified law name as of this date (default: today)")->type_name("YYYY-MM-DD");
  sub->add_flag("--json", cmd->json, "One link per line as JSON, with direction and depth");
  sub->callback([cmd, &exit_code] { exit_code = run_xref(*cmd); });
}

}  // namespace lawref::cli
