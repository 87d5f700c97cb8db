#include "statute_parser.h"

#include <algorithm>

#include "line_patterns.h"
#include "numerals.h"
#include "provision_id.h"
#include "utf8.h"

namespace lawref {
namespace {

int rank(DivisionKind kind) { return static_cast<int>(kind); }  // Part < Subpart < Chapter < Section

std::string article_label(const Article& a, const std::string& lang) {
  if (lang == "en") return "Article " + std::to_string(a.number) + (a.insertion ? "-" + std::to_string(a.insertion) : "");
  return article_num_zh(a.number, a.insertion);
}

class Parser {
 public:
  Parser(const ParseOptions& options, ParseResult& out) : opt_(options), out_(out), law_(out.law) {
    law_.lang = options.lang;
  }

  void line(int number, std::string_view raw) {
    line_no_ = number;
    std::u32string decoded = utf8::decode(raw);
    std::u32string_view s = utf8::trim(decoded);
    if (s.empty()) return;
    if (s.substr(0, 4) == U"<!--") return comment(s);  // markdown comments such as <!-- INFO END -->

    bool heading = false;
    if (s.front() == U'#') {
      std::size_t hashes = 0;
      while (hashes < s.size() && s[hashes] == U'#') ++hashes;
      if (hashes <= 6 && (hashes == s.size() || utf8::is_space(s[hashes]))) {
        heading = true;
        s = utf8::trim(s.substr(hashes));
        if (s.empty()) return;
      }
    }

    if (!title_seen_) {
      title_seen_ = true;
      if (!starts_structure(s, heading)) {
        law_.title = utf8::encode(s);
        return;
      }
      out_.diagnostics.warn(number, "no-title", "the text has no title line");
    }
    if (in_appendix_) {
      law_.appendix.push_back(utf8::encode(s));
      return;
    }
    structural_line(s, heading);
  }

  void finish() {
    if (!title_seen_) return;  // decode_source refuses empty input before we get here
    if (law_.articles.empty()) {
      out_.diagnostics.error(0, "no-articles", en() ? "no articles (Article N) found" : "no articles (第…条) found");
      return;
    }
    check_article_numbering();
    check_division_numbering();
  }

 private:
  bool en() const { return opt_.lang == "en"; }

  // <!-- STATUS: 已修改 --> before the first article: the collection's metadata about the text.
  // Markers without a key (<!-- INFO END -->) and comments among the articles carry nothing.
  void comment(std::u32string_view s) {
    if (!law_.articles.empty()) return;
    std::u32string_view body = s.substr(4);
    if (const std::size_t end = body.rfind(U"-->"); end != std::u32string_view::npos) body = body.substr(0, end);
    const std::size_t colon = body.find(U':');
    if (colon == std::u32string_view::npos) return;
    const std::u32string_view key = utf8::trim(body.substr(0, colon));
    const bool is_key = !key.empty() && key.size() <= 40 && std::all_of(key.begin(), key.end(), [](char32_t c) {
      return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9') || c == U'_' || c == U'-';
    });
    if (is_key) law_.source_metadata.emplace_back(utf8::encode(key), utf8::encode(utf8::trim(body.substr(colon + 1))));
  }

  bool starts_structure(std::u32string_view s, bool heading) const {
    if (en()) return match_division_en(s) || match_article_en(s);
    return match_division_zh(s, heading) || match_article_zh(s);
  }

  void structural_line(std::u32string_view s, bool heading) {
    if (const auto d = en() ? match_division_en(s) : match_division_zh(s, heading)) return division(*d);
    if (heading && !en()) {
      if (const auto g = match_group_heading_zh(s); g && !opens_appendix_zh(g->heading)) return division(*g);
    }
    if (const auto a = en() ? match_article_en(s) : match_article_zh(s)) return article(*a);
    if (!en() && looks_like_unreadable_article_zh(s))
      out_.diagnostics.warn(line_no_, "unreadable-article-number",
                            "'" + utf8::encode(s.substr(0, std::min(s.size(), s.find_first_of(U"条條") + 1))) + "' looks like an article heading but its number cannot be read");

    if (law_.articles.empty()) {
      if (heading_open_ && !heading) return continue_heading(s);
      if (!law_.divisions.empty())
        out_.diagnostics.warn(line_no_, "text-before-articles", "text under a heading before the first article; kept in the preamble");
      law_.preamble.push_back(utf8::encode(s));
      return;
    }
    if (!en() && !law_.articles.empty() && opens_appendix_zh(s)) {
      in_appendix_ = true;
      law_.appendix.push_back(utf8::encode(s));
      return;
    }
    if (!in_article_ && heading_open_ && !heading) return continue_heading(s);
    if (heading) {
      // A heading is never article text: report it rather than glue it to the last article.
      out_.diagnostics.warn(line_no_, "unknown-heading", "heading '" + utf8::encode(s) + "' is not a 编/章/节; left out of the article text");
      return;
    }
    text(s);
  }

  // 第二章 听取和审议人民政府、人民法院和 / 人民检察院的专项工作报告: a heading wrapped in the source.
  void continue_heading(std::u32string_view s) {
    Division& d = law_.divisions.back();
    const bool sentence = s.find(U'。') != std::u32string_view::npos || s.size() > 40;
    if (sentence || law_.divisions.size() - 1 != static_cast<std::size_t>(open_.back())) {
      if (law_.articles.empty()) {
        out_.diagnostics.warn(line_no_, "text-before-articles", "text under a heading before the first article; kept in the preamble");
        law_.preamble.push_back(utf8::encode(s));
        return;
      }
      return text(s);
    }
    d.heading += utf8::encode(s);
    out_.diagnostics.warn(line_no_, "wrapped-heading", "heading " + d.num + " continues on this line; joined");
  }

  void division(const DivisionHeading& h) {
    while (!open_.empty() && rank(law_.divisions[static_cast<std::size_t>(open_.back())].kind) >= rank(h.kind)) open_.pop_back();
    Division d;
    d.kind = h.kind;
    d.number = h.number;
    d.num = utf8::encode(h.num);
    d.heading = utf8::encode(h.heading);
    d.parent = open_.empty() ? -1 : open_.back();
    d.first_article = law_.articles.size();
    law_.divisions.push_back(std::move(d));
    open_.push_back(static_cast<int>(law_.divisions.size() - 1));
    lines_.push_back(line_no_);
    in_article_ = false;
    heading_open_ = true;
  }

  void article(const ArticleOpening& a) {
    if (a.space_before_tiao)
      out_.diagnostics.warn(line_no_, "space-in-article-number", "'" + utf8::encode(a.num) + "' has a space before 条; read as an article heading");
    Article art;
    art.number = a.number;
    art.insertion = a.insertion;
    art.num = utf8::encode(a.num);
    art.division = open_.empty() ? -1 : open_.back();
    art.source_line = line_no_;
    law_.articles.push_back(std::move(art));
    in_article_ = true;
    heading_open_ = false;
    if (!a.rest.empty()) text_or_split(a.rest, true);
  }

  // 第一条 …制定本规则。 第二条 …: several articles on one line in a real text. Split only where
  // the very next article number follows a sentence end, and say so.
  void text_or_split(std::u32string_view s, bool first_paragraph) {
    if (!en()) {
      const std::size_t at = inline_article_start_zh(s, law_.articles.back().number + 1);
      if (at != std::u32string_view::npos) {
        out_.diagnostics.warn(line_no_, "articles-on-one-line", "another article starts inside this line; split there");
        const std::u32string_view head = utf8::trim(s.substr(0, at));
        if (first_paragraph) new_paragraph(head);
        else text(head);
        return structural_line(s.substr(at), false);
      }
    }
    if (first_paragraph) new_paragraph(s);
    else text(s);
  }

  void text(std::u32string_view s) {
    if (!in_article_) {
      out_.diagnostics.warn(line_no_, "text-outside-article",
                            "text between a heading and the next article belongs to no article; kept as a paragraph of the previous one");
      in_article_ = true;  // one warning for the run of lines
    }
    if (!en() && inline_article_start_zh(s, law_.articles.back().number + 1) != std::u32string_view::npos)
      return text_or_split(s, false);
    Article& art = law_.articles.back();
    const auto item = en() ? match_item_en(s) : match_item_zh(s);
    if (!item) return new_paragraph(s);
    if (item->missing_bracket)
      out_.diagnostics.warn(line_no_, "missing-bracket", "item number '" + utf8::encode(item->num) + "' is missing its opening bracket");
    if (art.paragraphs.empty()) {
      out_.diagnostics.warn(line_no_, "item-without-paragraph", "an item opens the article; it gets an empty first paragraph");
      art.paragraphs.push_back(Paragraph{1, {}, {}});
    }
    join_item_continuation(art, *item);
    adopt_unnumbered_items(art, *item);
    Paragraph& para = art.paragraphs.back();
    Item it{item->number, utf8::encode(item->num), utf8::encode(item->rest), {}};
    // A secondary number (1. under （一）, or (a) under (1)) is a 目 of the last 项.
    if (item->secondary && !para.items.empty() && !last_items_secondary_) {
      Item& parent = para.items.back();
      expect_sequence(parent.children.empty() ? 0 : parent.children.back().number, it.number, "sub-item");
      parent.children.push_back(std::move(it));
      return;
    }
    if (para.items.empty()) last_items_secondary_ = item->secondary;
    expect_sequence(para.items.empty() ? 0 : para.items.back().number, it.number, "item");
    para.items.push_back(std::move(it));
  }

  // （一）… / 中国人民政治协商会议… / （二）…: when the item after a plain line continues the
  // previous paragraph's numbering, that plain line was the rest of the previous item.
  void join_item_continuation(Article& art, const ItemOpening& next) {
    if (art.paragraphs.size() < 2 || next.secondary) return;
    const std::size_t n = art.paragraphs.size();
    Paragraph& plain = art.paragraphs[n - 1];
    Paragraph& listed = art.paragraphs[n - 2];
    if (!plain.items.empty() || listed.items.empty() || listed.items.back().number + 1 != next.number) return;
    if (last_items_secondary_) return;
    Item& previous = listed.items.back();
    previous.text += "\n" + plain.text;
    out_.diagnostics.warn(line_no_, "item-continuation",
                          "the line before item " + utf8::encode(next.num) + " is read as the rest of item " + previous.num);
    art.paragraphs.pop_back();
  }

  // 应当采取下列措施： / 建立…； / 建立…； / （三）…: a source that leaves the first items without
  // their numbers. When item N arrives after exactly N-1 plain lines that follow a lead-in ending
  // in a colon, those lines are items 1…N-1, unnumbered as written (their num stays empty).
  void adopt_unnumbered_items(Article& art, const ItemOpening& next) {
    if (next.secondary || next.number < 2) return;
    const std::size_t k = static_cast<std::size_t>(next.number - 1);
    if (art.paragraphs.size() < k + 1) return;
    const std::size_t lead = art.paragraphs.size() - k - 1;
    const Paragraph& lead_in = art.paragraphs[lead];
    if (!lead_in.items.empty() || !ends_with_colon(lead_in.text)) return;
    for (std::size_t i = lead + 1; i < art.paragraphs.size(); ++i)
      if (!art.paragraphs[i].items.empty() || ends_with_colon(art.paragraphs[i].text)) return;
    Paragraph& target = art.paragraphs[lead];
    for (std::size_t i = lead + 1; i < art.paragraphs.size(); ++i)
      target.items.push_back(Item{static_cast<int>(i - lead), {}, std::move(art.paragraphs[i].text), {}});
    art.paragraphs.resize(lead + 1);
    out_.diagnostics.warn(line_no_, "unnumbered-items",
                          k == 1 ? std::string("the line before item ") + utf8::encode(next.num) + " has no number; read as item 1"
                                 : "the " + std::to_string(k) + " lines before item " + utf8::encode(next.num) + " have no numbers; read as items 1–" +
                                       std::to_string(k));
  }

  static bool ends_with_colon(const std::string& text) {
    const std::u32string s = utf8::decode(text);
    const std::u32string_view t = utf8::trim(std::u32string_view(s));
    return !t.empty() && (t.back() == U'：' || t.back() == U':');
  }

  void new_paragraph(std::u32string_view s) {
    Article& art = law_.articles.back();
    art.paragraphs.push_back(Paragraph{static_cast<int>(art.paragraphs.size()) + 1, utf8::encode(s), {}});
    last_items_secondary_ = false;
  }

  void expect_sequence(int previous, int number, const char* what) {
    if (number != previous + 1)
      out_.diagnostics.warn(line_no_, "item-numbering", std::string(what) + " " + std::to_string(number) + " follows " +
                                                             (previous ? std::to_string(previous) : std::string("nothing")));
  }

  // Articles must run 1, 2, 3 … with 之一, 之二 insertions directly after their base article.
  void check_article_numbering() {
    const Article* prev = nullptr;
    for (const Article& a : law_.articles) {
      const int exp_number = prev ? prev->number + 1 : 1;
      const bool next = a.insertion == 0 && a.number == exp_number;
      const bool inserted = prev && a.insertion == prev->insertion + 1 && a.number == prev->number;
      if (!next && !inserted) {
        const bool repeat = prev && a.number == prev->number && a.insertion <= prev->insertion;
        const char* code = !prev ? "article-start" : repeat ? "article-repeat" : "article-gap";
        const std::string msg = !prev  ? "articles start at " + a.num + ", not at the first article"
                                : repeat ? "article number repeats: " + article_label(*prev, opt_.lang) + " is followed by " + a.num
                                         : "article numbers jump: " + article_label(*prev, opt_.lang) + " is followed by " + a.num;
        if (opt_.strict_numbering) out_.diagnostics.error(a.source_line, code, msg);
        else out_.diagnostics.warn(a.source_line, code, msg);
      }
      prev = &a;
    }
  }

  // Sections restart in each chapter; chapters run on through the whole law, or restart
  // in each 编 (both occur), so either continuation is accepted.
  void check_division_numbering() {
    for (std::size_t i = 0; i < law_.divisions.size(); ++i) {
      const Division& d = law_.divisions[i];
      int sibling = 0, anywhere = 0;
      for (std::size_t j = i; j-- > 0;) {
        const Division& o = law_.divisions[j];
        if (o.kind != d.kind) continue;
        if (anywhere == 0) anywhere = o.number;
        if (o.parent == d.parent) {
          sibling = o.number;
          break;
        }
      }
      const bool ok = d.number == sibling + 1 || (d.kind == DivisionKind::Chapter && d.number == anywhere + 1);
      if (!ok) out_.diagnostics.warn(lines_[i], "division-numbering", d.num + " follows " + (sibling ? std::to_string(sibling) : "nothing"));
    }
  }

  const ParseOptions& opt_;
  ParseResult& out_;
  LawText& law_;
  int line_no_ = 0;
  bool title_seen_ = false;
  bool in_article_ = false;
  bool last_items_secondary_ = false;  // the current paragraph's 项 are numbered 1. / (1)
  bool heading_open_ = false;          // a division heading with no article after it yet
  bool in_appendix_ = false;
  std::vector<int> open_;   // open divisions, outermost first
  std::vector<int> lines_;  // source line of each division
};

}  // namespace

ParseResult parse_statute(std::string_view text, const ParseOptions& options) {
  ParseResult out;
  Parser parser(options, out);
  // Lines end in LF, CRLF or a lone CR (old Mac files): a CR never reaches the text.
  int number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find_first_of("\r\n");
    parser.line(++number, text.substr(0, end));
    if (end == std::string_view::npos) break;
    const bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
    text.remove_prefix(end + (crlf ? 2 : 1));
  }
  parser.finish();
  if (number == 0) out.diagnostics.error(0, "empty", "the file is empty");
  return out;
}

}  // namespace lawref
