#include "html_localities.h"

#include <cstdio>
#include <map>
#include <set>

#include "display_width.h"
#include "html_page.h"
#include "html_provision.h"
#include "localities_format.h"
#include "provision_format.h"
#include "score_format.h"

namespace lawref::html {
namespace {

// Each law's provisions get ids after its own prefix: the page holds seven laws.
std::string prefix_of(const std::string& law) { return law + "-"; }

std::string article_label(const ProvisionPath& p) {
  return std::to_string(p.article) + (p.insertion ? "-" + std::to_string(p.insertion) : std::string());
}

using ArticleKey = std::pair<int, int>;

// A compact grid: seven columns of article numbers; the local additions stand out below.
constexpr std::string_view kLocalitiesCss = R"css(
.small { font-size: .84rem; }
.nowrap { white-space: nowrap; }
table.grid td { padding: .3rem .5rem; line-height: 1.5; }
section.article { margin: .8rem 0; }
section.article h4 { margin: .2rem 0; }
section.article.addition { background: #f0faf2; border-left: 4px solid #2f8a4a; padding: .2rem .7rem; }
)css";
ArticleKey key_of(const ProvisionPath& p) { return {p.article, p.insertion}; }

}  // namespace

std::string localities_page(const LocalitiesView& view, LawStore& store) {
  const LawInfo& nat = *view.national;
  const std::string nat_prefix = prefix_of(nat.id);
  // For each local article, the national provisions it implements (the reverse of the rows).
  std::map<std::string, std::map<ArticleKey, std::vector<const LocalMatch*>>> implements;
  for (const NationalRow& r : view.rows)
    for (const auto& [law, matches] : r.locals)
      for (const LocalMatch& m : matches) implements[law][key_of(m.local)].push_back(&m);

  std::string b;
  b += "<header>\n<h1>" + escape(nat.title_zh) + " and the local regulations implementing it";
  if (!nat.title_en.empty()) b += "<span class=\"en\" lang=\"en\">" + escape(nat.title_en) + "</span>";
  b += "</h1>\n<p class=\"meta\">national law <code>" + escape(nat.id) + "</code> · " + std::to_string(view.locals.size()) +
       " local regulations · " + std::to_string(view.rows.size()) + " national articles</p>\n</header>\n";
  if (view.locals.empty()) {
    b += "<p class=\"note\">No local regulation in the index implements " + escape(nat.id) + ".</p>\n";
    return page(nat.short_name_zh() + " — localities — lawref", b);
  }

  b += "<h2 id=\"localities\">The localities</h2>\n<table>\n<colgroup><col style=\"width:9%\"/><col style=\"width:37%\"/><col style=\"width:32%\"/>"
       "<col style=\"width:11%\"/><col style=\"width:11%\"/></colgroup>\n<thead><tr><th>locality</th><th>regulation</th><th>made under</th>"
       "<th>aligned</th><th>additions</th></tr></thead>\n<tbody>\n";
  for (const LocalLaw& l : view.locals) {
    std::string under;
    for (const std::string& v : l.implements) under += (under.empty() ? "" : ", ") + v;
    bool through = false;
    for (const std::string& v : l.implements) through = through || v != nat.id;
    b += "<tr><td>" + escape(locality_label(*l.info)) + "</td><td><a href=\"#loc-" + escape(l.info->id) + "\">" + escape(l.info->title_zh) +
         "</a> <code>" + escape(l.info->id) + "</code></td><td><code>" + escape(under) + "</code>" +
         (through ? "<br/><span class=\"muted small\">reached through the version links; also aligned with <span class=\"nowrap\">" + escape(nat.id) +
                         "</span> directly</span>" : "") +
         "</td><td>" + std::to_string(l.aligned) + " of " + std::to_string(l.articles) + "</td><td><a href=\"#loc-" + escape(l.info->id) + "\">" +
         std::to_string(l.additions.size()) + "</a></td></tr>\n";
  }
  b += "</tbody>\n</table>\n";

  // The grid: national article, then one column per locality with its article numbers.
  b += "<h2 id=\"grid\">Which local article implements which national article</h2>\n";
  b += "<p class=\"meta\">Each number is a local article; it links to its text below (hover for the national provision it matched, the basis "
       "and the score). · means the locality has no article for it.</p>\n";
  const double rest = 72.0 / static_cast<double>(view.locals.size());
  char width[32];
  std::snprintf(width, sizeof width, "%.2f%%", rest);
  b += "<table class=\"grid\">\n<colgroup><col style=\"width:28%\"/>";
  for (std::size_t i = 0; i < view.locals.size(); ++i) b += std::string("<col style=\"width:") + width + "\"/>";
  b += "</colgroup>\n<thead><tr><th>" + escape(nat.short_name_zh()) + "</th>";
  for (const LocalLaw& l : view.locals) b += "<th>" + escape(locality_label(*l.info)) + "</th>";
  b += "</tr></thead>\n<tbody>\n";
  for (const NationalRow& r : view.rows) {
    const ProvisionPath ap = article_path(*r.article);
    const std::string first = r.article->paragraphs.empty() ? std::string() : r.article->paragraphs.front().text;
    b += "<tr><td><a class=\"num\" href=\"#" + escape(anchor(ap, nat_prefix)) + "\">" + escape(r.article->num) + "</a> <span class=\"muted small\">" +
         escape(glimpse(first, 16)) + "</span></td>";
    for (const LocalLaw& l : view.locals) {
      const auto it = r.locals.find(l.info->id);
      if (it == r.locals.end()) {
        b += "<td class=\"muted\">·</td>";
        continue;
      }
      std::string cell;
      std::set<ArticleKey> shown;
      for (const LocalMatch& m : it->second) {
        if (!shown.insert(key_of(m.local)).second) continue;
        const std::string title = citation_zh(*l.info, m.local) + " → " + citation_zh(nat, m.national) + " · " + links::to_string(m.basis) + " " +
                                  score_text(m.score) + (m.via.empty() ? "" : " · via " + m.via);
        cell += std::string(cell.empty() ? "" : ", ") + "<a href=\"#" + escape(anchor(article_path(m.local), prefix_of(l.info->id))) +
                "\" title=\"" + escape(title) + "\">" + escape(article_label(m.local)) + "</a>";
      }
      b += "<td>" + cell + "</td>";
    }
    b += "</tr>\n";
  }
  b += "</tbody>\n</table>\n";

  // Each locality: its coverage, its additions, and its articles in full.
  for (const LocalLaw& l : view.locals) {
    const LawText* text = store.text(l.info->id, "zh");
    const std::string prefix = prefix_of(l.info->id);
    std::set<const Article*> added(l.additions.begin(), l.additions.end());
    b += "<h2 id=\"loc-" + escape(l.info->id) + "\">" + escape(locality_label(*l.info)) + " · " + escape(l.info->title_zh) + " <code>" +
         escape(l.info->id) + "</code></h2>\n";
    b += "<p class=\"meta\">" + std::to_string(l.aligned) + " of " + std::to_string(l.articles) + " articles aligned with " + escape(nat.id) +
         "; " + std::to_string(l.additions.size()) + " local additions (no counterpart in " + escape(nat.id) +
         " or the other national laws the regulation implements)";
    if (!l.additions.empty()) {
      b += ": ";
      bool first = true;
      for (const Article* a : l.additions) {
        b += std::string(first ? "" : "、") + "<a href=\"#" + escape(anchor(article_path(*a), prefix)) + "\">" + escape(a->num) + "</a>";
        first = false;
      }
    }
    b += "</p>\n";
    if (!text) {
      b += "<p class=\"note\">The index holds no text of " + escape(l.info->id) + ".</p>\n";
      continue;
    }
    for (const Article& a : text->articles) {
      const ProvisionPath ap = article_path(a);
      const std::string id = anchor(ap, prefix);
      b += std::string("<section class=\"article") + (added.count(&a) ? " addition" : "") + "\" id=\"" + escape(id) + "\">\n<h4><a href=\"#" +
           escape(id) + "\">" + escape(citation_zh(*l.info, ap)) + "</a>";
      if (added.count(&a)) b += " <span class=\"badge addition\">local addition</span>";
      b += "</h4>\n" + provision_html(*text, ap, prefix);
      const auto imp = implements[l.info->id].find(key_of(ap));
      if (imp != implements[l.info->id].end()) {
        std::string list;
        std::set<std::string> shown;
        for (const LocalMatch* m : imp->second) {
          const std::string target = anchor(article_path(m->national), nat_prefix);
          if (!shown.insert(ProvisionId{nat.id, m->national}.str()).second) continue;
          list += std::string(list.empty() ? "" : "、") + "<a href=\"#" + escape(target) + "\">" + escape(citation_zh(nat, m->national)) +
                  "</a> <span class=\"badge\">" + escape(links::to_string(m->basis)) + " " + score_text(m->score) + "</span>";
        }
        b += "<p class=\"meta\">implements " + list + "</p>\n";
      }
      b += "</section>\n";
    }
  }

  // The national law in full, each article with the localities implementing it.
  b += "<h2 id=\"national\">" + escape(nat.title_zh) + " <code>" + escape(nat.id) + "</code>, in full</h2>\n";
  for (const NationalRow& r : view.rows) {
    const ProvisionPath ap = article_path(*r.article);
    const std::string id = anchor(ap, nat_prefix);
    b += "<section class=\"article\" id=\"" + escape(id) + "\">\n<h4><a href=\"#" + escape(id) + "\">" + escape(citation_zh(nat, ap)) + "</a>";
    if (view.text)
      if (const std::string ch = chapter_label(*view.text, *r.article); !ch.empty()) b += " <span class=\"muted\">" + escape(ch) + "</span>";
    b += "</h4>\n";
    if (view.text) b += provision_html(*view.text, ap);
    std::string by;
    for (const LocalLaw& l : view.locals) {
      const auto it = r.locals.find(l.info->id);
      if (it == r.locals.end()) continue;
      std::string cell;
      std::set<ArticleKey> shown;
      for (const LocalMatch& m : it->second)
        if (shown.insert(key_of(m.local)).second)
          cell += std::string(cell.empty() ? "" : "、") + "<a href=\"#" + escape(anchor(article_path(m.local), prefix_of(l.info->id))) + "\">" +
                  escape(provision_num_zh(article_path(m.local))) + "</a>";
      by += std::string(by.empty() ? "" : " · ") + escape(locality_label(*l.info)) + " " + cell;
    }
    b += "<p class=\"meta\">" + (by.empty() ? std::string("no locality") : "implemented by " + by) + "</p>\n</section>\n";
  }
  return page(nat.short_name_zh() + " — localities — lawref", b, kLocalitiesCss);
}

}  // namespace lawref::html
