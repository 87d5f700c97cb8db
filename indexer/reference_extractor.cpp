#include "reference_extractor.h"

#include <algorithm>
#include <map>
#include <optional>

#include "analyzer.h"
#include "law_names.h"
#include "numerals.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::links {
namespace {

using u32 = std::u32string;
using u32v = std::u32string_view;

constexpr int kMaxRange = 200;        // 第一条至第二百条 is the longest range a statute could mean
constexpr std::size_t kMaxName = 80;  // characters between 《 and 》

bool starts_with(u32v s, std::size_t at, u32v word) { return at <= s.size() && s.substr(at, word.size()) == word; }

bool is_numeral(char32_t c) { return (c >= U'0' && c <= U'9') || is_chinese_numeral_char(c); }

// One 第N<unit>: 第二十一条, 第(三)项, 第二十条之一.
struct Step {
  char32_t unit = 0;  // 条 款 项 目
  int value = 0, insertion = 0;
  std::size_t end = 0;
  std::vector<int> more;  // further values of an enumeration sharing the unit (第三、四款)
};

int level_of(char32_t unit) { return unit == U'条' ? 0 : unit == U'款' ? 1 : unit == U'项' ? 2 : unit == U'目' ? 3 : -1; }

// One numeral, perhaps bracketed: 三, (三), 3. Returns its value and where it ends.
std::optional<std::pair<int, std::size_t>> read_numeral(u32v s, std::size_t j) {
  const bool bracket = j < s.size() && s[j] == U'(';
  if (bracket) ++j;
  std::size_t n = 0;
  while (j + n < s.size() && is_numeral(s[j + n]) && n < 12) ++n;
  if (n == 0) return std::nullopt;
  const auto v = parse_number(s.substr(j, n));
  j += n;
  if (bracket) {
    if (j >= s.size() || s[j] != U')') return std::nullopt;
    ++j;
  }
  if (!v || *v <= 0 || *v > 100000) return std::nullopt;
  return std::make_pair(static_cast<int>(*v), j);
}

std::optional<Step> read_step(u32v s, std::size_t i) {
  if (i >= s.size() || s[i] != U'第') return std::nullopt;
  const auto first = read_numeral(s, i + 1);
  if (!first) return std::nullopt;
  std::size_t j = first->second;
  // 第（一）、（二）、（四）项, 第三、四款, 第（一）至（三）项: numerals sharing one unit.
  std::vector<int> values = {first->first};
  while (j < s.size() && (s[j] == U'、' || s[j] == U'至')) {
    const auto next = read_numeral(s, j + 1);
    if (!next) break;
    if (s[j] == U'至' && next->first > values.back() && next->first - values.back() <= kMaxRange) {
      for (int v = values.back() + 1; v <= next->first; ++v) values.push_back(v);
    } else if (s[j] == U'、') {
      values.push_back(next->first);
    } else {
      break;
    }
    j = next->second;
  }
  if (j >= s.size() || level_of(s[j]) < 0) return std::nullopt;
  Step st{s[j], values.front(), 0, j + 1, {values.begin() + 1, values.end()}};
  if (st.unit == U'条' && st.end < s.size() && s[st.end] == U'之') {
    std::size_t m = 0;
    while (st.end + 1 + m < s.size() && is_numeral(s[st.end + 1 + m]) && m < 6) ++m;
    if (const auto ins = m ? parse_number(s.substr(st.end + 1, m)) : std::nullopt; ins && *ins > 0 && *ins < 100) {
      st.insertion = static_cast<int>(*ins);
      st.end += 1 + m;
    }
  }
  return st;
}

// A chain 第N条第N款第N项: the levels it gives, in order, from the first one written.
struct Chain {
  int first_level = -1;
  int parts[4] = {0, 0, 0, 0};  // article, paragraph, item, sub-item
  int insertion = 0;
  std::size_t end = 0;
  int last_level = -1;
  std::vector<int> more;  // the last level's further values: 第二十四条第（一）、（二）项
};

std::optional<Chain> read_chain(u32v s, std::size_t i, int min_level = 0) {
  Chain c;
  int last = min_level - 1;
  std::size_t at = i;
  while (const auto st = read_step(s, at)) {
    const int level = level_of(st->unit);
    if (level <= last) break;
    if (c.first_level < 0) c.first_level = level;
    c.parts[level] = st->value;
    if (level == 0) c.insertion = st->insertion;
    last = level;
    at = st->end;
    c.last_level = level;
    c.more = st->more;
    if (!st->more.empty()) break;  // 第三、四款第一项 is not a thing statutes write
  }
  if (c.first_level < 0) return std::nullopt;
  c.end = at;
  return c;
}

// Where the phrase stands, and what a relative 第N款 / 第N项 in a list attaches to.
struct Scope {
  ProvisionPath here;  // the citing provision
  ProvisionPath last;  // the last provision the current list named (starts as `here`)
  // A bare 第四项 the citing provision does not have belongs to what the text cited before
  // (违反本条例第三十条规定……有第四项行为的): `fallback`, when `law` has that there.
  std::optional<ProvisionPath> fallback;
  const LawText* law = nullptr;  // the citing law
};

ProvisionPath complete_from(const Chain& c, const ProvisionPath& base) {
  ProvisionPath p;
  if (c.first_level >= 1) {
    p.article = base.article;
    p.insertion = base.insertion;
  } else {
    p.article = c.parts[0];
    p.insertion = c.insertion;
  }
  p.paragraph = c.first_level >= 2 ? base.paragraph : c.parts[1];
  p.item = c.first_level >= 3 ? base.item : c.parts[2];
  p.subitem = c.parts[3];
  return p;
}

ProvisionPath complete(const Chain& c, const Scope& scope) {
  ProvisionPath p = complete_from(c, scope.last);
  if (c.first_level < 1 || !scope.law || has_provision(*scope.law, p)) return p;
  if (scope.fallback) {
    const ProvisionPath q = complete_from(c, *scope.fallback);
    if (has_provision(*scope.law, q)) return q;
  }
  // 存在第三项情形的 in a paragraph without items: the 项 of an earlier 款 of the same article.
  if (c.first_level == 2 && p.paragraph > 1)
    for (ProvisionPath q = p; --q.paragraph >= 1;)
      if (has_provision(*scope.law, q)) return q;
  return p;
}

// 前款 前两款 前三款 前项 前两项 前条, optionally followed by 第(N)项: provisions before `here`.
struct Relative {
  std::vector<ProvisionPath> targets;
  std::size_t end = 0;
};

std::optional<Relative> read_relative(u32v s, std::size_t i, const ProvisionPath& here) {
  if (!starts_with(s, i, U"前")) return std::nullopt;
  std::size_t j = i + 1;
  int count = 1;
  if (j < s.size() && (s[j] == U'两' || s[j] == U'二' || s[j] == U'三' || s[j] == U'四')) {
    count = s[j] == U'三' ? 3 : s[j] == U'四' ? 4 : 2;
    ++j;
  }
  if (j >= s.size()) return std::nullopt;
  const char32_t unit = s[j];
  Relative r;
  r.end = j + 1;
  if (unit == U'款' && here.paragraph > 1) {
    for (int p = std::max(1, here.paragraph - count); p < here.paragraph; ++p) r.targets.push_back({here.article, here.insertion, p, 0, 0});
    if (count == 1) {  // 前款第(一)项, 前款第(一)、(三)项
      if (const auto c = read_chain(s, r.end, 2); c && c->first_level == 2) {
        r.targets.back().item = c->parts[2];
        r.targets.back().subitem = c->parts[3];
        r.end = c->end;
        if (c->last_level == 2)
          for (int v : c->more) r.targets.push_back({here.article, here.insertion, here.paragraph - 1, v, 0});
      }
    }
  } else if (unit == U'项' && here.item > 1) {
    for (int it = std::max(1, here.item - count); it < here.item; ++it) r.targets.push_back({here.article, here.insertion, here.paragraph, it, 0});
  } else if (unit == U'条' && count == 1 && here.article > 1 && here.insertion == 0) {
    r.targets.push_back({here.article - 1, 0, 0, 0, 0});
  } else {
    return std::nullopt;
  }
  return r;
}

// Separators inside a list: 第十一条、第十二条和第十三条.
std::size_t separator_length(u32v s, std::size_t i) {
  for (u32v sep : {u32v(U"以及"), u32v(U"或者"), u32v(U"、"), u32v(U"和"), u32v(U"及"), u32v(U"或"), u32v(U"与"), u32v(U",")})
    if (starts_with(s, i, sep)) return sep.size();
  return 0;
}

// What a designator (本法, 《X》, 刑法, or nothing) is followed by: a list of provisions.
struct ListResult {
  std::vector<ProvisionPath> targets;
  std::size_t end = 0;
};

ListResult read_list(u32v s, std::size_t i, Scope scope, bool allow_relative, int min_level = 0) {
  ListResult out;
  std::size_t at = i;
  while (true) {
    std::size_t next = at;
    bool got = false;
    if (const auto c = read_chain(s, at, min_level)) {
      ProvisionPath first = complete(*c, scope);
      next = c->end;
      // A range: 第三条至第五条, 第一款至第三款 (one link per provision).
      if (starts_with(s, next, U"至")) {
        // 第五项至第十七项, and 第十条第一款第五项至第十七项 (the range is at the second's level).
        if (const auto d = read_chain(s, next + 1, min_level); d && d->first_level >= c->first_level) {
          const int level = d->first_level;
          const int from = c->parts[level], to = d->parts[level];
          if (from > 0 && to > from && to - from <= kMaxRange && d->insertion == 0) {
            for (int v = from; v <= to; ++v) {
              ProvisionPath p = first;
              int* fields[] = {&p.article, &p.paragraph, &p.item, &p.subitem};
              *fields[level] = v;
              if (level == 0) p.insertion = v == from ? first.insertion : 0;
              out.targets.push_back(p);
            }
            scope.last = out.targets.back();
            next = d->end;
            got = true;
          }
        }
      }
      if (!got) {
        out.targets.push_back(first);
        for (int v : c->more) {  // 第（一）、（二）项
          ProvisionPath p = first;
          int* fields[] = {&p.article, &p.paragraph, &p.item, &p.subitem};
          *fields[c->last_level] = v;
          if (c->last_level == 0) p.insertion = 0;
          out.targets.push_back(p);
        }
        scope.last = out.targets.back();
        got = true;
      }
    } else if (allow_relative) {
      if (const auto r = read_relative(s, at, scope.here)) {
        out.targets.insert(out.targets.end(), r->targets.begin(), r->targets.end());
        if (!r->targets.empty()) scope.last = r->targets.back();
        next = r->end;
        got = true;
      }
    }
    if (!got) break;
    out.end = next;
    const std::size_t sep = separator_length(s, next);
    if (!sep) break;
    const std::size_t after = next + sep;
    if (!(starts_with(s, after, U"第") || (allow_relative && starts_with(s, after, U"前")))) break;
    at = after;
  }
  return out;
}

// 基本法, 根本法, 成本, 资本 …: a 本 at `i` that ends another word is no designator.
bool ends_word(u32v s, std::size_t i) {
  static const u32v words_ending_in_ben = U"基根成资版样副文日原范账标剧课脚底书蓝读稿";
  return i > 0 && words_ending_in_ben.find(s[i - 1]) != u32v::npos;
}

// 本法, 本条例, 本细则, 本办法 …: the citing law. The longest suffix wins (本条例 before 本条).
std::size_t self_designator(u32v s, std::size_t i) {
  if (!starts_with(s, i, U"本")) return 0;
  if (ends_word(s, i)) return 0;
  for (u32v suffix : {u32v(U"实施细则"), u32v(U"实施办法"), u32v(U"实施条例"), u32v(U"条例"), u32v(U"细则"), u32v(U"办法"),
                      u32v(U"规定"), u32v(U"规则"), u32v(U"决定"), u32v(U"解释"), u32v(U"准则"), u32v(U"章程"), u32v(U"意见"), u32v(U"法")})
    if (starts_with(s, i + 1, suffix)) return 1 + suffix.size();
  return 0;
}

struct NameSpan {
  std::size_t begin = 0, end = 0;
};

// Unbracketed law names, longest first, never inside 《》 and never after 本.
std::vector<NameSpan> unbracketed_names(u32v s, const KnownNames& names) {
  std::vector<NameSpan> spans;
  if (names.empty()) return spans;
  int depth = 0;
  for (std::size_t e = 0; e < s.size(); ++e) {
    const char32_t c = s[e];
    if (c == U'《') ++depth;
    if (c == U'》' && depth > 0) --depth;
    if (depth > 0 || !(c == U'法' || c == U'例' || c == U'则' || c == U'定' || c == U'典')) continue;
    const std::size_t len = names.longest_ending_at(s, e + 1);
    if (!len) continue;
    const std::size_t b = e + 1 - len;
    if (b > 0 && s[b - 1] == U'本') continue;
    if (starts_with(s, e + 1, U"修正案") || starts_with(s, e + 1, U"实施") || starts_with(s, e + 1, U"修改")) continue;
    // 保密法治, 保密法律法规: 法 starting another word.
    static const u32v law_words = U"治律制规定院官庭人学理务则";
    if (c == U'法' && e + 1 < s.size() && law_words.find(s[e + 1]) != u32v::npos) continue;
    while (!spans.empty() && spans.back().end > b) {
      if (spans.back().begin < b) break;  // overlaps a longer, earlier name: keep that one
      spans.pop_back();
    }
    if (!spans.empty() && spans.back().end > b) continue;
    spans.push_back({b, e + 1});
  }
  return spans;
}

class Scanner {
 public:
  Scanner(const LawText& law, const KnownNames& names, std::vector<Reference>& out) : law_(law), names_(names), out_(out) {}

  // `lead_in`: in an item, what the paragraph's own text last cited: 违反本条例第二十条规定的，
  // 按照下列规定处罚：（一）违反第一项规定的… means item 1 of article 20.
  void scan(const ProvisionPath& here, const std::string& text, int line, const ProvisionPath* lead_in = nullptr) {
    const u32 original = utf8::decode(text);
    u32 folded;
    std::vector<std::uint32_t> origin;
    text::fold_chars(original, folded, &origin);
    const u32v s = folded;
    const std::vector<NameSpan> spans = unbracketed_names(s, names_);
    std::size_t next_span = 0;
    std::optional<ProvisionPath> last_cited = lead_in ? std::optional<ProvisionPath>(*lead_in) : std::nullopt;
    std::string last_law;  // the last other law this text named

    auto emit = [&](std::size_t b, std::size_t e, bool self, const std::string& name, const std::vector<ProvisionPath>& targets) {
      Reference r;
      r.from = {law_.law_id, here};
      r.offset = origin[b];
      const std::size_t end = e < origin.size() ? origin[e] : original.size();
      r.evidence = utf8::encode(u32v(original).substr(origin[b], end - origin[b]));
      r.line = line;
      r.self = self;
      r.law_name = name;
      if (self) r.context_law = last_law;
      else last_law = name;
      if (targets.empty()) {
        out_.push_back(r);
        return;
      }
      for (const ProvisionPath& t : targets) {
        r.target = t;
        out_.push_back(r);
      }
      if (self && targets.back().article) last_cited = targets.back();
    };

    std::size_t i = 0;
    while (i < s.size()) {
      Scope scope{here, lead_in ? *lead_in : here, last_cited, &law_};
      while (next_span < spans.size() && spans[next_span].begin < i) ++next_span;
      // 《X》, perhaps (以下简称《Y》), perhaps followed by provisions.
      if (s[i] == U'《') {
        const std::size_t close = find_close(s, i);
        if (close == u32v::npos) {
          ++i;
          continue;
        }
        std::string name = utf8::encode(s.substr(i + 1, close - i - 1));
        std::size_t at = read_alias(s, close + 1, name);
        if (const auto it = aliases_.find(normalize_law_name(name)); it != aliases_.end()) name = it->second;
        const ListResult list = read_list(s, skip_spaces(s, at), scope, false);
        emit(i, list.targets.empty() ? close + 1 : list.end, false, name, list.targets);
        i = list.targets.empty() ? at : list.end;
        continue;
      }
      if (next_span < spans.size() && spans[next_span].begin == i) {
        const NameSpan span = spans[next_span++];
        std::string name = utf8::encode(s.substr(span.begin, span.end - span.begin));
        if (const auto it = aliases_.find(normalize_law_name(name)); it != aliases_.end()) name = it->second;
        const ListResult list = read_list(s, skip_spaces(s, span.end), scope, false);
        emit(i, list.targets.empty() ? span.end : list.end, false, name, list.targets);
        i = list.targets.empty() ? span.end : list.end;
        continue;
      }
      if (const std::size_t d = self_designator(s, i)) {
        const ListResult list = read_list(s, i + d, scope, false);
        if (!list.targets.empty()) emit(i, list.end, true, {}, list.targets);
        i = list.targets.empty() ? i + d : list.end;
        continue;
      }
      // 本条第一款: the citing article's own paragraphs.
      if (starts_with(s, i, U"本条")) {
        const ListResult list = read_list(s, i + 2, scope, false, 1);
        if (!list.targets.empty()) emit(i, list.end, true, {}, list.targets);
        i = list.targets.empty() ? i + 2 : list.end;
        continue;
      }
      if (s[i] == U'第' || s[i] == U'前') {
        // 婚姻法第十七条 with 婚姻法 no known law: that law's article, not this one's.
        if (const std::size_t b = unknown_name_before(s, i); b < i) {
          const ListResult list = read_list(s, i, scope, false);
          if (!list.targets.empty()) {
            emit(b, list.end, false, utf8::encode(s.substr(b, i - b)), list.targets);
            i = list.end;
            continue;
          }
        }
        // 第N次, 第N届, 前述 … are not provisions: read_list finds nothing and we move on.
        const ListResult list = read_list(s, i, scope, true);
        if (!list.targets.empty()) {
          emit(i, list.end, true, {}, list.targets);
          i = list.end;
          continue;
        }
      }
      ++i;
    }
  }

 private:
  static std::size_t skip_spaces(u32v s, std::size_t i) {
    while (i < s.size() && utf8::is_space(s[i])) ++i;
    return i;
  }

  // Where a law name no one knows ends just before `at` (…法第, …条例第): its start, else `at`.
  // The name runs back to punctuation or a citing verb (依照, 根据, 违反 …).
  static std::size_t unknown_name_before(u32v s, std::size_t at) {
    auto ends_with = [&](u32v suffix) { return at >= suffix.size() && s.substr(at - suffix.size(), suffix.size()) == suffix; };
    if (!(ends_with(U"法") || ends_with(U"条例") || ends_with(U"规定") || ends_with(U"办法") || ends_with(U"细则"))) return at;
    if ((ends_with(U"本法") && !ends_word(s, at - 2)) || (ends_with(U"办法") && at >= 3 && s[at - 3] == U'本')) return at;
    std::size_t b = at;
    while (b > 0 && analysis::is_cjk(s[b - 1]) && at - b < 20) {
      bool verb = false;
      for (u32v v : {u32v(U"依照"), u32v(U"依据"), u32v(U"根据"), u32v(U"按照"), u32v(U"违反"), u32v(U"适用"), u32v(U"参照"), u32v(U"属于"),
                     u32v(U"符合"), u32v(U"规定的"), u32v(U"和"), u32v(U"及"), u32v(U"或"), u32v(U"的"), u32v(U"对"), u32v(U"在"), u32v(U"为"), u32v(U"即")})
        if (b >= v.size() && s.substr(b - v.size(), v.size()) == v) verb = true;
      if (verb) break;
      --b;
    }
    if (at - b < 3 || at - b >= 20 || s[b] == U'本') return at;
    return b;
  }

  // The 》 closing the 《 at `open`; 〈〉 and <> may nest inside. npos when unclosed.
  static std::size_t find_close(u32v s, std::size_t open) {
    for (std::size_t j = open + 1; j < s.size() && j <= open + kMaxName; ++j) {
      if (s[j] == U'》') return j > open + 1 ? j : u32v::npos;
      if (s[j] == U'《' || s[j] == U'\n') return u32v::npos;
    }
    return u32v::npos;
  }

  // (以下简称《Y》) or (以下简称Y) after a name: Y now means that name. Returns where to go on.
  std::size_t read_alias(u32v s, std::size_t at, const std::string& name) {
    if (!starts_with(s, at, U"(以下简称")) return at;
    const std::size_t close = s.find(U')', at);
    if (close == u32v::npos || close - at > kMaxName) return at;
    u32 alias(s.substr(at + 5, close - at - 5));
    std::erase_if(alias, [](char32_t c) { return c == U'《' || c == U'》' || c == U'“' || c == U'”' || c == U'"'; });
    const std::string key = normalize_law_name(utf8::encode(alias));
    if (!key.empty() && key != normalize_law_name(name)) aliases_[key] = name;
    return close + 1;
  }

  const LawText& law_;
  const KnownNames& names_;
  std::vector<Reference>& out_;
  std::map<std::string, std::string> aliases_;  // normalised short form -> the name it stands for
};

void scan_item(Scanner& scanner, ProvisionPath path, const Item& item, int line, bool sub, const ProvisionPath* lead_in) {
  if (sub) path.subitem = item.number;
  else path.item = item.number;
  scanner.scan(path, item.text, line, lead_in);
  if (!sub)
    for (const Item& c : item.children) scan_item(scanner, path, c, line, true, lead_in);
}

}  // namespace

void KnownNames::add(std::string_view name) {
  const u32 folded = utf8::decode(text::fold(name));
  if (folded.size() < 2 || folded.size() > 60) return;
  if (folded.size() == 2 && folded.back() != U'法') return;
  longest_ = std::max(longest_, folded.size());
  names_.insert(folded);
}

std::size_t KnownNames::longest_ending_at(std::u32string_view s, std::size_t end) const {
  const std::size_t max = std::min(longest_, end);
  for (std::size_t len = max; len >= 2; --len)
    if (names_.count(u32(s.substr(end - len, len)))) return len;
  return 0;
}

std::vector<Reference> extract_references(const LawText& law, const KnownNames& names) {
  std::vector<Reference> out;
  Scanner scanner(law, names, out);
  for (const Article& a : law.articles) {
    for (const Paragraph& p : a.paragraphs) {
      const ProvisionPath path{a.number, a.insertion, p.number, 0, 0};
      const std::size_t before = out.size();
      scanner.scan(path, p.text, a.source_line);
      const ProvisionPath* lead_in = nullptr;
      for (std::size_t k = out.size(); k-- > before;)
        if (out[k].self && out[k].target.article) {
          lead_in = &out[k].target;
          break;
        }
      const ProvisionPath lead = lead_in ? *lead_in : path;  // `out` grows below
      for (const Item& it : p.items) scan_item(scanner, path, it, a.source_line, false, lead_in ? &lead : nullptr);
    }
  }
  return out;
}

}  // namespace lawref::links
