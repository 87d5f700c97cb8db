#include "reference_extractor.h"

#include <algorithm>
#include <map>
#include <optional>

#include "analyzer.h"
#include "citation_grammar.h"
#include "citation_lexicon.h"
#include "law_names.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::links {
namespace {

using u32 = std::u32string;
using u32v = std::u32string_view;

constexpr std::size_t kMaxName = 80;  // characters between 《 and 》

using citation::Chain;
using citation::Unit;

bool starts_with(u32v s, std::size_t at, u32v word) { return at <= s.size() && s.substr(at, word.size()) == word; }

// A chain 第N条第N款第N项 from `i`, its first unit `top` or below; nullopt when there is none.
std::optional<Chain> chain_at(u32v s, std::size_t i, Unit top = Unit::Article) {
  Chain c = citation::read_chain(s, i, top);
  if (c.designations == 0) return std::nullopt;
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

// The chain's numbers, the units above its first taken from `base` (第二款 in article 5: 5(2)).
ProvisionPath complete_from(const Chain& c, const ProvisionPath& base) {
  ProvisionPath p = c.path;
  if (c.first > Unit::Article) {
    p.article = base.article;
    p.insertion = base.insertion;
  }
  if (c.first > Unit::Paragraph) p.paragraph = base.paragraph;
  if (c.first > Unit::Item) p.item = base.item;
  return p;
}

ProvisionPath complete(const Chain& c, const Scope& scope) {
  ProvisionPath p = complete_from(c, scope.last);
  if (c.first == Unit::Article || !scope.law || has_provision(*scope.law, p)) return p;
  if (scope.fallback) {
    const ProvisionPath q = complete_from(c, *scope.fallback);
    if (has_provision(*scope.law, q)) return q;
  }
  // 存在第三项情形的 in a paragraph without items: the 项 of an earlier 款 of the same article.
  if (c.first == Unit::Item && p.paragraph > 1)
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
  if (i >= s.size() || s[i] != lexicon::kBefore) return std::nullopt;
  std::size_t j = i + 1;
  int count = 1;
  for (const lexicon::CountWord& w : lexicon::kBeforeCounts)
    if (j < s.size() && s[j] == w.word) {
      count = w.count;
      ++j;
      break;
    }
  if (j >= s.size()) return std::nullopt;
  const std::optional<Unit> unit = citation::unit_of(s[j]);
  Relative r;
  r.end = j + 1;
  if (unit == Unit::Paragraph && here.paragraph > 1) {
    for (int p = std::max(1, here.paragraph - count); p < here.paragraph; ++p) r.targets.push_back({here.article, here.insertion, p, 0, 0});
    if (count == 1) {  // 前款第(一)项, 前款第(一)、(三)项
      if (const auto c = chain_at(s, r.end, Unit::Item); c && c->first == Unit::Item) {
        r.targets.back().item = c->path.item;
        r.targets.back().subitem = c->path.subitem;
        r.end = c->end;
        if (c->last == Unit::Item)
          for (int v : c->more) r.targets.push_back({here.article, here.insertion, here.paragraph - 1, v, 0});
      }
    }
  } else if (unit == Unit::Item && here.item > 1) {
    for (int it = std::max(1, here.item - count); it < here.item; ++it) r.targets.push_back({here.article, here.insertion, here.paragraph, it, 0});
  } else if (unit == Unit::Article && count == 1 && here.article > 1 && here.insertion == 0) {
    r.targets.push_back({here.article - 1, 0, 0, 0, 0});
  } else {
    return std::nullopt;
  }
  return r;
}

// What a designator (本法, 《X》, 刑法, or nothing) is followed by: a list of provisions.
struct ListResult {
  std::vector<ProvisionPath> targets;
  std::size_t end = 0;
};

ListResult read_list(u32v s, std::size_t i, Scope scope, bool allow_relative, Unit top = Unit::Article) {
  ListResult out;
  std::size_t at = i;
  while (true) {
    std::size_t next = at;
    bool got = false;
    if (const auto c = chain_at(s, at, top)) {
      ProvisionPath first = complete(*c, scope);
      next = c->end;
      // A range: 第三条至第五条, 第一款至第三款 (one link per provision).
      if (next < s.size() && s[next] == citation::kThrough) {
        // 第五项至第十七项, and 第十条第一款第五项至第十七项 (the range is at the second's level).
        if (const auto d = chain_at(s, next + 1, top); d && d->first >= c->first) {
          const Unit level = d->first;
          const int from = citation::number_of(c->path, level), to = citation::number_of(d->path, level);
          if (from > 0 && to > from && to - from <= citation::kMaxRangeSpan && d->path.insertion == 0) {
            for (int v = from; v <= to; ++v) {
              ProvisionPath p = first;
              citation::number_of(p, level) = v;
              if (level == Unit::Article) p.insertion = v == from ? first.insertion : 0;
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
          citation::number_of(p, c->last) = v;
          if (c->last == Unit::Article) p.insertion = 0;
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
    const std::size_t sep = lexicon::word_at(s, next, lexicon::kListSeparators);
    if (!sep) break;
    const std::size_t after = next + sep;
    if (!(starts_with(s, after, U"第") || (allow_relative && after < s.size() && s[after] == lexicon::kBefore))) break;
    at = after;
  }
  return out;
}

// 基本法, 根本法, 成本, 资本 …: a 本 at `i` that ends another word is no designator.
bool ends_word(u32v s, std::size_t i) { return i > 0 && lexicon::kBeforeBenInWords.find(s[i - 1]) != u32v::npos; }

// 本法, 本条例, 本细则, 本办法 …: the citing law (本条, the citing article, is read apart).
std::size_t self_designator(u32v s, std::size_t i) {
  if (i >= s.size() || s[i] != lexicon::kThis || ends_word(s, i)) return 0;
  const std::size_t word = lexicon::word_at(s, i + 1, lexicon::kSelfDesignators);
  return word ? 1 + word : 0;
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
    if (depth > 0 || lexicon::kNameEndings.find(c) == u32v::npos) continue;
    const std::size_t len = names.longest_ending_at(s, e + 1);
    if (!len) continue;
    const std::size_t b = e + 1 - len;
    if (b > 0 && s[b - 1] == lexicon::kThis) continue;
    if (lexicon::word_at(s, e + 1, lexicon::kNotCitingAfterName)) continue;
    // 保密法治, 保密法律法规: 法 starting another word.
    if (c == U'法' && e + 1 < s.size() && lexicon::kWordStartsAfterFa.find(s[e + 1]) != u32v::npos) continue;
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
      if (starts_with(s, i, lexicon::kSelfArticle)) {
        const std::size_t after = i + lexicon::kSelfArticle.size();
        const ListResult list = read_list(s, after, scope, false, Unit::Paragraph);
        if (!list.targets.empty()) emit(i, list.end, true, {}, list.targets);
        i = list.targets.empty() ? after : list.end;
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
    if (!lexicon::word_ends_at(s, at, lexicon::kUnknownNameEndings)) return at;
    // 本法, 本办法: the citing law.
    if (at >= 2 && s[at - 2] == lexicon::kThis && s[at - 1] == U'法' && !ends_word(s, at - 2)) return at;
    if (at >= 3 && s[at - 3] == lexicon::kThis && s.substr(at - 2, 2) == U"办法") return at;
    std::size_t b = at;
    while (b > 0 && analysis::is_cjk(s[b - 1]) && at - b < 20 && !lexicon::word_ends_at(s, b, lexicon::kWordsBeforeNames)) --b;
    if (at - b < 3 || at - b >= 20 || s[b] == lexicon::kThis) return at;
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
    if (!starts_with(s, at, lexicon::kAliasOpening)) return at;
    const std::size_t close = s.find(U')', at);
    if (close == u32v::npos || close - at > kMaxName) return at;
    const std::size_t opening = lexicon::kAliasOpening.size();
    u32 alias(s.substr(at + opening, close - at - opening));
    std::erase_if(alias, [](char32_t c) { return lexicon::kAliasQuotes.find(c) != u32v::npos; });
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
  std::uint32_t node = 0;
  for (auto c = folded.rbegin(); c != folded.rend(); ++c) {
    const auto [edge, added] = edges_.try_emplace(edge_key(node, *c), static_cast<std::uint32_t>(nodes_.size()));
    if (added) nodes_.emplace_back();
    node = edge->second;
  }
  nodes_[node].name_ends = true;
}

std::size_t KnownNames::longest_ending_at(std::u32string_view s, std::size_t end) const {
  std::size_t longest = 0;
  std::uint32_t node = 0;
  for (std::size_t len = 1; len <= end; ++len) {
    const auto edge = edges_.find(edge_key(node, s[end - len]));
    if (edge == edges_.end()) break;
    node = edge->second;
    if (nodes_[node].name_ends) longest = len;  // every name has 2 characters or more (add)
  }
  return longest;
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
