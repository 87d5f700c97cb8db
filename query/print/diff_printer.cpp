#include "diff_printer.h"

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "display_width.h"
#include "html_diff.h"
#include "link_export.h"
#include "score_format.h"
#include "utf8.h"

namespace lawref {
namespace {

using nlohmann::ordered_json;

void print_json(std::ostream& out, const LawSide& before, const LawSide& after, const RevisionDiff& d, const DiffPrintOptions& options) {
  const std::string& x = before.info.id;
  const std::string& y = after.info.id;
  ordered_json j;
  j["from"] = x;
  j["to"] = y;
  // Where the article mapping comes from: the index's version links, or aligned for this diff.
  j["mapping_source"] = d.stored ? "index" : "aligned now";
  j["changes"] = ordered_json::array();
  for (const ArticleChange& c : d.changes) {
    ordered_json e;
    e["from"] = provision_json({x, article_path(*c.before)});
    e["to"] = provision_json({y, article_path(*c.after)});
    e["basis"] = links::to_string(c.basis);
    e["score"] = json_score(c.score);
    if (!options.summary) e["diff"] = diff_json(c.diff);
    j["changes"].push_back(e);
  }
  j["dropped"] = ordered_json::array();
  for (const Article* art : d.dropped) {
    ordered_json e = provision_json({x, article_path(*art)});
    e["text"] = article_text(before.text, *art);
    j["dropped"].push_back(e);
  }
  j["added"] = ordered_json::array();
  for (const Article* art : d.added) {
    ordered_json e = provision_json({y, article_path(*art)});
    e["text"] = article_text(after.text, *art);
    j["added"].push_back(e);
  }
  out << j.dump() << "\n";
}

// A glimpse of a dropped article: its first characters.
constexpr std::size_t kDroppedGlimpse = 60;

void print_text(std::ostream& out, const LawSide& before, const LawSide& after, const RevisionDiff& d, const DiffPrintOptions& options) {
  const std::string& x = before.info.id;
  const std::string& y = after.info.id;
  std::size_t same = 0;
  std::set<const Article*> continued;
  for (const ArticleChange& c : d.changes) {
    same += c.basis == links::LinkBasis::Same ? 1 : 0;
    continued.insert(c.before);
  }
  out << x << " → " << y << ": " << continued.size() << " of " << before.text.articles.size() << " articles continue in " << d.changes.size()
      << " pairs (" << same << " unchanged), " << d.dropped.size() << " dropped, " << d.added.size() << " new"
      << (d.stored ? "" : " [aligned now: the index has no version links between them]") << "\n";
  for (const ArticleChange& c : d.changes) {
    if (options.changed_only && c.basis == links::LinkBasis::Same) continue;
    out << (options.summary ? "" : "\n") << c.before->num << " → " << c.after->num << "  [" << links::to_string(c.basis) << " " << score_text(c.score) << "]\n";
    if (!options.summary && c.basis != links::LinkBasis::Same) out << render_diff(c.diff, options.color) << "\n";
  }
  if (!d.dropped.empty()) {
    out << "\ndropped from " << x << ":\n";
    for (const Article* art : d.dropped) out << "  " << art->num << "  " << glimpse(article_text(before.text, *art), kDroppedGlimpse) << "\n";
  }
  if (!d.added.empty()) {
    out << "\nnew in " << y << ":\n";
    for (const Article* art : d.added) out << "  " << art->num << (options.summary ? "" : "  " + article_text(after.text, *art)) << "\n";
  }
}

}  // namespace

void print_diff(std::ostream& out, const LawSide& before, const LawSide& after, const RevisionDiff& diff, OutputFormat format,
                const DiffPrintOptions& options) {
  switch (format) {
    case OutputFormat::Text: return print_text(out, before, after, diff, options);
    case OutputFormat::Json: return print_json(out, before, after, diff, options);
    case OutputFormat::Html: out << html::diff_page(before.info, before.text, after.info, after.text, diff); return;
    case OutputFormat::Csv: break;
  }
  throw_unsupported(format, "a revision diff");
}

}  // namespace lawref
