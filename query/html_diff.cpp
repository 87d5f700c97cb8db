#include "html_diff.h"

#include <algorithm>
#include <map>
#include <set>

#include "html_page.h"
#include "provision_format.h"
#include "score_format.h"

namespace lawref::html {
namespace {

// One side of a change: the unchanged text with what that side alone has marked.
std::string side_html(const std::vector<DiffSegment>& diff, DiffSegment::Op own) {
  std::string out = "<div class=\"text\" lang=\"zh-Hans\">";
  const char* tag = own == DiffSegment::Op::Delete ? "del" : "ins";
  for (const DiffSegment& s : diff) {
    if (s.op == DiffSegment::Op::Equal) out += escape_lines(s.text);
    else if (s.op == own) out += std::string("<") + tag + ">" + escape_lines(s.text) + "</" + tag + ">";
  }
  return out + "</div>";
}

std::string badge(const std::string& cls, const std::string& text, const std::string& title = {}) {
  return "<span class=\"badge " + cls + "\"" + (title.empty() ? "" : " title=\"" + escape(title) + "\"") + ">" + escape(text) + "</span>";
}

// Changes that keep their place: the longest run of changes whose old articles are in
// increasing order. The others were moved.
std::vector<bool> moved_changes(const std::vector<ArticleChange>& changes, const LawText& before) {
  const std::size_t n = changes.size();
  std::vector<std::size_t> old_index(n);
  for (std::size_t i = 0; i < n; ++i) old_index[i] = static_cast<std::size_t>(changes[i].before - before.articles.data());
  // Patience-style longest increasing subsequence, O(n log n), keeping predecessors to recover it.
  std::vector<std::size_t> tails, prev(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto pos = std::lower_bound(tails.begin(), tails.end(), i, [&](std::size_t t, std::size_t) { return old_index[t] < old_index[i]; });
    if (pos != tails.begin()) prev[i] = *(pos - 1);
    if (pos == tails.end()) tails.push_back(i);
    else *pos = i;
  }
  std::vector<bool> moved(n, true);
  for (std::size_t i = tails.empty() ? n : tails.back(); i < n; i = prev[i]) moved[i] = false;
  return moved;
}

constexpr const char* kTableHead = "<table class=\"diff\">\n<colgroup><col style=\"width:50%\"/><col style=\"width:50%\"/></colgroup>\n";

}  // namespace

std::string diff_page(const LawInfo& old_info, const LawText& before, const LawInfo& new_info, const LawText& after, const RevisionDiff& d) {
  const std::vector<bool> moved = moved_changes(d.changes, before);
  std::map<const Article*, int> continuations, sources;  // old article -> changes from it; new article -> changes into it
  for (const ArticleChange& c : d.changes) {
    ++continuations[c.before];
    ++sources[c.after];
  }
  std::map<const Article*, std::vector<std::size_t>> into;  // new article -> its changes, in order
  for (std::size_t i = 0; i < d.changes.size(); ++i) into[d.changes[i].after].push_back(i);
  const std::set<const Article*> added(d.added.begin(), d.added.end());
  std::size_t same = 0, changed = 0, moved_count = 0;
  for (std::size_t i = 0; i < d.changes.size(); ++i) {
    (d.changes[i].basis == links::LinkBasis::Same ? same : changed) += 1;
    moved_count += moved[i] ? 1 : 0;
  }

  const std::string thead = "<thead><tr><th>" + escape(citation_zh(old_info, {})) + " <code>" + escape(old_info.id) + "</code></th><th>" +
                            escape(citation_zh(new_info, {})) + " <code>" + escape(new_info.id) + "</code></th></tr></thead>\n<tbody>\n";
  // The rows, chapter by chapter of the new text; the table of contents is filled alongside.
  std::string toc, rows;
  std::set<std::string> ids;  // an old article split in two is shown twice: its id goes on the first
  auto id_once = [&](const std::string& id) { return ids.insert(id).second ? " id=\"" + escape(id) + "\"" : std::string(); };
  std::size_t chapter_changed = 0, chapter_new = 0, chapter_articles = 0;
  std::string chapter_entry;
  auto close_chapter = [&] {
    if (chapter_entry.empty()) return;
    rows += "</tbody>\n</table>\n";
    toc += "<li>" + chapter_entry + " <span class=\"muted\">" + std::to_string(chapter_articles) + " articles · " +
           std::to_string(chapter_changed) + " changed · " + std::to_string(chapter_new) + " new</span></li>\n";
    chapter_entry.clear();
    chapter_changed = chapter_new = chapter_articles = 0;
  };
  auto open_chapter = [&](const std::string& id, const std::string& heading, int level) {
    close_chapter();
    rows += "<h" + std::to_string(level) + " id=\"" + escape(id) + "\">" + escape(heading) + "</h" + std::to_string(level) + ">\n" + kTableHead + thead;
    chapter_entry = "<a href=\"#" + escape(id) + "\">" + escape(heading) + "</a>";
  };
  if (after.divisions.empty() || after.divisions.front().first_article > 0) open_chapter("articles", "Articles", 2);
  for (std::size_t i = 0; i < after.articles.size(); ++i) {
    for (std::size_t v = 0; v < after.divisions.size(); ++v) {
      const Division& div = after.divisions[v];
      if (div.first_article != i) continue;
      int depth = 0;
      for (int p = div.parent; p >= 0; p = after.divisions[static_cast<std::size_t>(p)].parent) ++depth;
      // A part that opens with a chapter needs no table of its own: its chapter follows at once.
      const bool opens_child = v + 1 < after.divisions.size() && after.divisions[v + 1].parent == static_cast<int>(v) &&
                               after.divisions[v + 1].first_article == i;
      if (opens_child) {
        close_chapter();
        rows += "<h2 id=\"" + escape(akn_division_eid(after, static_cast<int>(v))) + "\">" + escape(division_label(div)) + "</h2>\n";
        toc += "<li><strong>" + escape(division_label(div)) + "</strong></li>\n";
        continue;
      }
      open_chapter(akn_division_eid(after, static_cast<int>(v)), division_label(div), std::min(2 + depth, 4));
    }
    const Article& art = after.articles[i];
    const std::string new_id = anchor(article_path(art));
    ++chapter_articles;
    if (added.count(&art)) {
      ++chapter_new;
      rows += "<tr><td class=\"muted\">— <span class=\"badge new\">new</span> no counterpart in " + escape(old_info.id) + "</td><td" +
              id_once(new_id) + "><span class=\"num\">" + escape(art.num) + "</span> " + badge("new", "new") +
              "\n<div class=\"text\" lang=\"zh-Hans\"><ins>" + escape_lines(article_text(after, art)) + "</ins></div></td></tr>\n";
      continue;
    }
    const auto found = into.find(&art);
    if (found == into.end()) continue;
    for (const std::size_t k : found->second) {
      const ArticleChange& c = d.changes[k];
      if (c.basis != links::LinkBasis::Same) ++chapter_changed;
      std::string marks = c.basis == links::LinkBasis::Same ? badge("same", "unchanged") : badge("changed", "changed");
      if (moved[k]) marks += badge("moved", "moved", "out of its old order: moved from elsewhere in " + old_info.id);
      if (continuations[c.before] > 1)
        marks += badge("split", "split", c.before->num + " of " + old_info.id + " continues in " + std::to_string(continuations[c.before]) + " articles");
      if (sources[c.after] > 1)
        marks += badge("merged", "merged", std::to_string(sources[c.after]) + " articles of " + old_info.id + " were merged into " + c.after->num);
      marks += badge("", "similarity " + score_text(c.score), "share of the text the two versions have in common, 0–1");
      rows += "<tr><td" + id_once("old-" + anchor(article_path(*c.before))) + "><span class=\"num\">" + escape(c.before->num) + "</span>\n" +
              side_html(c.diff, DiffSegment::Op::Delete) + "</td><td" + id_once(new_id) + "><span class=\"num\">" + escape(c.after->num) +
              "</span> " + marks + "\n" + side_html(c.diff, DiffSegment::Op::Insert) + "</td></tr>\n";
    }
  }
  close_chapter();

  std::string dropped;
  if (!d.dropped.empty()) {
    dropped += "<h2 id=\"dropped\">Dropped: articles of " + escape(old_info.id) + " nothing in " + escape(new_info.id) + " continues</h2>\n" +
               kTableHead + thead;
    for (const Article* a : d.dropped) {
      const std::string ch = chapter_label(before, *a);
      dropped += "<tr><td" + id_once("old-" + anchor(article_path(*a))) + "><span class=\"num\">" + escape(a->num) + "</span> " +
                 badge("dropped", "dropped") + (ch.empty() ? "" : " <span class=\"muted\">" + escape(ch) + "</span>") +
                 "\n<div class=\"text\" lang=\"zh-Hans\"><del>" + escape_lines(article_text(before, *a)) +
                 "</del></div></td><td class=\"muted\">— not continued in " + escape(new_info.id) + "</td></tr>\n";
    }
    dropped += "</tbody>\n</table>\n";
    toc += "<li><a href=\"#dropped\">Dropped articles</a> <span class=\"muted\">" + std::to_string(d.dropped.size()) + "</span></li>\n";
  }

  std::string b;
  b += "<header>\n<h1>" + escape(new_info.title_zh) + ": " + escape(old_info.id) + " → " + escape(new_info.id);
  if (!new_info.title_en.empty()) b += "<span class=\"en\" lang=\"en\">" + escape(new_info.title_en) + " — what the revision changed</span>";
  b += "</h1>\n<p class=\"meta\">" + escape(old_info.title_zh) + " <code>" + escape(old_info.id) + "</code> (" + escape(old_info.version_date()) +
       ", " + std::to_string(before.articles.size()) + " articles) → <code>" + escape(new_info.id) + "</code> (" +
       escape(new_info.version_date()) + ", " + std::to_string(after.articles.size()) + " articles)</p>\n";
  b += "<p class=\"meta\">" + std::to_string(d.changes.size()) + " article pairs: " + badge("same", std::to_string(same) + " unchanged") +
       badge("changed", std::to_string(changed) + " changed") + badge("moved", std::to_string(moved_count) + " moved") +
       badge("new", std::to_string(d.added.size()) + " new") + badge("dropped", std::to_string(d.dropped.size()) + " dropped") +
       ". Deleted text is <del>struck through</del>, inserted text <ins>underlined</ins>.</p>\n";
  if (!d.stored)
    b += "<p class=\"note\">Aligned now: the index has no version links between " + escape(old_info.id) + " and " + escape(new_info.id) +
         ", so the articles were paired by their wording for this page.</p>\n";
  b += "</header>\n<nav class=\"toc\"><strong>Contents</strong>\n<ul>\n" + toc + "</ul>\n</nav>\n" + rows + dropped;
  return page(new_info.short_name_zh() + " " + old_info.id + " → " + new_info.id + " — lawref", b);
}

}  // namespace lawref::html
