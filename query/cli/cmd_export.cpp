// lawref export xrefs: every stored link (or a law's), for scripts and graph tools.
// lawref export akn --law ID [--lang en]: one language version of a law as Akoma Ntoso XML.
#include "cmd_export.h"

#include <iostream>

#include "akn_xml.h"
#include "catalog.h"
#include "commands.h"
#include "exit_codes.h"
#include "law_names.h"
#include "link_export.h"
#include "link_graph.h"

namespace lawref::cli {

int run_export(const ExportCommandOptions& opt) {
  std::set<links::LinkKind> kinds;
  if (!parse_kinds(opt.kinds, kinds)) return exit_code::kBadInput;
  int code = exit_code::kOk;
  auto store = open_index(opt.corpus, code);
  if (!store) return code;
  // --law as search --law takes it: an id, or a name (the version in force today).
  std::string law = opt.law;
  if (!law.empty() && !store->law(law)) {
    const LawResolution r = LawNameIndex(store->registry()).resolve(law, 0, today());
    if (!r.law) return fail(r.ambiguous.empty() ? exit_code::kNotFound : exit_code::kBadInput, r.error + " (see lawref laws)");
    law = r.law->id;
  }
  if (opt.what == "akn") {
    if (law.empty()) return fail(exit_code::kBadInput, "export akn needs --law ID");
    const LawText* text = store->text(law, opt.lang);
    if (!text) return fail(exit_code::kNotFound, "no " + std::string(opt.lang == "en" ? "English" : "Chinese") + " text of " + law + " in the index");
    std::cout << to_akn_xml(*text, akn_work_info(*store->law(law)));
    return exit_code::kOk;
  }
  LinkGraph graph(*store);
  std::vector<links::Link> selected;
  auto take = [&](const std::vector<links::Link>& v) {
    for (const links::Link& l : v)
      if (kinds.empty() || kinds.count(l.kind)) selected.push_back(l);
  };
  try {
    if (law.empty()) {
      for (const std::string& id : graph.laws_with_links()) take(graph.outgoing(id));
    } else {
      take(graph.outgoing(law));
      take(graph.incoming(law));
    }
  } catch (const IndexOpenError& e) {
    return fail(exit_code::kCorpusProblem, e.what());
  }
  export_links(selected, *parse_export_format(opt.format), std::cout, &store->registry());
  return exit_code::kOk;
}

void setup_export(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<ExportCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Export the cross-link graph (lawref export xrefs --format csv|jsonl|graphml|dot) or a law as Akoma Ntoso (lawref export akn --law ID --lang en)");
  opt->corpus.add_index_option(*cmd);
  cmd->add_option("what", opt->what, "What to export: xrefs, or akn (a law's text as Akoma Ntoso XML)")->required()->check(CLI::IsMember({"xrefs", "akn"}));
  cmd->add_option("--lang", opt->lang, "akn: the language version, zh (default) or en (an expression 'eng' beside the Chinese 'zho')")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--law", opt->law, "Only the links from or to this law: an id (cel-2023) or a name (反间谍法)")->type_name("LAW");
  cmd->add_option("--format", opt->format, "csv, jsonl (default: one link per line), graphml or dot")
      ->check(CLI::IsMember({"csv", "jsonl", "graphml", "dot"}));
  cmd->add_option("--kind", opt->kinds, kKindHelp)->type_name("KIND")->allow_extra_args(false);
  cmd->callback([opt, &exit_code] { exit_code = run_export(*opt); });
}

}  // namespace lawref::cli
