#include "code_parts.h"

#include <algorithm>

#include "history.h"
#include "importer.h"
#include "text_folding.h"

namespace lawref {
namespace fs = std::filesystem;

std::vector<fs::path> code_parts_in_order(const std::vector<fs::path>& files) {
  if (files.size() < 2) return {};
  struct Part {
    fs::path path;
    int first = 0, last = 0;
  };
  std::vector<Part> parts;
  std::string title;
  // A part begins where the one before it ends, not at 第一条.
  ParseOptions options;
  options.strict_numbering = false;
  for (const fs::path& file : files) {
    const ParseResult r = import_statute_file(file, options);
    if (!r.ok() || r.law.articles.empty() || r.law.title.empty()) return {};
    if (title.empty()) title = text::fold(r.law.title);
    else if (text::fold(r.law.title) != title) return {};
    parts.push_back({file, r.law.articles.front().number, r.law.articles.back().number});
  }
  std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.first < b.first; });
  std::vector<fs::path> ordered;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i && parts[i].first != parts[i - 1].last + 1) return {};
    ordered.push_back(parts[i].path);
  }
  return ordered;
}

namespace {

// The part's heading (物权编): the header line under the title that is not a history line.
std::string take_part_heading(LawText& part) {
  for (auto it = part.preamble.begin(); it != part.preamble.end(); ++it)
    if (first_date(*it).empty()) {
      std::string heading = *it;
      part.preamble.erase(it);
      return heading;
    }
  return {};
}

}  // namespace

LawText join_code_parts(std::vector<LawText> parts) {
  LawText code;
  if (parts.empty()) return code;
  int part_number = 0;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    LawText& part = parts[p];
    const std::string heading = take_part_heading(part);
    if (p == 0) {
      code.law_id = part.law_id;
      code.lang = part.lang;
      code.title = part.title;
      code.preamble = part.preamble;
      code.source_metadata = part.source_metadata;
      code.translation = part.translation;
    }
    code.source += (p ? ", " : "") + part.source;
    const bool has_parts = std::any_of(part.divisions.begin(), part.divisions.end(), [](const Division& d) { return d.kind == DivisionKind::Part; });
    const int offset_divisions = static_cast<int>(code.divisions.size());
    const std::size_t offset_articles = code.articles.size();
    int wrapper = -1;
    if (!heading.empty() && !has_parts) {
      wrapper = offset_divisions;
      code.divisions.push_back(Division{DivisionKind::Part, ++part_number, "", heading, -1, offset_articles});
    }
    const int shift = static_cast<int>(code.divisions.size());
    for (Division d : part.divisions) {
      d.parent = d.parent < 0 ? wrapper : d.parent + shift;
      d.first_article += offset_articles;
      code.divisions.push_back(std::move(d));
    }
    for (Article& a : part.articles) {
      a.division = a.division < 0 ? wrapper : a.division + shift;
      code.articles.push_back(std::move(a));
    }
    code.appendix.insert(code.appendix.end(), part.appendix.begin(), part.appendix.end());
  }
  return code;
}

ParseResult import_code_parts(const std::vector<fs::path>& files, const ParseOptions& options) {
  ParseResult joined;
  std::vector<LawText> parts;
  ParseOptions part_options = options;
  part_options.strict_numbering = false;  // each part but the first begins mid-count; code_parts_in_order checked the joins
  for (const fs::path& file : files) {
    ParseResult r = import_statute_file(file, part_options);
    for (Diagnostic d : r.diagnostics.items) {
      d.message = file.filename().string() + ": " + d.message;  // a part's line numbers are its file's
      joined.diagnostics.items.push_back(std::move(d));
    }
    parts.push_back(std::move(r.law));
  }
  joined.law = join_code_parts(std::move(parts));
  return joined;
}

}  // namespace lawref
