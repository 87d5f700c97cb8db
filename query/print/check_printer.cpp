#include "check_printer.h"

namespace lawref {

void print_check(std::ostream& out, const CheckReport& report, const std::vector<std::string>& untranslated, const CheckPrintOptions& options) {
  for (const std::string& p : report.problems) out << "PROBLEM " << p << "\n";
  std::size_t bad = 0;
  for (const LawCheck& l : report.laws) {
    bad += !l.problems.empty();
    if (l.problems.empty() && options.quiet) continue;
    out << (l.problems.empty() ? "ok      " : "FAIL    ") << l.law_id << " (" << l.lang << "): " << l.articles << " articles";
    if (l.warnings) out << ", " << l.warnings << " warnings";
    if (!l.translation.empty()) out << "; " << l.translated << " of " << l.provisions << " paragraphs and items translated — " << l.translation;
    out << "\n";
    for (const std::string& p : l.problems) out << "        " << p << "\n";
  }
  if (!options.quiet) {
    for (const std::string& id : report.without_text) out << "no text " << id << " (metadata only)\n";
    if (!untranslated.empty()) {
      out << "no English text: ";
      for (std::size_t i = 0; i < untranslated.size(); ++i) out << (i ? ", " : "") << untranslated[i];
      out << "\n";
    }
  }
  out << report.laws.size() << " texts checked: " << report.laws.size() - bad << " ok, " << bad << " with problems; " << report.problems.size()
      << " registry/corpus problems\n";
}

}  // namespace lawref
