#include "compare_printer.h"

#include <nlohmann/json.hpp>

#include "html_compare.h"
#include "html_localities.h"
#include "link_export.h"
#include "localities_format.h"
#include "provision_format.h"
#include "score_format.h"

namespace lawref {
namespace {

void print_alignment_text(std::ostream& out, const LawSide& local, const LawSide& national, const std::vector<links::Link>& table, bool stored) {
  out << local.info.id << " → " << national.info.id << ": " << table.size() << " article pairs"
      << (stored ? "" : " [aligned now: the index does not record that " + local.info.id + " implements " + national.info.id + "]") << "\n";
  out << "local\tnational\tbasis\tscore\n";
  for (const links::Link& l : table)
    out << provision_num_zh(l.from.path) << "\t" << provision_num_zh(l.to.path) << "\t" << links::to_string(l.basis) << "\t" << score_text(l.score) << "\n";
  std::size_t covered = 0;
  for (const Article& art : local.text.articles)
    for (const links::Link& l : table)
      if (l.from.path.article == art.number && l.from.path.insertion == art.insertion) {
        ++covered;
        break;
      }
  out << covered << " of " << local.text.articles.size() << " articles of " << local.info.id << " aligned\n";
}

}  // namespace

void print_alignment(std::ostream& out, const LawSide& local, const LawSide& national, const std::vector<links::Link>& table, bool stored,
                     OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: return print_alignment_text(out, local, national, table, stored);
    case OutputFormat::Json:
      for (const links::Link& l : table) out << link_json(l).dump() << "\n";
      return;
    case OutputFormat::Html: out << html::compare_page(local.info, local.text, national.info, national.text, table, stored); return;
    case OutputFormat::Csv: break;
  }
  throw_unsupported(format, "an alignment table");
}

void print_provision_comparison(std::ostream& out, const ProvisionId& left, const ProvisionId& right, const ProvisionComparison& c,
                                OutputFormat format, const ComparePrintOptions& options) {
  switch (format) {
    case OutputFormat::Text:
      out << "── " << left.str() << "\n" << c.left << "\n── " << right.str() << "\n" << c.right << "\n── similarity " << score_text(c.similarity)
          << "; differences ([-left-]{+right+}):\n"
          << render_diff(c.diff, options.color) << "\n";
      return;
    case OutputFormat::Json: {
      nlohmann::ordered_json j;
      j["left"] = provision_json(left);
      j["left"]["text"] = c.left;
      j["right"] = provision_json(right);
      j["right"]["text"] = c.right;
      j["similarity"] = json_score(c.similarity);
      j["diff"] = diff_json(c.diff);
      out << j.dump() << "\n";
      return;
    }
    case OutputFormat::Csv:
    case OutputFormat::Html: break;
  }
  throw_unsupported(format, "a comparison of two provisions");
}

void print_localities(std::ostream& out, const LocalitiesView& view, LawStore& store, OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: out << localities_table(view); return;
    case OutputFormat::Json: out << localities_json(view).dump() << "\n"; return;
    case OutputFormat::Csv: out << localities_csv(view); return;
    case OutputFormat::Html: out << html::localities_page(view, store); return;
  }
  throw_unsupported(format, "the localities view");
}

}  // namespace lawref
