// lawref import PATH… : statute text -> Akoma Ntoso XML in the imported folder.
#include "cmd_import.h"

#include <algorithm>
#include <iostream>

#include "akn_xml.h"
#include "catalog.h"
#include "commands.h"
#include "common_options.h"
#include "corpus_check.h"
#include "exit_codes.h"
#include "file_io.h"
#include "import_summary.h"
#include "importer.h"
#include "index_limits.h"
#include "paths.h"
#include "provision_id.h"
#include "translation_parity.h"

namespace lawref::cli {
namespace {

int chapters_of(const LawText& law) {
  int n = 0;
  for (const Division& d : law.divisions) n += d.kind == DivisionKind::Chapter;
  return n;
}

// How an imported translation differs in structure from the Chinese text lawref reads for its
// law (the default sources and imported texts): missing or extra articles and paragraphs.
std::vector<std::string> translation_problems(const LawInfo& info, const LawText& translation) {
  CatalogOptions o;
  o.sources = paths::default_sources();
  o.imported_dir = paths::imported_dir();
  o.lawref_translations = false;
  const Catalog catalog = Catalog::scan(Registry::builtin(), o);
  const CatalogEntry* entry = catalog.find(info.id);
  if (!entry || !entry->text("zh")) return {"no Chinese text of " + info.id + " to align the translation with"};
  const ParseResult zh = load_text(*entry, "zh", false);
  if (!zh.ok()) return {"the Chinese text of " + info.id + " does not import; the translation is not aligned"};
  std::vector<std::string> out;
  for (const ParityProblem& p : compare_translation(zh.law, translation).problems) out.push_back("translation: " + p.message);
  constexpr std::size_t kShown = 10;
  if (out.size() > kShown) {
    const std::size_t more = out.size() - kShown;
    out.resize(kShown);
    out.push_back("… and " + std::to_string(more) + " more (lawref check lists them all after the import)");
  }
  return out;
}

}  // namespace

int run_import(const ImportCommandOptions& opt) {
  CatalogOptions catalog_options;
  catalog_options.sources.assign(opt.paths.begin(), opt.paths.end());
  catalog_options.lawref_translations = false;  // only the files named
  const Catalog catalog = Catalog::scan(Registry::builtin(), catalog_options);
  // A path named on the command line that cannot be used refuses the import; what cannot be
  // read inside a named folder is skipped, reported and makes the exit code 2.
  std::vector<CatalogProblem> skipped;
  for (const CatalogProblem& p : catalog.problems()) {
    if (p.named) return fail(exit_code::kBadInput, p.message());
    skipped.push_back(p);
  }
  if (!opt.dry_run) remove_stale_temporaries(paths::imported_dir());  // left by an import killed mid-write

  std::vector<std::pair<LawInfo, TextSource>> jobs;
  for (const CatalogEntry& e : catalog.entries())
    for (const TextSource& t : e.texts) jobs.emplace_back(e.info, t);
  if (jobs.empty()) {
    if (!skipped.empty()) std::cerr << "lawref: warning: " << summarize_problems(skipped) << "\n";
    return fail(exit_code::kBadInput, "no statute files (.md, .txt) in the given paths");
  }
  if (jobs.size() > 1 && (!opt.law.empty() || !opt.output.empty()))
    return fail(exit_code::kBadInput, "--law and -o take a single file; " + std::to_string(jobs.size()) + " were given");
  if (!opt.law.empty()) {
    if (!is_valid_law_id(opt.law)) return fail(exit_code::kBadInput, "invalid law id '" + opt.law + "' (use lower-case letters, digits and '-')");
    const LawInfo* known = Registry::builtin().find(opt.law);
    jobs[0].first = known ? *known : LawInfo{};
    jobs[0].first.id = opt.law;
    if (!known) jobs[0].first.registered = false;
  }

  ImportSummary summary;
  for (auto& [info, source] : jobs) {
    ParseOptions parse_options;
    parse_options.lang = opt.lang.empty() ? source.lang : opt.lang;
    parse_options.strict_numbering = !opt.lenient;
    ParseResult result = import_statute_file(source.path, parse_options);
    result.law.law_id = info.id;
    // What the index could not store would fail every later `lawref index`: refused here.
    if (result.ok())
      if (const auto too_big = exceeds_index_limits(result.law)) result.diagnostics.error(0, "too-large", too_big->message());
    if (result.ok())
      for (const std::string& m : compare_with_registry(info, result.law)) result.diagnostics.warn(0, "registry-mismatch", m);
    if (result.ok() && result.law.lang != "zh") {
      // A translation says where it comes from, and is aligned with the Chinese by article.
      result.law.translation = !opt.translation_source.empty() ? opt.translation_source
                               : !result.law.metadata("TRANSLATION").empty() ? result.law.metadata("TRANSLATION")
                                                                             : "translation imported from " + source.path.filename().string();
      for (const std::string& m : translation_problems(info, result.law)) result.diagnostics.warn(0, "translation-mismatch", m);
    }
    summary.add(source.path.string(), result);

    const bool single = jobs.size() == 1;
    if (!opt.quiet && (single || !result.ok()))
      for (const Diagnostic& d : result.diagnostics.items)
        if (single || d.severity == Severity::Error) std::cerr << source.path.string() << ": " << format_diagnostic(d) << "\n";
    if (!result.ok() || opt.dry_run) continue;

    const std::string xml = to_akn_xml(result.law, akn_work_info(info));
    std::string target = opt.output;
    if (target.empty()) target = paths::imported_file(paths::imported_dir(), info.id, result.law.lang).string();
    if (target == "-") {
      std::cout << xml;
      continue;
    }
    try {
      write_file_atomic(target, xml);
    } catch (const std::exception& e) {
      return fail(exit_code::kCorpusProblem, e.what());
    }
    if (!opt.quiet && single)
      std::cerr << "imported " << info.id << " (" << result.law.lang << "): " << result.law.articles.size() << " articles, "
                << chapters_of(result.law) << " chapters -> " << target << "\n"
                << "run lawref index to search it and to look it up from the index\n";
  }
  if (jobs.size() > 1 && !opt.quiet) std::cout << summary.render();
  if (!skipped.empty()) std::cerr << "lawref: warning: " << summarize_problems(skipped) << "\n";
  return summary.refused > 0 || !skipped.empty() ? exit_code::kBadInput : exit_code::kOk;
}

void setup_import(CLI::App& app, int& exit_code) {
  auto opt = std::make_shared<ImportCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "import", "Import statute text (plain text or markdown; files or folders) as Akoma Ntoso XML into <lawref home>/imported");
  cmd->add_option("paths", opt->paths, "Statute files, or folders searched for .md and .txt")->required()->type_name("PATH");
  cmd->add_option("--law", opt->law, "The law id the text belongs to (e.g. cq-cer-2023); default: recognised from file name and title")
      ->type_name("ID");
  cmd->add_option("--lang", opt->lang, "Language of the text (default: zh, or en for *.en.md)")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("-o,--output", opt->output, "Write the XML here instead (- for standard output); single file only")->type_name("FILE");
  cmd->add_option("--translation-source", opt->translation_source,
                  "For a translation (--lang en): who made it, shown wherever its text appears (e.g. \"official translation, NPC Observer\"); an imported translation takes precedence over lawref's own")
      ->type_name("TEXT");
  cmd->add_flag("--dry-run", opt->dry_run, "Parse and report only; write nothing");
  cmd->add_flag("--lenient", opt->lenient, "Import even when article numbers jump or repeat (reported as warnings)");
  cmd->add_flag("-q,--quiet", opt->quiet, "No per-file messages and no summary");
  cmd->callback([opt, &exit_code] { exit_code = run_import(*opt); });
}

}  // namespace lawref::cli
