// Links for scripts and graph tools: CSV (RFC 4180), JSON Lines, GraphML and Graphviz dot.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "links.h"
#include "registry.h"
#include "text_diff.h"

namespace lawref {

enum class ExportFormat { Csv, Jsonl, GraphMl, Dot };
std::optional<ExportFormat> parse_export_format(std::string_view s);

// {"id","law","article","insertion","paragraph","item","subitem"}; a whole law has only id and law.
nlohmann::ordered_json provision_json(const ProvisionId& id);
// One link: {"from": provision, "to": provision or {"external": name}, "kind", "evidence", …}.
nlohmann::ordered_json link_json(const links::Link& link);

// A character diff as [{"op": "equal"|"delete"|"insert", "text"}], for diff and compare.
nlohmann::ordered_json diff_json(const std::vector<DiffSegment>& diff);

// `registry`, when given, names the provisions of a dot graph by their citations (反间谍法第五十七条)
// and its laws by their short names; ids otherwise.
void export_links(const std::vector<links::Link>& links, ExportFormat format, std::ostream& out, const Registry* registry = nullptr);

}  // namespace lawref
