#include "provision_id.h"

#include <charconv>

#include "numerals.h"

namespace lawref {
namespace {

// Reads "<prefix><number>" at the front of `s`; advances `s` past it.
bool take_numbered(std::string_view& s, std::string_view prefix, int& out) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  const char* begin = s.data() + prefix.size();
  const char* end = s.data() + s.size();
  if (begin == end || *begin == '0') return false;  // no number, or a leading zero
  const auto [p, ec] = std::from_chars(begin, end, out);
  if (ec != std::errc() || out <= 0) return false;
  s.remove_prefix(static_cast<std::size_t>(p - s.data()));
  return true;
}

}  // namespace

bool is_valid_law_id(std::string_view id) {
  if (id.empty() || id.size() > 80 || id.front() == '-' || id.back() == '-') return false;
  char prev = 0;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

bool has_provision(const LawText& law, const ProvisionPath& p) {
  if (p.article == 0) return true;
  const Article* a = law.find_article(p.article, p.insertion);
  if (!a) return false;
  auto has_item = [&](const Paragraph& para) {
    const Item* item = find_item(para.items, p.item);
    return item && (p.subitem == 0 || find_item(item->children, p.subitem));
  };
  if (p.paragraph == 0) {
    if (p.item == 0) return true;
    for (const Paragraph& para : a->paragraphs)
      if (has_item(para)) return true;
    return false;
  }
  if (p.paragraph > static_cast<int>(a->paragraphs.size())) return false;
  return p.item == 0 || has_item(a->paragraphs[static_cast<std::size_t>(p.paragraph - 1)]);
}

std::string article_key(int number, int insertion) {
  std::string s = "art" + std::to_string(number);
  if (insertion > 0) s += "-" + std::to_string(insertion);
  return s;
}

std::string article_num_zh(int number, int insertion) {
  std::string s = "第" + to_chinese_numeral(number) + "条";
  if (insertion > 0) s += "之" + to_chinese_numeral(insertion);
  return s;
}

std::string akn_article_eid(int number, int insertion) {
  std::string s = "art_" + std::to_string(number);
  if (insertion > 0) s += "-" + std::to_string(insertion);
  return s;
}

std::string ProvisionId::str() const {
  if (path.article == 0) return law;  // the whole law
  std::string s = law + "/" + article_key(path.article, path.insertion);
  if (path.paragraph > 0) {
    s += "/para" + std::to_string(path.paragraph);
    if (path.item > 0) {
      s += "/item" + std::to_string(path.item);
      if (path.subitem > 0) s += "/sub" + std::to_string(path.subitem);
    }
  }
  return s;
}

std::optional<ProvisionId> ProvisionId::parse(std::string_view id) {
  const std::size_t slash = id.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  ProvisionId out;
  out.law = std::string(id.substr(0, slash));
  if (!is_valid_law_id(out.law)) return std::nullopt;
  std::string_view rest = id.substr(slash + 1);
  if (!take_numbered(rest, "art", out.path.article)) return std::nullopt;
  if (!rest.empty() && rest.front() == '-' && !take_numbered(rest, "-", out.path.insertion)) return std::nullopt;
  if (!rest.empty() && !take_numbered(rest, "/para", out.path.paragraph)) return std::nullopt;
  if (!rest.empty() && !take_numbered(rest, "/item", out.path.item)) return std::nullopt;
  if (!rest.empty() && !take_numbered(rest, "/sub", out.path.subitem)) return std::nullopt;
  if (!rest.empty()) return std::nullopt;
  return out;
}

std::string akn_eid(const ProvisionPath& path) {
  std::string s = akn_article_eid(path.article, path.insertion);
  if (path.paragraph > 0) {
    s += "__para_" + std::to_string(path.paragraph);
    if (path.item > 0) {
      s += "__point_" + std::to_string(path.item);
      if (path.subitem > 0) s += "__point_" + std::to_string(path.subitem);
    }
  }
  return s;
}

namespace {
std::string division_chain(const LawText& law, int division, const char* step_sep, const char* num_sep) {
  std::string s;
  for (int d = division; d >= 0; d = law.divisions[static_cast<std::size_t>(d)].parent) {
    const Division& div = law.divisions[static_cast<std::size_t>(d)];
    std::string step = std::string(division_alias(div.kind)) + num_sep + std::to_string(div.number);
    s = s.empty() ? step : step + step_sep + s;
  }
  return s;
}
}  // namespace

std::string division_key(const LawText& law, int division) { return division_chain(law, division, "/", ""); }
std::string akn_division_eid(const LawText& law, int division) { return division_chain(law, division, "__", "_"); }

}  // namespace lawref
