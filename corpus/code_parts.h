// Codes kept one file per part (民法典/总则.md, 物权编.md, … 附则.md): one law, not eight. The
// files say so themselves: one title, and article numbers that run on from file to file.
#pragma once
#include <filesystem>
#include <vector>

#include "model.h"
#include "statute_parser.h"

namespace lawref {

// `files` in article order when they are the parts of one code: each reads without error, all
// carry the same title, and their articles run on without a gap or an overlap (总则 1–204,
// 物权编 205–462, …). Empty when they are not.
std::vector<std::filesystem::path> code_parts_in_order(const std::vector<std::filesystem::path>& files);

// One text from the parts' texts, in article order. Each part becomes a 编-level division headed
// by the part's own heading line (物权编, as written; the files number no 编), holding the part's
// chapters; the history lines are the first part's. A part whose text has 编 of its own, or no
// heading, is not wrapped.
LawText join_code_parts(std::vector<LawText> parts);

// Reads and joins the part files (in article order) as load_text reads one file.
ParseResult import_code_parts(const std::vector<std::filesystem::path>& files, const ParseOptions& options);

}  // namespace lawref
