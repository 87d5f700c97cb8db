#include "provision_format.h"

#include <functional>

#include "display_width.h"
#include "numerals.h"

namespace lawref {
namespace {

std::string short_en(const LawInfo& l) {
  for (const std::string& s : l.short_en)  // prefer an abbreviation (CEL) for compact citations
    if (s.find(' ') == std::string::npos) return s;
  if (!l.short_en.empty()) return l.short_en.front();
  return l.title_en.empty() ? l.short_name_zh() : l.title_en;  // no English name: the Chinese one
}

// （一）text, but (1) text: an English item number is followed by a space.
std::string item_line(const Item& it) {
  const bool ascii_num = !it.num.empty() && static_cast<unsigned char>(it.num.back()) < 0x80;
  return it.num + (ascii_num && !it.text.empty() ? " " : "") + it.text;
}

void append_item(std::string& out, const Item& it, const std::string& indent) {
  out += indent + item_line(it) + "\n";
  for (const Item& child : it.children) append_item(out, child, indent + "  ");
}

void append_paragraph(std::string& out, const Paragraph& p, int only_item, int only_sub) {
  if (only_item == 0) {
    out += p.text + "\n";
    for (const Item& it : p.items) append_item(out, it, "");
    return;
  }
  const Item* it = find_item(p.items, only_item);
  if (!it) return;
  if (only_sub == 0) return append_item(out, *it, "");
  if (const Item* sub = find_item(it->children, only_sub)) append_item(out, *sub, "");
}

const Article* article_in(const LawText& text, const ProvisionPath& path) { return text.find_article(path.article, path.insertion); }

std::string trim_newline(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

std::string version_note(const LawInfo& law, const Registry& registry) {
  const std::string until = registry.in_force_until(law);
  if (until.empty()) return {};
  return "superseded by " + law.superseded_by + " on " + until + "; this is the text in force until then";
}

// One past the last article of division `d`: where the next division that is not inside it begins.
std::size_t division_end(const LawText& t, std::size_t d) {
  for (std::size_t e = d + 1; e < t.divisions.size(); ++e) {
    bool inside = false;
    for (int p = t.divisions[e].parent; p >= 0 && !inside; p = t.divisions[static_cast<std::size_t>(p)].parent)
      inside = p == static_cast<int>(d);
    if (!inside) return t.divisions[e].first_article;
  }
  return t.articles.size();
}

}  // namespace


std::string provision_num_zh(const ProvisionPath& p) {
  if (p.article == 0) return {};
  std::string s = article_num_zh(p.article, p.insertion);
  if (p.paragraph) s += "第" + to_chinese_numeral(p.paragraph) + "款";
  if (p.item) s += "第（" + to_chinese_numeral(p.item) + "）项";
  if (p.subitem) s += "第" + to_chinese_numeral(p.subitem) + "目";
  return s;
}

// A version that another has replaced is cited with its year: 反间谍法（2014）第六条, and a
// lawyer who copies the citation gets that version back, not today's.
std::string superseded_year(const LawInfo& law) {
  const std::string date = law.version_date();
  return law.superseded_by.empty() || date.size() < 4 ? std::string() : date.substr(0, 4);
}

std::string citation_zh(const LawInfo& law, const ProvisionPath& p) {
  const std::string year = superseded_year(law);
  return law.short_name_zh() + (year.empty() ? "" : "（" + year + "）") + provision_num_zh(p);
}

std::string citation_en(const LawInfo& law, const ProvisionPath& p) {
  std::string s = short_en(law);
  if (const std::string year = superseded_year(law); !year.empty()) s += " (" + year + ")";
  if (p.article == 0) return s;
  s += " Art. " + std::to_string(p.article);
  if (p.insertion) s += "-" + std::to_string(p.insertion);
  if (p.paragraph) s += "(" + std::to_string(p.paragraph) + ")";
  if (p.item) s += "(" + std::to_string(p.item) + ")";
  if (p.subitem) s += "(" + std::to_string(p.subitem) + ")";
  return s;
}

std::string chapter_label(const LawText& law, const Article& article) {
  std::string s;
  for (int d = article.division; d >= 0; d = law.divisions[static_cast<std::size_t>(d)].parent) {
    const Division& div = law.divisions[static_cast<std::size_t>(d)];
    const std::string part = division_label(div);
    s = s.empty() ? part : part + " › " + s;
  }
  return s;
}

std::string translation_label(const LawText& en) {
  return (en.translation.empty() ? std::string("translation") : en.translation) + "; the Chinese text is authoritative";
}

std::vector<std::string> provision_units(const LawText& text, const ProvisionPath& path) {
  std::vector<std::string> out;
  const Article* a = article_in(text, path);
  if (!a) return out;
  const bool numbered = path.paragraph == 0 && a->paragraphs.size() > 1;
  for (const Paragraph& p : a->paragraphs) {
    if (path.paragraph && p.number != path.paragraph) continue;
    if (path.item == 0) out.push_back((numbered ? "[" + std::to_string(p.number) + "] " : std::string()) + p.text);
    std::function<void(const Item&, const std::string&)> item = [&](const Item& it, const std::string& indent) {
      out.push_back(indent + item_line(it));
      for (const Item& c : it.children)
        if (path.subitem == 0 || c.number == path.subitem) item(c, indent + "  ");
    };
    for (const Item& it : p.items)
      if (path.item == 0 || it.number == path.item) {
        if (path.subitem == 0) item(it, "");
        else if (const Item* sub = find_item(it.children, path.subitem)) item(*sub, "");
      }
  }
  return out;
}

std::string provision_text(const LawText& text, const ProvisionPath& path) {
  const Article* a = article_in(text, path);
  if (!a) return {};
  std::string out;
  if (path.paragraph == 0) {
    for (const Paragraph& p : a->paragraphs) append_paragraph(out, p, 0, 0);
  } else if (path.paragraph <= static_cast<int>(a->paragraphs.size())) {
    append_paragraph(out, a->paragraphs[static_cast<std::size_t>(path.paragraph - 1)], path.item, path.subitem);
  }
  return trim_newline(out);
}

std::string render_text(const LookupResult& r, const Registry& registry, const ShowOptions& o) {
  const LawInfo& law = *r.law;
  const char* bold = o.color ? "\x1b[1m" : "";
  const char* dim = o.color ? "\x1b[2m" : "";
  const char* mark = o.color ? "\x1b[1;33m" : "";
  const char* reset = o.color ? "\x1b[0m" : "";
  std::string out;
  out += std::string(bold) + citation_zh(law, r.path) + "  " + citation_en(law, r.path) + reset + "  " + dim + (r.article ? r.id().str() : law.id) + reset + "\n";
  out += law.title_zh + (law.title_en.empty() ? "" : " — " + law.title_en) + "\n";
  std::string meta;
  if (r.article && r.zh) meta = chapter_label(*r.zh, *r.article);
  const std::string until = registry.in_force_until(law);
  const std::string from = law.effective.empty() ? "?" : law.effective;
  meta += std::string(meta.empty() ? "" : " · ") + (until.empty() ? "in force since " + from : "in force " + from + " – " + until);
  out += std::string(dim) + meta + reset + "\n";
  if (const std::string note = version_note(law, registry); !note.empty()) out += "note: " + note + "\n";

  if (!r.article) {  // the whole law: its outline
    const LawText* t = r.zh ? r.zh : r.en;
    if (!t) return out + "(no text: " + (law.text_note.empty() ? "import it with lawref import FILE --law " + law.id : law.text_note) + ")\n";
    out += std::to_string(t->articles.size()) + " articles\n";
    for (std::size_t d = 0; d < t->divisions.size(); ++d) {
      const Division& div = t->divisions[d];
      int depth = 0;
      for (int p = div.parent; p >= 0; p = t->divisions[static_cast<std::size_t>(p)].parent) ++depth;
      std::string range;
      const std::size_t first = div.first_article;
      const std::size_t last = division_end(*t, d);
      if (first < last && first < t->articles.size())
        range = "  " + t->articles[first].num + (last - 1 > first ? "–" + t->articles[last - 1].num : "");
      out += std::string(static_cast<std::size_t>(2 * depth), ' ') + division_label(div) + range + "\n";
    }
    return out;
  }

  const bool part = r.path.paragraph > 0;
  auto body = [&](const LawText& t, const char* heading) {
    out += "\n";
    if (heading) out += std::string(dim) + heading + reset + "\n";
    if (o.context && part) {
      const Article* a = article_in(t, r.path);
      if (!a) return;
      const std::string cited = provision_text(t, r.path);
      for (const Paragraph& p : a->paragraphs) {
        std::string block;
        append_paragraph(block, p, 0, 0);
        // Mark the cited lines inside the whole article.
        std::size_t start = 0;
        while (start < block.size()) {
          const std::size_t nl = block.find('\n', start);
          const std::string line = block.substr(start, nl - start);
          const bool hit = !line.empty() && cited.find(line) != std::string::npos;
          out += (hit ? std::string(mark) + "» " : "  ") + line + (hit ? reset : "") + "\n";
          start = nl + 1;
        }
      }
      return;
    }
    const std::string text = provision_text(t, r.path);
    const Article* a = article_in(t, r.path);
    if (!part && a && a->paragraphs.size() > 1) {
      // Number the 款 in the margin: Chinese texts do not, but readers cite them.
      int n = 0;
      for (const Paragraph& p : a->paragraphs) {
        std::string block;
        append_paragraph(block, p, 0, 0);
        out += "[" + std::to_string(++n) + "] " + trim_newline(block) + "\n";
      }
      return;
    }
    out += text + "\n";
  };
  const std::string en_heading = r.en ? "English — " + translation_label(*r.en) : std::string();
  // Both languages on a wide terminal: each paragraph and item beside its translation.
  constexpr int kSideBySide = 100;
  if (o.zh && o.en && r.zh && r.en && o.width >= kSideBySide && !o.context) {
    const std::vector<std::string> left = provision_units(*r.zh, r.path), right = provision_units(*r.en, r.path);
    std::vector<std::pair<std::string, std::string>> rows;
    for (std::size_t i = 0; i < std::max(left.size(), right.size()); ++i)
      rows.emplace_back(i < left.size() ? left[i] : "", i < right.size() ? right[i] : "");
    const int column = (o.width - 3) / 2;
    out += "\n" + std::string(dim) + side_by_side({{"中文 (authoritative)", en_heading}}, column) + reset;
    out += side_by_side(rows, column);
    return out;
  }
  if (o.zh && r.zh) body(*r.zh, o.en ? "中文 (authoritative)" : nullptr);
  if (o.en) {
    if (r.en) body(*r.en, en_heading.c_str());
    else out += std::string("\n") + dim + "(no English text for " + law.id + "; import a translation with: lawref import FILE --law " + law.id + " --lang en)" + reset + "\n";
  }
  return out;
}

nlohmann::ordered_json render_json(const LookupResult& r, const Registry& registry) {
  using nlohmann::ordered_json;
  const LawInfo& law = *r.law;
  auto number_or_null = [](int n) { return n > 0 ? ordered_json(n) : ordered_json(nullptr); };
  ordered_json j;
  j["id"] = r.article ? r.id().str() : law.id;
  j["law"] = law.id;
  j["article"] = number_or_null(r.path.article);
  j["insertion"] = number_or_null(r.path.insertion);
  j["paragraph"] = number_or_null(r.path.paragraph);
  j["item"] = number_or_null(r.path.item);
  j["subitem"] = number_or_null(r.path.subitem);
  j["citation"] = citation_zh(law, r.path);
  j["citation_en"] = citation_en(law, r.path);
  j["title"] = {{"zh", law.title_zh}, {"en", law.title_en.empty() ? ordered_json(nullptr) : ordered_json(law.title_en)}};
  j["chapter"] = r.article && r.zh ? ordered_json(chapter_label(*r.zh, *r.article)) : ordered_json(nullptr);
  auto text_of = [&](const LawText* t) {
    if (!t || !r.article) return ordered_json(nullptr);
    const std::string s = provision_text(*t, r.path);
    return s.empty() ? ordered_json(nullptr) : ordered_json(s);
  };
  j["text"] = {{"zh", text_of(r.zh)}, {"en", text_of(r.en)}};
  // The same as structure: the cited paragraphs (款) with their items (项) and sub-items (目).
  auto structure_of = [&](const LawText* t) {
    const Article* a = t && r.article ? article_in(*t, r.path) : nullptr;
    if (!a) return ordered_json(nullptr);
    std::function<ordered_json(const Item&)> item = [&](const Item& it) {
      ordered_json j = {{"number", it.number}, {"num", it.num}, {"text", it.text}};
      if (!it.children.empty()) {
        j["items"] = ordered_json::array();
        for (const Item& c : it.children)
          if (r.path.subitem == 0 || c.number == r.path.subitem) j["items"].push_back(item(c));
      }
      return j;
    };
    ordered_json paragraphs = ordered_json::array();
    for (const Paragraph& p : a->paragraphs) {
      if (r.path.paragraph && p.number != r.path.paragraph) continue;
      ordered_json items = ordered_json::array();
      for (const Item& it : p.items)
        if (r.path.item == 0 || it.number == r.path.item) items.push_back(item(it));
      paragraphs.push_back({{"number", p.number}, {"text", r.path.item ? ordered_json(nullptr) : ordered_json(p.text)}, {"items", items}});
    }
    return paragraphs;
  };
  j["paragraphs"] = {{"zh", structure_of(r.zh)}, {"en", structure_of(r.en)}};
  // Where each text comes from: the Chinese source file (authoritative), and who made the English.
  j["source"] = {{"zh", r.zh ? ordered_json(r.zh->source) : ordered_json(nullptr)},
                 {"en", r.en ? ordered_json(r.en->translation.empty() ? r.en->source : r.en->translation) : ordered_json(nullptr)}};
  const std::string until = registry.in_force_until(law);
  j["in_force"] = {{"from", law.effective.empty() ? ordered_json(nullptr) : ordered_json(law.effective)},
                   {"to", until.empty() ? ordered_json(nullptr) : ordered_json(until)}};
  const std::string note = version_note(law, registry);
  j["version_note"] = note.empty() ? ordered_json(nullptr) : ordered_json(note);
  return j;
}

}  // namespace lawref
