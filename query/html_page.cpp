#include "html_page.h"

#include "provision_format.h"
#include "utf8.h"

namespace lawref::html {
namespace {

// One stylesheet for every page. Colours keep at least 7:1 contrast for text (WCAG AAA) and
// 4.5:1 inside the marked insertions and deletions; the change marks do not rely on colour
// alone (struck through, underlined). CJK fonts first, so Chinese never falls back to a
// Latin font's fallback; line-break: strict keeps 。，、 off the start of a line.
constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 80rem; padding: 1.5rem 2rem 3rem; background: #fff; color: #1a1a1a;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 16px; line-height: 1.75; }
:lang(zh) { line-break: strict; word-break: normal; overflow-wrap: anywhere; }
:lang(en) { line-height: 1.6; overflow-wrap: break-word; hyphens: auto; }
h1 { font-size: 1.65rem; line-height: 1.35; margin: 0 0 .25rem; }
h1 .en { display: block; font-size: 1.05rem; font-weight: normal; color: #3d3d3d; }
h2 { font-size: 1.3rem; line-height: 1.4; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 2px solid #9fb3c8; }
h3 { font-size: 1.12rem; margin: 1.6rem 0 .6rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
a { color: #0a4a94; text-underline-offset: 2px; }
a:visited { color: #5a2a82; }
p { margin: .35rem 0; }
.meta { color: #404040; font-size: .92rem; margin: .2rem 0; }
.meta code, code { font-family: "DejaVu Sans Mono", monospace; font-size: .88em; color: #2b2b2b; }
.note { background: #fdf6e3; border-left: 4px solid #9a6b00; padding: .5rem .9rem; margin: .8rem 0; color: #2b2200; }
.en-label { color: #5c3d00; font-size: .85rem; font-weight: bold; }
.muted { color: #555; }
nav.toc { background: #f4f6f9; border: 1px solid #d3dae3; padding: .6rem 1rem; margin: 1rem 0; }
nav.toc ul { margin: .2rem 0; padding-left: 1.2rem; }
nav.toc li { margin: .1rem 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .6rem 0 1.2rem; }
th, td { border: 1px solid #c3ccd6; padding: .45rem .6rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #e8edf3; color: #1a1a1a; font-weight: bold; }
tbody tr:nth-child(even) td { background: #fafbfc; }
.num { font-weight: bold; white-space: nowrap; }
.para-num { color: #555; font-size: .8rem; margin-right: .3rem; }
.item { padding-left: 2em; }
.subitem { padding-left: 4em; }
.badge { display: inline-block; font-size: .78rem; line-height: 1.5; padding: 0 .45rem; margin: 0 .15rem; border-radius: .6rem;
  background: #e6eaef; color: #1f2933; white-space: nowrap; vertical-align: .1em; font-weight: normal; }
.badge.same { background: #e6eaef; color: #333; }
.badge.changed { background: #fff0c2; color: #4d3800; }
.badge.new, .badge.addition { background: #d6f2dc; color: #0d4a1f; }
.badge.dropped { background: #ffe0e0; color: #7a0d0d; }
.badge.moved, .badge.split, .badge.merged { background: #e5dcf7; color: #3b1f72; }
.badge.citation { background: #d9e8fb; color: #0b3a75; }
tbody tr.addition-row td { background: #f0faf2; }
del { background: #ffe1e1; color: #7a0d0d; text-decoration: line-through; text-decoration-thickness: 1px; }
ins { background: #d4f4dc; color: #0c4a1c; text-decoration: underline; text-decoration-thickness: 1px; }
.unresolved { border-bottom: 1px dashed #7a5a00; }
figure.graph { margin: 1rem 0; overflow-x: auto; border: 1px solid #d3dae3; padding: .5rem; }
figure.graph figcaption { font-size: .88rem; color: #404040; margin-bottom: .3rem; }
figure.graph svg { display: block; max-width: none; height: auto; }
footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid #c3ccd6; color: #404040; font-size: .85rem; }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.6; }
  a, a:visited { color: inherit; text-decoration: none; }
  nav.toc { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) td { background: none; }
  figure.graph { overflow: visible; }
  figure.graph svg { max-width: 100%; }
}
)css";

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // HTML (and XML) forbid C0 controls other than tab, newline and carriage return.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string escape_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    out += escape(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    out += "<br/>";
    start = nl + 1;
  }
  return out;
}

std::string anchor(const ProvisionPath& path, std::string_view prefix) { return std::string(prefix) + akn_eid(path); }

std::string english_label(const LawText& en) { return "English — " + translation_label(en); }

std::string page(std::string_view title, std::string_view body, std::string_view extra_css) {
  std::string out;
  out.reserve(body.size() + kStyle.size() + 1024);
  out += "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\"/>\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  out += "<meta name=\"generator\" content=\"lawref\"/>\n";
  out += "<title>" + escape(title) + "</title>\n<style>";
  out += kStyle;
  out += extra_css;
  out += "</style>\n</head>\n<body>\n";
  out += body;
  out += "<footer>Made with lawref. The Chinese text is authoritative; English texts are translations, labelled with who made "
         "them (lawref's own is an unofficial translation).</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace lawref::html
