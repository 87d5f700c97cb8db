// lawref export xrefs: every stored link (or a law's), for scripts and graph tools.
// lawref export akn --law ID [--lang en]: one language version of a law as Akoma Ntoso XML.
#include <iostream>

#include "akn_xml.h"
#include "catalog.h"
#include "commands.h"
#include "common_options.h"
#include "exit_codes.h"
#include "link_export.h"
#include "law_names.h"
#include "link_graph.h"

namespace lawref::cli {

void setup_export(CLI::App& app, int& exit_code) {
  struct Options {
    CorpusOptions corpus;
    std::string what;
    std::string law;
    std::string format = "jsonl";
    std::vector<std::string> kinds;
    std::string lang = "zh";
  };
  auto opt = std::make_shared<Options>();
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
  cmd->callback([opt, &exit_code] {
    std::set<links::LinkKind> kinds;
    if (!parse_kinds(opt->kinds, kinds)) {
      exit_code = exit_code::kBadInput;
      return;
    }
    auto store = open_index(opt->corpus, exit_code);
    if (!store) return;
    // --law as search --law takes it: an id, or a name (the version in force today).
    if (!opt->law.empty() && !store->law(opt->law)) {
      const LawResolution r = LawNameIndex(store->registry()).resolve(opt->law, 0, today());
      if (!r.law) {
        exit_code = fail(r.ambiguous.empty() ? exit_code::kNotFound : exit_code::kBadInput, r.error + " (see lawref laws)");
        return;
      }
      opt->law = r.law->id;
    }
    if (opt->what == "akn") {
      if (opt->law.empty()) {
        exit_code = fail(exit_code::kBadInput, "export akn needs --law ID");
        return;
      }
      const LawText* text = store->text(opt->law, opt->lang);
      if (!text) {
        exit_code = fail(exit_code::kNotFound, "no " + std::string(opt->lang == "en" ? "English" : "Chinese") + " text of " + opt->law + " in the index");
        return;
      }
      std::cout << to_akn_xml(*text, akn_work_info(*store->law(opt->law)));
      exit_code = exit_code::kOk;
      return;
    }
    LinkGraph graph(*store);
    std::vector<links::Link> selected;
    auto take = [&](const std::vector<links::Link>& v) {
      for (const links::Link& l : v)
        if (kinds.empty() || kinds.count(l.kind)) selected.push_back(l);
    };
    try {
      if (opt->law.empty()) {
        for (const std::string& law : graph.laws_with_links()) take(graph.outgoing(law));
      } else {
        take(graph.outgoing(opt->law));
        take(graph.incoming(opt->law));
      }
    } catch (const IndexOpenError& e) {
      exit_code = fail(exit_code::kCorpusProblem, e.what());
      return;
    }
    export_links(selected, *parse_export_format(opt->format), std::cout, &store->registry());
    exit_code = exit_code::kOk;
  });
}

}  // namespace lawref::cli
