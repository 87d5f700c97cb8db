#include "amendment_dates.h"

#include "diagnostics.h"
#include "file_io.h"
#include "history.h"
#include "lines.h"
#include "source_decoding.h"
#include "text_folding.h"

namespace lawref {

namespace {

bool amends(const std::string& title) {
  return title.find("修正案") != std::string::npos || title.find("关于修改") != std::string::npos;
}

}  // namespace

AmendmentDates amendment_commencements(const Catalog& catalog) {
  AmendmentDates dates;
  for (const CatalogEntry& entry : catalog.entries()) {
    if (entry.info.registered || !amends(entry.info.title_zh)) continue;
    const TextSource* source = entry.text("zh");
    if (!source || source->xml || source->embedded || !source->parts.empty()) continue;
    std::string text;
    try {
      Diagnostics ignored;
      text = decode_source(read_file(source->path), ignored).text;
    } catch (const FileError&) {
      continue;  // the texts phase reports it
    }
    // Its adoption, for 自公布之日起施行: the first dated line.
    std::string adopted, found;
    for (const std::string_view view : split_lines(text)) {
      const std::string line(view);
      if (adopted.empty()) adopted = first_date(line);
      if (std::string date = commencement_date(line, adopted); !date.empty()) found = date;  // the last clause wins
    }
    if (!found.empty()) dates[text::fold(entry.info.title_zh)] = found;
  }
  return dates;
}

}  // namespace lawref
