// Recognisers for the line openings of statute texts, one per structural element.
// Each takes a trimmed line and reports what it opens and where the rest begins.
#pragma once
#include <optional>
#include <string_view>

#include "model.h"

namespace lawref {

struct DivisionHeading {
  DivisionKind kind;
  int number;
  std::u32string_view num;      // 第一章
  std::u32string_view heading;  // 总则 (trimmed)
};

struct ArticleOpening {
  int number;
  int insertion;
  std::u32string_view num;   // 第二十条之一
  std::u32string_view rest;  // the first paragraph's text (trimmed), may be empty
  bool space_before_tiao = false;  // 第一百二十八 条侦查人员… (a typo in a real text)
};

struct ItemOpening {
  int number;
  std::u32string_view num;   // （一）
  std::u32string_view rest;
  bool secondary = false;    // 1. / （1） (zh) or (a) (en): a 目 under a 项, or a 项 in an article without 项 of the first kind
  bool missing_bracket = false;
};

// `markdown_heading`: the line was a "#" heading, which makes a bare 第一章附则 acceptable.
std::optional<DivisionHeading> match_division_zh(std::u32string_view line, bool markdown_heading);
std::optional<ArticleOpening> match_article_zh(std::u32string_view line);
std::optional<ItemOpening> match_item_zh(std::u32string_view line);
// 一、融资租赁合同的认定: the numbered groups judicial interpretations use instead of chapters
// (only taken from "#" headings).
std::optional<DivisionHeading> match_group_heading_zh(std::u32string_view line);
// 附：, 附件一, 附表 — the start of material appended after the articles.
bool opens_appendix_zh(std::u32string_view line);
// Where, inside `line`, article `expected` starts after a sentence end (。 第二条 …), or npos.
std::size_t inline_article_start_zh(std::u32string_view line, int expected);
// A line that opens like an article (第…条 + space) but whose number cannot be read.
bool looks_like_unreadable_article_zh(std::u32string_view line);

std::optional<DivisionHeading> match_division_en(std::u32string_view line);
std::optional<ArticleOpening> match_article_en(std::u32string_view line);
std::optional<ItemOpening> match_item_en(std::u32string_view line);

}  // namespace lawref
