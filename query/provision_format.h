// Citations, headers and texts of provisions, for people (text) and scripts (JSON).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lookup.h"

namespace lawref {

// 反间谍法第四条第一款第（三）项
std::string citation_zh(const LawInfo& law, const ProvisionPath& path);
// The provision part of a Chinese citation alone: 第四条第一款第（三）项.
std::string provision_num_zh(const ProvisionPath& path);
// CEL Art. 4(1)(3)
std::string citation_en(const LawInfo& law, const ProvisionPath& path);
// 第四章 国家安全制度 › 第二节 情报信息; empty when the article is in no division.
std::string chapter_label(const LawText& law, const Article& article);

// The cited part of `article` in one language: paragraphs on their own lines, items as
// "（一）text", sub-items below them. Returns empty when `text` lacks that part.
std::string provision_text(const LawText& text, const ProvisionPath& path);
// The same, one entry per paragraph and item ("[2] …" when a whole article has several
// paragraphs), for laying two languages side by side.
std::vector<std::string> provision_units(const LawText& text, const ProvisionPath& path);

struct ShowOptions {
  bool zh = true;
  bool en = false;
  bool context = false;  // the whole article around a cited paragraph or item
  bool color = false;
  // Both languages: side by side when the terminal is at least this wide (columns), else one
  // after the other, paragraph by paragraph. 0: not a terminal.
  int width = 0;
};

// How an English text is labelled: its translation note and that the Chinese is authoritative.
std::string translation_label(const LawText& en);

std::string render_text(const LookupResult& r, const Registry& registry, const ShowOptions& options);
nlohmann::ordered_json render_json(const LookupResult& r, const Registry& registry);

}  // namespace lawref
