#include "html_law.h"

#include <map>
#include <set>

#include "html_graph.h"
#include "html_page.h"
#include "html_provision.h"
#include "provision_format.h"
#include "score_format.h"
#include "utf8.h"

namespace lawref::html {
namespace {

using links::Link;
using links::LinkKind;

// Two columns when both languages are shown: each paragraph and item beside its translation,
// row by row, so that long Chinese and longer English stay level.
constexpr std::string_view kLawCss = R"css(
.bi { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 1.6rem; }
.mono { max-width: 46rem; }
.bi > .zh, .bi > .en { padding-top: .15rem; padding-bottom: .15rem; }
.bi > .en { border-left: 3px solid #d8c8a0; padding-left: .8rem; color: #1f1f1f; }
.bi > .en.item { padding-left: calc(.8rem + 2em); }
.bi > .en.subitem { padding-left: calc(.8rem + 4em); }
.cols { margin: .4rem 0 .2rem; font-size: .82rem; font-weight: bold; color: #404040; }
.cols > .en { color: #5c3d00; border-left: none; }
.article { margin: 1.1rem 0 1.4rem; padding-top: .2rem; }
.art-head { margin: 0 0 .2rem; font-size: 1.02rem; }
.art-head .en-num { font-weight: normal; color: #404040; font-size: .9rem; margin-left: .5rem; }
.xref { font-size: .86rem; color: #333; margin: .35rem 0 0; padding: .3rem .6rem; background: #f4f6f9; border-radius: 3px; }
.xref b { color: #1a1a1a; }
.cited { background: #fff3bf; }
nav.toc li.d1 { margin-left: 1.2rem; }
nav.toc li.d2 { margin-left: 2.4rem; }
.history { color: #404040; font-size: .9rem; margin: .1rem 0; }
@media print {
  .xref { background: none; padding: 0; }
  .bi > .en { border-left-color: #999; }
  /* A long article may run over a page; a paragraph does not, and a heading stays with its text. */
  .bi > div, .mono > div { break-inside: avoid; }
  .art-head { break-after: avoid; }
}
)css";

std::string path_key(const ProvisionPath& p) { return akn_eid(p); }

// One paragraph, item or sub-item: what a row of the two columns holds.
struct Unit {
  ProvisionPath path;
  std::string lead;  // [2] before a paragraph, （三） or (3) before an item
  std::string text;
  const char* cls = "para";
};

std::vector<Unit> units_of(const Article& a) {
  std::vector<Unit> out;
  const bool numbered = a.paragraphs.size() > 1;
  for (const Paragraph& p : a.paragraphs) {
    ProvisionPath path = article_path(a);
    path.paragraph = p.number;
    out.push_back({path, numbered ? "[" + std::to_string(p.number) + "]" : std::string(), p.text, "para"});
    for (const Item& it : p.items) {
      path.item = it.number;
      path.subitem = 0;
      auto lead = [](const Item& i) {
        const bool ascii = !i.num.empty() && static_cast<unsigned char>(i.num.back()) < 0x80;
        return i.num + (ascii ? " " : "");
      };
      out.push_back({path, lead(it), it.text, "item"});
      for (const Item& sub : it.children) {
        path.subitem = sub.number;
        out.push_back({path, lead(sub), sub.text, "subitem"});
      }
    }
  }
  return out;
}

// Every id the law's text gets on its page: articles, paragraphs, items, sub-items.
std::set<std::string> ids_of(const LawText& law) {
  std::set<std::string> ids;
  for (const Article& a : law.articles) {
    ids.insert(anchor(article_path(a)));
    for (const Unit& u : units_of(a)) ids.insert(anchor(u.path));
  }
  return ids;
}

// How the page names a provision of any law, and where it links to.
class Namer {
 public:
  Namer(const Registry& registry, std::string self, const std::set<std::string>* ids) : registry_(registry), self_(std::move(self)), ids_(ids) {}

  std::string name(const ProvisionId& id) const {
    if (id.law.empty()) return {};
    const LawInfo* info = registry_.find(id.law);
    return info ? citation_zh(*info, id.path) : id.str();
  }
  // On this page when the law is this page's (the anchor, else its article's), else the other law's page.
  std::string href(const ProvisionId& id) const {
    if (id.law.empty()) return {};
    if (id.law == self_ && ids_) {
      if (id.path.article == 0) return "#top";
      if (ids_->count(anchor(id.path))) return "#" + anchor(id.path);
      if (ids_->count(anchor(article_path(id.path)))) return "#" + anchor(article_path(id.path));
      return {};
    }
    return id.law + ".html" + (id.path.article ? "#" + anchor(id.path) : std::string());
  }
  std::string link(const ProvisionId& id) const {
    const std::string h = href(id);
    const std::string text = escape(name(id));
    return h.empty() ? text : "<a href=\"" + escape(h) + "\">" + text + "</a>";
  }

 private:
  const Registry& registry_;
  std::string self_;
  const std::set<std::string>* ids_;  // null: every link leaves the page (provision pages)
};

// The citations a unit's text makes, as links over the phrases that made them.
std::vector<TextLink> text_links(const std::string& text, const std::vector<const Link*>& made, const Namer& namer) {
  std::vector<TextLink> out;
  const std::u32string chars = utf8::decode(text);
  for (const Link* l : made) {
    const std::u32string phrase = utf8::decode(l->evidence);
    const auto offset = static_cast<std::size_t>(l->offset);
    // Only where the phrase stands at its offset: the text may have changed since indexing.
    if (phrase.empty() || offset + phrase.size() > chars.size() || chars.compare(offset, phrase.size(), phrase) != 0) continue;
    TextLink t{offset, phrase.size(), {}, {}};
    if (l->to.law.empty()) {
      t.title = l->external + (l->note.empty() ? "" : ": " + l->note);
    } else {
      t.href = namer.href(l->to);
      t.title = namer.name(l->to) + " (" + l->to.str() + ")" + (l->note.empty() ? "" : ": " + l->note);
    }
    out.push_back(std::move(t));
  }
  return out;
}

struct ArticleView {
  const Article* zh = nullptr;
  const Article* en = nullptr;  // null: Chinese alone
  bool bilingual = false;
  bool ids = true;                                       // anchor each unit
  const std::map<std::string, std::vector<const Link*>>* made = nullptr;  // citations by citing unit
  ProvisionPath cited;                                   // a part to mark (provision pages)
};

std::string article_html(const ArticleView& v, const Namer& namer) {
  std::map<std::string, const Unit*> en_units;
  std::vector<Unit> en_list;
  if (v.en) en_list = units_of(*v.en);
  for (const Unit& u : en_list) en_units[path_key(u.path)] = &u;
  std::string out = std::string("<div class=\"") + (v.bilingual ? "bi" : "mono") + "\">\n";
  for (const Unit& u : units_of(*v.zh)) {
    const bool cited = v.cited.paragraph && u.path.paragraph == v.cited.paragraph && (v.cited.item == 0 || u.path.item == v.cited.item) &&
                       (v.cited.subitem == 0 || u.path.subitem == v.cited.subitem);
    const std::string cls = std::string(u.cls) + (cited ? " cited" : "");
    std::string text = escape(u.text);
    if (v.made)
      if (const auto it = v.made->find(path_key(u.path)); it != v.made->end()) text = linked_text(u.text, text_links(u.text, it->second, namer));
    out += "<div class=\"zh " + cls + "\"" + (v.ids ? " id=\"" + escape(anchor(u.path)) + "\"" : std::string()) + " lang=\"zh-Hans\">" +
           (u.lead.empty() ? "" : "<span class=\"" + std::string(u.cls[0] == 'p' ? "para-num" : "lead") + "\">" + escape(u.lead) + "</span>") +
           text + "</div>\n";
    if (!v.bilingual) continue;
    const auto en = en_units.find(path_key(u.path));
    out += "<div class=\"en " + cls + "\" lang=\"en\">";
    if (en != en_units.end()) {
      out += (en->second->lead.empty() ? "" : "<span class=\"" + std::string(u.cls[0] == 'p' ? "para-num" : "lead") + "\">" +
                                                  escape(en->second->lead) + "</span>") +
             escape(en->second->text);
      en_units.erase(en);
    }
    out += "</div>\n";
  }
  // English parts the Chinese lacks (a translation divided differently) still show, at the end.
  if (v.bilingual)
    for (const Unit& u : en_list)
      if (en_units.count(path_key(u.path))) out += "<div class=\"zh\"></div><div class=\"en " + std::string(u.cls) + "\" lang=\"en\">" + escape(u.lead) + escape(u.text) + "</div>\n";
  return out + "</div>\n";
}

// What points at an article, and where the article leads, as short lists of links.
struct ArticleLinks {
  std::vector<std::string> cited_by, implemented_by, earlier, later, implements, names;
};

std::string xref_html(const ArticleLinks& x) {
  std::string out;
  auto list = [&](const char* label, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out += std::string(out.empty() ? "" : "<br/>") + "<b>" + label + "</b> ";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? " · " : "") + items[i];
  };
  list("cited by", x.cited_by);
  list("implemented by", x.implemented_by);
  list("continues", x.earlier);
  list("continued as", x.later);
  list("implements", x.implements);
  return out.empty() ? out : "<p class=\"xref\">" + out + "</p>\n";
}

std::string detail(const Link& l) {
  if (l.kind == LinkKind::Version) return " <span class=\"muted\">(" + escape(links::to_string(l.basis)) + " " + score_text(l.score) + ")</span>";
  if (l.kind == LinkKind::Implements) return " <span class=\"muted\">(" + escape(links::to_string(l.basis)) + (l.basis == links::LinkBasis::Citation ? "" : " " + score_text(l.score)) + ")</span>";
  return {};
}

using ArticleKey = std::pair<int, int>;
ArticleKey key_of(const ProvisionPath& p) { return {p.article, p.insertion}; }

// One past the last article of division `d`: where the next division outside it begins.
std::size_t division_end(const LawText& t, std::size_t d) {
  for (std::size_t e = d + 1; e < t.divisions.size(); ++e) {
    bool inside = false;
    for (int p = t.divisions[e].parent; p >= 0 && !inside; p = t.divisions[static_cast<std::size_t>(p)].parent) inside = p == static_cast<int>(d);
    if (!inside) return t.divisions[e].first_article;
  }
  return t.articles.size();
}

std::string header_html(const LookupResult& r, const Registry& registry) {
  const LawInfo& law = *r.law;
  std::string b = "<header id=\"top\">\n<h1>" + escape(law.title_zh);
  if (!law.title_en.empty()) b += "<span class=\"en\" lang=\"en\">" + escape(law.title_en) + "</span>";
  b += "</h1>\n<p class=\"meta\"><code>" + escape(law.id) + "</code> · " + escape(to_string(law.level)) + " · " + escape(law.jurisdiction);
  if (!law.adopted.empty()) b += " · adopted " + escape(law.adopted);
  for (const std::string& a : law.amended) b += ", amended " + escape(a);
  const std::string until = registry.in_force_until(law);
  const std::string from = law.effective.empty() ? "?" : law.effective;
  b += " · " + (until.empty() ? "in force since " + escape(from) : "in force " + escape(from) + " – " + escape(until) + " (superseded by " +
                                                                       escape(law.superseded_by) + ")");
  if (law.amended_since) b += " · amended since (a later version exists that the corpus does not hold)";
  if (r.zh) b += " · " + std::to_string(r.zh->articles.size()) + " articles · source <code>" + escape(r.zh->source) + "</code>";
  b += "</p>\n</header>\n";
  return b;
}

}  // namespace

std::string law_page(const LookupResult& r, const Registry& registry, const LawPageLinks* links) {
  const LawInfo& law = *r.law;
  const LawText& zh = *r.zh;
  const LawText* en = r.en;
  const std::set<std::string> ids = ids_of(zh);
  const Namer namer(registry, law.id, &ids);

  // Citations the text makes, by the unit that makes them; what reaches each article.
  std::map<std::string, std::vector<const Link*>> made;
  std::map<ArticleKey, ArticleLinks> reach;
  std::vector<std::string> named_whole;
  std::set<std::string> seen;  // one entry per linked provision and list
  auto add = [&](std::vector<std::string>& list, const std::string& key, const std::string& html) {
    if (seen.insert(key).second) list.push_back(html);
  };
  if (links) {
    for (const Link& l : links->outgoing) {
      const ArticleKey at = key_of(l.from.path);
      if (l.offset >= 0 && (l.kind == LinkKind::Internal || l.kind == LinkKind::External || l.kind == LinkKind::Unresolved))
        made[path_key(l.from.path)].push_back(&l);
      if (l.kind == LinkKind::Internal && l.to.law == law.id && l.to.path.article)
        add(reach[key_of(l.to.path)].cited_by, "c" + l.to.str() + l.from.str(), namer.link(l.from));
      if (l.kind == LinkKind::Version) add(reach[at].later, "l" + l.from.str() + l.to.str(), namer.link(l.to) + detail(l));
      if (l.kind == LinkKind::Implements) add(reach[at].implements, "i" + l.from.str() + l.to.str(), namer.link(l.to) + detail(l));
    }
    for (const Link& l : links->incoming) {
      if (l.to.path.article == 0) {
        if (seen.insert("w" + l.from.str()).second) named_whole.push_back(namer.link(l.from));
        continue;
      }
      ArticleLinks& x = reach[key_of(l.to.path)];
      const std::string k = l.to.str() + "|" + l.from.str();
      if (l.kind == LinkKind::Version) add(x.earlier, "e" + k, namer.link(l.from) + detail(l));
      else if (l.kind == LinkKind::Implements) add(x.implemented_by, "m" + k, namer.link(l.from) + detail(l));
      else add(x.cited_by, "c" + k, namer.link(l.from));
    }
  }

  const bool bilingual = en != nullptr && !en->articles.empty();
  std::string b = header_html(r, registry);
  for (const std::string& line : zh.preamble) b += "<p class=\"history\">" + escape(line) + "</p>\n";
  if (bilingual)
    b += "<p class=\"note\"><span class=\"en-label\" lang=\"en\">" + escape(english_label(*en)) +
         ".</span> Each paragraph and item of the Chinese stands beside its translation.</p>\n";
  if (!named_whole.empty()) {
    b += "<p class=\"xref\"><b>named as a whole by</b> ";
    for (std::size_t i = 0; i < named_whole.size(); ++i) b += (i ? " · " : "") + named_whole[i];
    b += "</p>\n";
  }
  if (links)
    b += "<p class=\"meta\">Citations in the text link to what they cite: on this page, or to the cited law's page saved beside this one as "
         "<code>&lt;id&gt;.html</code> (<code>lawref show ID --html &gt; ID.html</code>).</p>\n";

  // Contents: the divisions with their article ranges.
  std::string toc;
  for (std::size_t d = 0; d < zh.divisions.size(); ++d) {
    const Division& div = zh.divisions[d];
    int depth = 0;
    for (int p = div.parent; p >= 0; p = zh.divisions[static_cast<std::size_t>(p)].parent) ++depth;
    std::string range;
    const std::size_t first = div.first_article, last = division_end(zh, d);
    if (first < last && first < zh.articles.size())
      range = " <span class=\"muted\">" + escape(zh.articles[first].num) + (last - 1 > first ? "–" + escape(zh.articles[last - 1].num) : "") + "</span>";
    toc += "<li class=\"d" + std::to_string(std::min(depth, 2)) + "\"><a href=\"#" + escape(akn_division_eid(zh, static_cast<int>(d))) + "\">" +
           escape(division_label(div)) + "</a>" + range + "</li>\n";
  }
  const bool draw = links && links->graph;
  if (draw) toc += "<li><a href=\"#graph\">Cross-link graph</a></li>\n";
  if (!toc.empty()) b += "<nav class=\"toc\"><strong>Contents</strong>\n<ul>\n" + toc + "</ul>\n</nav>\n";

  auto column_heads = [&] {
    if (!bilingual) return std::string();
    return "<div class=\"bi cols\"><div class=\"zh\">中文（正式文本 · authoritative）</div><div class=\"en\" lang=\"en\">" + escape(english_label(*en)) +
           "</div></div>\n";
  };
  if (zh.divisions.empty() || zh.divisions.front().first_article > 0) b += column_heads();
  for (std::size_t i = 0; i < zh.articles.size(); ++i) {
    for (std::size_t d = 0; d < zh.divisions.size(); ++d) {
      const Division& div = zh.divisions[d];
      if (div.first_article != i) continue;
      int depth = 0;
      for (int p = div.parent; p >= 0; p = zh.divisions[static_cast<std::size_t>(p)].parent) ++depth;
      const std::string level = std::to_string(std::min(2 + depth, 4));
      b += "<h" + level + " id=\"" + escape(akn_division_eid(zh, static_cast<int>(d))) + "\">" + escape(division_label(div)) + "</h" + level + ">\n";
      const bool opens_child = d + 1 < zh.divisions.size() && zh.divisions[d + 1].first_article == i;
      if (!opens_child) b += column_heads();
    }
    const Article& a = zh.articles[i];
    const ProvisionPath ap = article_path(a);
    ArticleView v;
    v.zh = &a;
    v.en = bilingual ? en->find_article(a.number, a.insertion) : nullptr;
    v.bilingual = bilingual;
    v.made = &made;
    b += "<section class=\"article\" id=\"" + escape(anchor(ap)) + "\">\n<h4 class=\"art-head\"><a href=\"#" + escape(anchor(ap)) + "\">" +
         escape(a.num) + "</a>";
    if (v.en) b += "<span class=\"en-num\" lang=\"en\">" + escape(v.en->num) + "</span>";
    b += "</h4>\n" + article_html(v, namer);
    if (const auto x = reach.find(key_of(ap)); x != reach.end()) b += xref_html(x->second);
    b += "</section>\n";
  }
  if (!zh.appendix.empty()) {
    b += "<h2 id=\"appendix\">附件</h2>\n<div class=\"mono\">\n";
    for (const std::string& line : zh.appendix) b += "<p>" + escape(line) + "</p>\n";
    b += "</div>\n";
  }
  if (draw) {
    // The law's own citations, article to article (or to a law cited as a whole).
    std::vector<Link> drawn;
    std::set<std::string> pairs;
    for (const Link& l : links->outgoing) {
      if (l.kind != LinkKind::Internal && l.kind != LinkKind::External && l.kind != LinkKind::Unresolved) continue;
      Link c = l;
      c.from.path = article_path(l.from.path);
      c.to.path = article_path(l.to.path);
      if (c.from == c.to) continue;
      if (pairs.insert(c.from.str() + "|" + c.to.str() + "|" + c.external).second) drawn.push_back(c);
    }
    b += "<h2 id=\"graph\">Cross-link graph</h2>\n";
    b += graph_figure(drawn, registry, [&](const ProvisionId& id) { return namer.href(id); },
                      "What the articles of " + law.short_name_zh() + " cite: its own articles, and other laws (boxes by law; each node links to "
                      "its text).");
  }
  return page(law.short_name_zh() + " — " + law.id + " — lawref", b, kLawCss);
}

std::string provision_page(const LookupResult& r, const Registry& registry, const std::vector<XrefHit>& hits) {
  const LawInfo& law = *r.law;
  const Namer namer(registry, law.id, nullptr);
  const bool bilingual = r.en != nullptr && r.en->find_article(r.path.article, r.path.insertion);
  std::string b = header_html(r, registry);
  b += "<h2>" + escape(citation_zh(law, r.path)) + " <span class=\"muted\" lang=\"en\">" + escape(citation_en(law, r.path)) + "</span> <code>" +
       escape(r.id().str()) + "</code></h2>\n";
  if (const std::string ch = chapter_label(*r.zh, *r.article); !ch.empty()) b += "<p class=\"meta\">" + escape(ch) + "</p>\n";
  if (bilingual)
    b += "<div class=\"bi cols\"><div class=\"zh\">中文（正式文本 · authoritative）</div><div class=\"en\" lang=\"en\">" + escape(english_label(*r.en)) +
         "</div></div>\n";
  ArticleView v;
  v.zh = r.article;
  v.en = bilingual ? r.en->find_article(r.path.article, r.path.insertion) : nullptr;
  v.bilingual = bilingual;
  v.cited = r.path;
  b += "<section class=\"article\" id=\"" + escape(anchor(article_path(r.path))) + "\">\n" + article_html(v, namer) + "</section>\n";

  std::vector<Link> drawn;
  for (const bool incoming : {false, true}) {
    std::string list;
    for (const XrefHit& h : hits) {
      if (h.incoming != incoming) continue;
      const Link& l = h.link;
      const std::string other = incoming ? namer.link(l.from) : l.to.law.empty() ? "《" + escape(l.external) + "》 (not in the index)" : namer.link(l.to);
      list += "<li>" + other + " " + "<span class=\"badge\">" + escape(links::to_string(l.kind)) + "</span>" + detail(l) +
              (l.evidence.empty() ? "" : " <span class=\"muted\">«" + escape(l.evidence) + "»</span>") +
              (l.note.empty() ? "" : " <span class=\"muted\">(" + escape(l.note) + ")</span>") +
              (h.via.law.empty() ? "" : " <span class=\"muted\">(through " + namer.link(h.via) + ", an earlier version)</span>") + "</li>\n";
      drawn.push_back(l);
    }
    if (!list.empty()) b += std::string("<h3>") + (incoming ? "Cited by, continued from, implemented by" : "Cites, continues as, implements") + "</h3>\n<ul>\n" + list + "</ul>\n";
  }
  if (hits.empty()) b += "<p class=\"muted\">No links in the index.</p>\n";
  b += "<h2 id=\"graph\">Neighbourhood</h2>\n";
  b += graph_figure(drawn, registry, [&](const ProvisionId& id) { return namer.href(id); },
                    "The links of " + citation_zh(law, r.path) + " (each node links to its law's page, saved as <id>.html).");
  return page(citation_zh(law, r.path) + " — lawref", b, kLawCss);
}

}  // namespace lawref::html
