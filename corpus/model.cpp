#include "model.h"

namespace lawref {

const Article* LawText::find_article(int number, int insertion) const {
  for (const Article& a : articles)
    if (a.number == number && a.insertion == insertion) return &a;
  return nullptr;
}

std::string LawText::metadata(std::string_view key) const {
  for (const auto& [k, v] : source_metadata)
    if (k == key) return v;
  return {};
}

const char* division_alias(DivisionKind kind) {
  switch (kind) {
    case DivisionKind::Part: return "part";
    case DivisionKind::Subpart: return "subpart";
    case DivisionKind::Chapter: return "chp";
    case DivisionKind::Section: return "sec";
  }
  return "div";
}

const char* division_akn_element(DivisionKind kind) {
  switch (kind) {
    case DivisionKind::Part: return "part";
    case DivisionKind::Subpart: return "subpart";
    case DivisionKind::Chapter: return "chapter";
    case DivisionKind::Section: return "section";
  }
  return "hcontainer";
}

const char* division_zh_unit(DivisionKind kind) {
  switch (kind) {
    case DivisionKind::Part: return "编";
    case DivisionKind::Subpart: return "分编";
    case DivisionKind::Chapter: return "章";
    case DivisionKind::Section: return "节";
  }
  return "";
}

const Item* find_item(const std::vector<Item>& items, int number) {
  for (const Item& it : items)
    if (it.number == number) return &it;
  return nullptr;
}

std::string division_label(const Division& division) {
  if (division.num.empty()) return division.heading;
  return division.heading.empty() ? division.num : division.num + " " + division.heading;
}

}  // namespace lawref
