#include "html_compare.h"

#include <map>
#include <set>

#include "html_page.h"
#include "html_provision.h"
#include "provision_format.h"
#include "score_format.h"

namespace lawref::html {
namespace {

// The national provision's anchor on this page: the part when the appendix has it, else its article.
std::string national_href(const LawText& national, const ProvisionPath& to) {
  return "#" + anchor(has_provision(national, to) ? to : article_path(to), "n-");
}

std::string match_html(const LawInfo& national_info, const LawText& national, const links::Link& l) {
  std::string out = "<div class=\"match\"><a class=\"num\" href=\"" + escape(national_href(national, l.to.path)) + "\">" +
                    escape(citation_zh(national_info, l.to.path)) + "</a> ";
  const std::string why = l.basis == links::LinkBasis::Citation ? "the local article cites it" : "similar wording";
  out += "<span class=\"badge " + std::string(l.basis == links::LinkBasis::Citation ? "citation" : "same") + "\" title=\"" + escape(why) + "\">" +
         escape(l.basis == links::LinkBasis::None ? "linked" : links::to_string(l.basis)) + "</span>";
  out += "<span class=\"badge\" title=\"similarity of the two texts (0–1)\">" + score_text(l.score) + "</span>";
  if (!l.evidence.empty()) out += " <span class=\"muted\">«" + escape(l.evidence) + "»</span>";
  out += "\n" + provision_html(national, l.to.path) + "</div>\n";
  return out;
}

}  // namespace

std::string compare_page(const LawInfo& local_info, const LawText& local, const LawInfo& national_info, const LawText& national,
                         const std::vector<links::Link>& table, bool stored) {
  // The links of each local article, in the table's order.
  std::map<std::pair<int, int>, std::vector<const links::Link*>> by_local;
  std::set<std::pair<int, int>> cited;  // national articles the table reaches
  for (const links::Link& l : table) {
    by_local[{l.from.path.article, l.from.path.insertion}].push_back(&l);
    cited.insert({l.to.path.article, l.to.path.insertion});
  }
  std::size_t aligned = 0;
  for (const Article& a : local.articles) aligned += by_local.count({a.number, a.insertion});

  const std::string local_name = local_info.short_name_zh(), national_name = national_info.short_name_zh();
  std::string b;
  b += "<header>\n<h1>" + escape(local_info.title_zh);
  if (!local_info.title_en.empty()) b += "<span class=\"en\" lang=\"en\">" + escape(local_info.title_en) + "</span>";
  b += "</h1>\n<p class=\"meta\">compared with <strong>" + escape(national_info.title_zh) + "</strong> (<code>" + escape(national_info.id) +
       "</code>), the national law it implements · local text <code>" + escape(local_info.id) + "</code></p>\n";
  b += "<p class=\"meta\">" + std::to_string(table.size()) + " article pairs; " + std::to_string(aligned) + " of " +
       std::to_string(local.articles.size()) + " articles of " + escape(local_name) + " aligned with " + escape(national_name) + ", " +
       std::to_string(local.articles.size() - aligned) + " with no counterpart in it (marked). Basis: <span class=\"badge citation\">citation</span> the local article cites the national provision; "
       "<span class=\"badge same\">similarity</span> their wording is alike (score 0–1).</p>\n";
  if (!stored)
    b += "<p class=\"note\">Aligned now: the index does not record that " + escape(local_info.id) + " implements " + escape(national_info.id) +
         ", so the articles were aligned by their wording for this page.</p>\n";
  b += "</header>\n";

  b += "<table class=\"compare\">\n<colgroup><col style=\"width:42%\"/><col style=\"width:58%\"/></colgroup>\n";
  b += "<thead><tr><th>" + escape(local_name) + " (local) <code>" + escape(local_info.id) + "</code></th><th>" + escape(national_name) +
       " (national) <code>" + escape(national_info.id) + "</code></th></tr></thead>\n<tbody>\n";
  for (const Article& a : local.articles) {
    const auto it = by_local.find({a.number, a.insertion});
    const bool none = it == by_local.end();
    const std::string id = anchor(article_path(a), "l-");
    b += std::string("<tr") + (none ? " class=\"addition-row\"" : "") + "><td id=\"" + escape(id) + "\"><a class=\"num\" href=\"#" +
         escape(id) + "\">" + escape(a.num) + "</a>";
    if (const std::string ch = chapter_label(local, a); !ch.empty()) b += " <span class=\"muted\">" + escape(ch) + "</span>";
    b += "\n" + provision_html(local, article_path(a), "l-") + "</td>\n<td>";
    if (none) b += "<span class=\"badge addition\">no counterpart in " + escape(national_name) + "</span>";
    else
      for (const links::Link* l : it->second) b += match_html(national_info, national, *l);
    b += "</td></tr>\n";
  }
  b += "</tbody>\n</table>\n";

  // The full text of every national article the table reaches, with links back.
  b += "<h2 id=\"national\">" + escape(national_name) + ": the articles cited above, in full</h2>\n";
  for (const Article& n : national.articles) {
    if (!cited.count({n.number, n.insertion})) continue;
    const std::string id = anchor(article_path(n), "n-");
    b += "<section class=\"article\" id=\"" + escape(id) + "\">\n<h3><a href=\"#" + escape(id) + "\">" +
         escape(citation_zh(national_info, article_path(n))) + "</a>";
    if (const std::string ch = chapter_label(national, n); !ch.empty()) b += " <span class=\"muted\">" + escape(ch) + "</span>";
    b += "</h3>\n" + provision_html(national, article_path(n), "n-");
    std::string back;
    std::set<std::pair<int, int>> listed;
    for (const links::Link& l : table)
      if (l.to.path.article == n.number && l.to.path.insertion == n.insertion &&
          listed.insert({l.from.path.article, l.from.path.insertion}).second)
        back += std::string(back.empty() ? "" : "、") + "<a href=\"#" + escape(anchor(article_path(l.from.path), "l-")) + "\">" +
                escape(provision_num_zh(l.from.path)) + "</a>";
    b += "<p class=\"meta\">implemented by " + escape(local_name) + " " + back + "</p>\n</section>\n";
  }
  return page(local_name + " × " + national_name + " — lawref", b);
}

}  // namespace lawref::html
