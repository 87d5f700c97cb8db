#include "html_provision.h"

#include <algorithm>

#include "html_page.h"
#include "utf8.h"

namespace lawref::html {
namespace {

// （一）text, but (1) text: an English item number is followed by a space.
std::string item_line(const Item& it) {
  const bool ascii_num = !it.num.empty() && static_cast<unsigned char>(it.num.back()) < 0x80;
  return it.num + (ascii_num && !it.text.empty() ? " " : "") + it.text;
}

std::string id_attr(std::string_view prefix, const ProvisionPath& path) {
  return prefix.empty() ? std::string() : " id=\"" + escape(anchor(path, prefix)) + "\"";
}

void append_item(std::string& out, const Item& it, ProvisionPath path, bool sub, std::string_view prefix) {
  out += std::string("<p class=\"") + (sub ? "subitem" : "item") + "\"" + id_attr(prefix, path) + ">" + escape(item_line(it)) + "</p>\n";
  if (sub) return;
  for (const Item& child : it.children) {
    path.subitem = child.number;
    append_item(out, child, path, true, prefix);
  }
}

}  // namespace

const char* lang_attr(const LawText& text) { return text.lang == "en" ? "en" : "zh-Hans"; }

std::string linked_text(std::string_view text, std::vector<TextLink> links) {
  const std::u32string chars = utf8::decode(text);
  std::sort(links.begin(), links.end(), [](const TextLink& a, const TextLink& b) { return a.offset < b.offset; });
  std::string out;
  std::size_t at = 0;
  for (const TextLink& l : links) {
    if (l.length == 0 || l.offset < at || l.offset + l.length > chars.size()) continue;
    out += escape(utf8::encode(std::u32string_view(chars).substr(at, l.offset - at)));
    const std::string phrase = escape(utf8::encode(std::u32string_view(chars).substr(l.offset, l.length)));
    const std::string title = l.title.empty() ? std::string() : " title=\"" + escape(l.title) + "\"";
    if (l.href.empty()) out += "<span class=\"unresolved\"" + title + ">" + phrase + "</span>";
    else out += "<a href=\"" + escape(l.href) + "\"" + title + ">" + phrase + "</a>";
    at = l.offset + l.length;
  }
  out += escape(utf8::encode(std::u32string_view(chars).substr(std::min(at, chars.size()))));
  return out;
}

std::string provision_html(const LawText& text, const ProvisionPath& path, std::string_view id_prefix) {
  const Article* a = text.find_article(path.article, path.insertion);
  if (!a) return {};
  std::string out = std::string("<div class=\"text\" lang=\"") + lang_attr(text) + "\">\n";
  const bool numbered = path.paragraph == 0 && a->paragraphs.size() > 1;
  for (const Paragraph& p : a->paragraphs) {
    if (path.paragraph && p.number != path.paragraph) continue;
    ProvisionPath here = article_path(*a);
    here.paragraph = p.number;
    if (path.item == 0) {
      out += "<p" + id_attr(id_prefix, here) + ">";
      if (numbered) out += "<span class=\"para-num\">[" + std::to_string(p.number) + "]</span>";
      out += escape(p.text) + "</p>\n";
    }
    for (const Item& it : p.items) {
      if (path.item && it.number != path.item) continue;
      here.item = it.number;
      here.subitem = 0;
      if (path.subitem == 0) {
        append_item(out, it, here, false, id_prefix);
      } else if (const Item* sub = find_item(it.children, path.subitem)) {
        here.subitem = sub->number;
        append_item(out, *sub, here, true, id_prefix);
      }
    }
  }
  return out + "</div>\n";
}

}  // namespace lawref::html
