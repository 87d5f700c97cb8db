#include "citation_parser.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "citation_grammar.h"
#include "numerals.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref {
namespace {

using u32 = std::u32string;
using u32v = std::u32string_view;

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
// The Chinese grammar's limits hold for English citations too (citation_grammar.h).
bool readable(long long number) { return number > 0 && number <= citation::kMaxNumber; }

CitationParse fail(std::string message) {
  CitationParse r;
  r.error = std::move(message);
  return r;
}

// "年份" forms around a name: 2014年反间谍法, 2014年版反间谍法, 2014版反间谍法, 反间谍法2014年(版),
// 反间谍法(2014年), 反间谍法(2014年修订), CEL (2014).
int take_year(u32& name) {
  auto digits4 = [&](std::size_t at) {
    if (at + 4 > name.size()) return 0;
    if (at > 0 && is_digit(name[at - 1])) return 0;
    if (at + 4 < name.size() && is_digit(name[at + 4])) return 0;
    int y = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
      if (!is_digit(name[k])) return 0;
      y = y * 10 + static_cast<int>(name[k] - U'0');
    }
    return y >= 1949 && y <= 2100 ? y : 0;
  };
  // 年 and 版 after the digits: how many of them follow position `at`.
  auto marks = [&](std::size_t at) {
    std::size_t n = 0;
    if (at + n < name.size() && name[at + n] == U'年') ++n;
    if (at + n < name.size() && name[at + n] == U'版') ++n;
    return n;
  };
  if (const int y = digits4(0)) {
    const std::size_t end = 4 + marks(4);
    if (end > 4 && name.size() > end) {
      name.erase(0, end);
      return y;
    }
  }
  const std::size_t open = name.rfind(U'(');
  if (open != u32::npos && name.back() == U')') {
    if (const int y = digits4(open + 1)) {
      name.erase(open);
      return y;
    }
  }
  // A year after a Chinese name, with or without 年 / 版: 反间谍法2014, 反间谍法 2014年版 (not the
  // digits of an id such as cel-2023).
  while (!name.empty() && utf8::is_space(name.back())) name.pop_back();
  for (std::size_t tail = 0; tail <= 2 && tail + 4 < name.size(); ++tail) {
    const std::size_t at = name.size() - 4 - tail;
    if (marks(at + 4) != tail) continue;
    std::size_t before = at;
    while (before > 0 && utf8::is_space(name[before - 1])) --before;
    if (before == 0 || name[before - 1] < 0x3400 || name[before - 1] > 0x9FFF) continue;
    if (const int y = digits4(at)) {
      name.erase(before);
      return y;
    }
  }
  return 0;
}

std::string clean_name(u32v name) {
  name = utf8::trim(name);
  while (!name.empty() && (name.front() == U'《' || name.front() == U'<')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == U'的' || name.back() == U'》' || name.back() == U'>' || name.back() == U',' ||
                           utf8::is_space(name.back())))
    name.remove_suffix(1);
  return utf8::encode(utf8::trim(name));
}

std::string show(u32v s) { return utf8::encode(s.substr(0, 40)); }

// ---- Chinese: <name>第N条[之N][第N款][第(N)项][第N目][的规定] (citation_grammar.h) ----

// The first designation of an article, its number readable or not (第零条 is refused later,
// with a reason): where the law's name ends.
std::optional<std::size_t> find_article_zh(u32v s) {
  for (std::size_t pos = s.find(U'第'); pos != u32v::npos; pos = s.find(U'第', pos + 1)) {
    const citation::Designation d = citation::read_designation(s, pos);
    const bool readable = d.refusal == citation::Refusal::None || d.refusal == citation::Refusal::BadNumber;
    if (readable && d.unit == citation::Unit::Article) return pos;
  }
  return std::nullopt;
}

// Why the designations after the article stopped, when that is an error.
std::optional<std::string> chain_error(u32v s, const citation::Chain& chain) {
  using citation::Refusal;
  const citation::Designation& next = chain.next;
  const u32v rest = s.substr(chain.end);
  switch (next.refusal) {
    case Refusal::NoNumeral: return std::nullopt;  // no designation: the tail follows
    case Refusal::UnclosedBracket: return "unclosed bracket in '" + show(rest) + "'";
    case Refusal::BadNumber: return "cannot read '" + show(rest) + "'";
    case Refusal::NoUnit:
      if (next.unit_at >= s.size()) return "cannot read '" + show(rest) + "'";
      return "unexpected '" + show(rest) + "' after the article";
    case Refusal::None: break;  // a unit not below the one before
  }
  if (next.unit == citation::Unit::Article) return "unexpected '" + show(rest) + "' after the article";
  return "'" + show(s.substr(chain.end, next.end - chain.end)) + "' is out of order (款, then 项, then 目)";
}

CitationParse parse_zh(u32v s, std::size_t at) {
  CitationParse r;
  u32 name(s.substr(0, at));
  r.citation.year = take_year(name);
  r.citation.law = clean_name(name);

  const citation::Chain chain = citation::read_chain(s, at);
  if (chain.designations == 0) return fail("cannot read the article number '" + show(s.substr(at + 1, chain.next.unit_at - at - 1)) + "'");
  if (chain.unreadable_insertion) return fail("cannot read the insertion number after 之");
  if (!chain.more.empty()) {  // 第十四、十五条, 第三、四款: a citation names one provision
    const u32v several = s.substr(chain.last_at, chain.end - chain.last_at);
    if (chain.last == citation::Unit::Article) return fail("'" + show(several) + "' names several articles; cite one");
    return fail("unexpected '" + show(s.substr(chain.last_at)) + "' after the article");
  }
  if (const auto error = chain_error(s, chain)) return fail(*error);
  r.citation.path = chain.path;
  if (r.citation.path.subitem && !r.citation.path.item) return fail("a 目 needs its 项");
  u32v rest = utf8::trim(s.substr(chain.end));
  for (u32v tail : {U"之规定", U"的规定", U"规定", U"。"})
    if (rest.size() >= tail.size() && rest.substr(0, tail.size()) == tail) rest.remove_prefix(tail.size());
  rest = utf8::trim(rest);
  if (!rest.empty() && rest != U"。") return fail("unexpected '" + show(rest) + "' after the provision");
  r.ok = true;
  return r;
}

// ---- English and mixed: tokens ----

struct Token {
  u32 text;
  bool number = false;
  long long value = 0;
};

bool is_ascii_alnum(char32_t c) { return (c >= U'a' && c <= U'z') || is_digit(c); }

std::vector<Token> tokenize(u32v s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = s[i];
    if (utf8::is_space(c) || c == U',' || c == U';' || c == U':') {
      ++i;
      continue;
    }
    if (c == U'(' || c == U')' || c == U'.' || c == U'§') {
      out.push_back({u32(1, c)});
      ++i;
      continue;
    }
    std::size_t j = i;
    if (is_digit(c)) {
      while (j < s.size() && is_digit(s[j])) ++j;
      Token t{u32(s.substr(i, j - i)), true, 0};
      const auto v = parse_number(t.text);
      t.value = v ? *v : citation::kMaxNumber + 1;
      out.push_back(std::move(t));
      i = j;
      continue;
    }
    // A word: ASCII letters/digits/hyphens, or a run of anything else (a Chinese name).
    const bool ascii = is_ascii_alnum(c);
    while (j < s.size()) {
      const char32_t d = s[j];
      if (utf8::is_space(d) || d == U'(' || d == U')' || d == U',' || d == U';' || d == U':') break;
      if (d == U'.' && ascii) break;
      if (ascii != (is_ascii_alnum(d) || d == U'-' || d == U'\'')) break;
      ++j;
    }
    if (j == i) ++j;
    out.push_back({u32(s.substr(i, j - i))});
    i = j;
  }
  return out;
}

bool is_word(const Token& t, std::initializer_list<u32v> words) {
  for (u32v w : words)
    if (t.text == w) return true;
  return false;
}

CitationParse parse_en(u32v s) {
  const std::vector<Token> tokens = tokenize(s);
  CitationParse r;
  std::vector<bool> used(tokens.size(), false);

  // The article: after "article"/"art"/"art."/"§", else the last number that is not a year.
  std::size_t art = tokens.size();
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
    if (!is_word(tokens[k], {U"article", U"art", U"arts", U"articles", U"§"})) continue;
    std::size_t m = k + 1;
    if (tokens[m].text == U".") ++m;
    if (m < tokens.size() && tokens[m].number) {
      for (std::size_t u = k; u <= m; ++u) used[u] = true;
      art = m;
      break;
    }
  }
  auto year_like = [&](std::size_t k) {
    const bool bracketed = k > 0 && k + 1 < tokens.size() && tokens[k - 1].text == U"(" && tokens[k + 1].text == U")";
    return tokens[k].number && tokens[k].text.size() == 4 && tokens[k].value >= 1949 && tokens[k].value <= 2100 &&
           (bracketed || k + 1 < tokens.size());
  };
  if (art == tokens.size()) {
    for (std::size_t k = tokens.size(); k-- > 0;) {
      if (!tokens[k].number || (k > 0 && tokens[k - 1].text == U"(")) continue;
      if (year_like(k)) continue;
      art = k;
      used[k] = true;
      break;
    }
  }

  if (art < tokens.size()) {
    if (!readable(tokens[art].value)) return fail("cannot read the article number '" + utf8::encode(tokens[art].text) + "'");
    r.citation.path.article = static_cast<int>(tokens[art].value);
    std::size_t k = art + 1;
    // 20-1 is not tokenised as a number pair; "art. 20" followed by "-1" would be a word.
    if (k < tokens.size() && tokens[k].text.size() > 1 && tokens[k].text[0] == U'-') {
      const auto ins = parse_number(u32v(tokens[k].text).substr(1));
      if (!ins || *ins <= 0) return fail("cannot read '" + utf8::encode(tokens[k].text) + "'");
      r.citation.path.insertion = static_cast<int>(*ins);
      used[k++] = true;
    }
    int* levels[] = {&r.citation.path.paragraph, &r.citation.path.item, &r.citation.path.subitem};
    int level = 0;
    while (k < tokens.size()) {
      // (2)(3) after the number
      if (tokens[k].text == U"(" && k + 2 < tokens.size() && tokens[k + 1].number && tokens[k + 2].text == U")" &&
          !(level == 0 && year_like(k + 1) && art != k - 1)) {
        if (level >= 3) return fail("too many sub-divisions in the citation");
        if (!readable(tokens[k + 1].value)) return fail("cannot read '(" + utf8::encode(tokens[k + 1].text) + ")'");
        if (level == 0) r.citation.bracketed = true;
        *levels[level++] = static_cast<int>(tokens[k + 1].value);
        used[k] = used[k + 1] = used[k + 2] = true;
        k += 3;
        continue;
      }
      // paragraph 2, para. 2, item 3
      const int named = is_word(tokens[k], {U"paragraph", U"para", U"par", U"clause"})   ? 1
                        : is_word(tokens[k], {U"item", U"point", U"subparagraph"})         ? 2
                        : is_word(tokens[k], {U"subitem", U"sub-item"})                    ? 3
                                                                                            : 0;
      if (named) {
        std::size_t m = k + 1;
        if (m < tokens.size() && tokens[m].text == U".") ++m;
        if (m >= tokens.size() || !tokens[m].number) return fail("'" + utf8::encode(tokens[k].text) + "' needs a number");
        if (named <= level) return fail("'" + utf8::encode(tokens[k].text) + "' is out of order (paragraph, then item, then sub-item)");
        if (!readable(tokens[m].value)) return fail("cannot read '" + utf8::encode(tokens[k].text + U" " + tokens[m].text) + "'");
        *levels[named - 1] = static_cast<int>(tokens[m].value);
        level = named;
        for (std::size_t u = k; u <= m; ++u) used[u] = true;
        k = m + 1;
        continue;
      }
      break;
    }
  }

  // What is left names the law, with perhaps a year.
  u32 name;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (used[k]) continue;
    const Token& t = tokens[k];
    if (year_like(k) && r.citation.year == 0) {
      r.citation.year = static_cast<int>(t.value);
      if (k > 0 && tokens[k - 1].text == U"(" && k + 1 < tokens.size() && tokens[k + 1].text == U")") used[k - 1] = used[k + 1] = true;
      used[k] = true;
      // drop the bracket we may already have appended
      if (!name.empty() && name.back() == U'(') name.pop_back();
      continue;
    }
    if (t.text == U")" && k > 0 && used[k]) continue;
    if (is_word(t, {U"of", U"the", U"in", U"under", U"."})) continue;
    if (t.number) return fail("unexpected number '" + utf8::encode(t.text) + "' in the citation");
    if (!name.empty() && name.back() != U'(') name.push_back(U' ');
    name += t.text;
  }
  u32 trimmed(utf8::trim(name));
  while (!trimmed.empty() && (trimmed.back() == U'(' || trimmed.back() == U')' || utf8::is_space(trimmed.back()))) trimmed.pop_back();
  r.citation.law = clean_name(trimmed);
  if (r.citation.path.subitem && !r.citation.path.item) return fail("a sub-item needs its item");
  r.ok = true;
  return r;
}

// 反 间谍法 第 十四 条: spaces next to Chinese characters are noise in a citation.
u32 without_cjk_spaces(const u32& s) {
  auto cjk = [](char32_t c) { return c >= 0x2E80 && !utf8::is_space(c); };
  u32 out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!utf8::is_space(s[i])) {
      out.push_back(s[i]);
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && utf8::is_space(s[j])) ++j;
    const bool before = !out.empty() && cjk(out.back());
    const bool after = j < s.size() && cjk(s[j]);
    if (!before && !after) out.push_back(U' ');
    i = j - 1;
  }
  return out;
}

bool ascii_id_like(u32v s) {
  if (s.empty() || s.find(U'/') == u32v::npos) return false;
  for (char32_t c : s)
    if (c > 0x7F || utf8::is_space(c)) return false;
  return true;
}

}  // namespace

std::string quote_input(std::string_view input, std::size_t max_chars) {
  // Characters are counted by their first bytes, without decoding (or copying) a huge input.
  std::size_t chars = 0, cut = input.size();
  for (std::size_t i = 0; i < input.size(); ++i)
    if ((static_cast<unsigned char>(input[i]) & 0xC0) != 0x80 && chars++ == max_chars) cut = i;
  std::string out;
  for (char32_t c : utf8::decode(input.substr(0, cut))) {
    const bool control = (c < 0x20 && c != U'\t') || c == 0x7F || (c >= 0x80 && c < 0xA0);
    utf8::append(out, control ? U'\uFFFD' : c);
  }
  if (chars > max_chars) out += "… (" + std::to_string(chars) + " characters)";
  return out;
}

CitationParse parse_citation(std::string_view input) {
  if (!utf8::is_valid(input)) return fail("the citation is not valid UTF-8");
  // Counted before decoding: a 100 MB line must not become 400 MB of code points first.
  const auto chars = static_cast<std::size_t>(
      std::count_if(input.begin(), input.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  if (chars > kMaxCitationLength)
    return fail("citation too long (" + std::to_string(chars) + " characters; at most " + std::to_string(kMaxCitationLength) + ")");
  const u32 raw = utf8::decode(input);
  for (char32_t c : raw)
    if ((c < 0x20 && c != U'\t') || c == 0x7F || (c >= 0x80 && c < 0xA0)) return fail("control character in the citation");

  const u32 folded = without_cjk_spaces(utf8::decode(text::fold(input)));
  const u32v s = utf8::trim(u32v(folded));
  if (s.empty()) return fail("empty citation");

  if (ascii_id_like(s)) {
    const auto id = ProvisionId::parse(utf8::encode(s));
    if (!id) return fail("malformed provision id '" + utf8::encode(s) + "' (expected e.g. cel-2023/art4/para1/item3)");
    CitationParse r;
    r.ok = true;
    r.citation.law = id->law;
    r.citation.path = id->path;
    r.citation.exact_id = true;
    return r;
  }
  CitationParse r;
  const bool latin = std::any_of(s.begin(), s.end(), [](char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); });
  const bool cjk = std::any_of(s.begin(), s.end(), [](char32_t c) { return c >= 0x3400 && c <= 0x9FFF; });
  if (const auto at = find_article_zh(s)) {
    r = parse_zh(s, *at);
  } else if (cjk && !latin) {
    // A Chinese name alone, the whole law: 国家安全法, 2014年反间谍法, 反间谍法(2014年).
    u32 name(s);
    r.citation.year = take_year(name);
    r.citation.law = clean_name(name);
    r.ok = true;  // a name cleaned away to nothing (的, 《》) is refused below, with a reason
  } else {
    r = parse_en(s);
  }
  if (r.ok && r.citation.law.empty())
    return fail(r.citation.path.article ? "which law? the citation names no law (e.g. 反间谍法第十四条)" : "no law or provision in the citation");
  return r;
}

}  // namespace lawref
