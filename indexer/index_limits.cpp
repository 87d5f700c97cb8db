#include "index_limits.h"

#include <vector>

#include "analyzer.h"

namespace lawref {
namespace {

std::size_t item_bytes(const Item& item) {
  std::size_t n = item.num.size() + item.text.size();
  for (const Item& c : item.children) n += item_bytes(c);  // two levels at most (akn_xml.h)
  return n;
}

std::size_t article_bytes(const Article& a) {
  std::size_t n = a.num.size();
  for (const Paragraph& p : a.paragraphs) {
    n += p.text.size();
    for (const Item& it : p.items) n += item_bytes(it);
  }
  return n;
}

std::size_t header_bytes(const LawText& law) {
  std::size_t n = law.title.size();
  for (const std::string& s : law.preamble) n += s.size();
  for (const std::string& s : law.appendix) n += s.size();
  for (const Division& d : law.divisions) n += d.num.size() + d.heading.size();
  return n;
}

// The first indexed term of `text` longer than the limit.
std::optional<std::string> overlong_term(const std::string& text, std::vector<std::string>& scratch) {
  scratch.clear();
  analysis::analyze(text, {}, scratch);
  for (const std::string& t : scratch)
    if (t.size() > kMaxTermBytes) return t;
  return std::nullopt;
}

std::optional<std::string> overlong_term(const Item& item, std::vector<std::string>& scratch) {
  if (auto t = overlong_term(item.text, scratch)) return t;
  for (const Item& c : item.children)
    if (auto t = overlong_term(c, scratch)) return t;
  return std::nullopt;
}

std::optional<std::string> overlong_term(const Article& a, std::vector<std::string>& scratch) {
  for (const Paragraph& p : a.paragraphs) {
    if (auto t = overlong_term(p.text, scratch)) return t;
    for (const Item& it : p.items)
      if (auto t = overlong_term(it, scratch)) return t;
  }
  return std::nullopt;
}

// Digits copied with a comma before each group of three (string::insert here trips a false
// -Wrestrict in g++ 12's release builds).
std::string with_commas(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string LimitExceeded::message() const {
  switch (kind) {
    case LimitKind::Article:
      return where + " has " + with_commas(bytes) + " bytes of text; the index holds at most " + with_commas(kMaxArticleBytes) + " per article";
    case LimitKind::Header:
      return "the title, history lines, headings and appendix have " + with_commas(bytes) + " bytes; the index holds at most " +
             with_commas(kMaxHeaderBytes);
    case LimitKind::Term:
      return where + " has a word of " + with_commas(bytes) + " bytes (" + sample + "…); the index holds words of at most " +
             std::to_string(kMaxTermBytes) + " bytes";
  }
  return {};
}

std::optional<LimitExceeded> exceeds_index_limits(const LawText& law, bool terms) {
  if (const std::size_t n = header_bytes(law); n > kMaxHeaderBytes) return LimitExceeded{LimitKind::Header, "", n, ""};
  for (const Article& a : law.articles)
    if (const std::size_t n = article_bytes(a); n > kMaxArticleBytes) return LimitExceeded{LimitKind::Article, a.num, n, ""};
  if (!terms) return std::nullopt;
  std::vector<std::string> scratch;
  for (const Article& a : law.articles)
    if (auto t = overlong_term(a, scratch)) return LimitExceeded{LimitKind::Term, a.num, t->size(), t->substr(0, 20)};
  return std::nullopt;
}

}  // namespace lawref
