#include "link_builder.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "implementation_alignment_parents.h"
#include "law_names.h"
#include "lawref_translation.h"
#include "reference_extractor.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref::links {
namespace {

// Runs body(i) for i in [0, n) on `threads` threads; after each, done(count so far), one at a time.
template <typename Body>
void parallel_for(std::size_t n, unsigned threads, Body body, const std::function<void(std::size_t)>& done = {}) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / 8)));
  std::atomic<std::size_t> next{0};
  std::size_t finished = 0;
  std::mutex report;
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      try {
        for (std::size_t i = next++; i < n; i = next++) {
          body(i);
          if (!done) continue;
          const std::lock_guard<std::mutex> lock(report);
          done(++finished);
        }
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  for (std::thread& th : pool) th.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// What the full build keeps of its parents' prepared units at most (PreparedParents): kept
// without a limit they added 19 MB to the peak of memory of core + lawrefbook (241 -> 260 MB, over
// its 250 MB budget); at 5 MB it is ~246 MB, at 8 MB ~248 MB, and about a third of the ~2,500
// preparations are saved (bench/README.md, "Alignment phase time, round seven").
constexpr std::size_t kPreparedParentsBudget = std::size_t{5} << 20;

// Rows or columns one text brings to an alignment's similarity matrices, about: each article
// and each of its paragraphs and items.
std::size_t comparable_units(const LawText& law) {
  std::size_t n = 0;
  for (const Article& a : law.articles) {
    n += 1 + a.paragraphs.size();
    for (const Paragraph& p : a.paragraphs) n += p.items.size();
  }
  return n;
}

// The order to run tasks in: the heavy ones spread evenly among the others.
std::vector<std::size_t> spread_out(const std::vector<bool>& heavy) {
  std::vector<std::size_t> light, big;
  for (std::size_t k = 0; k < heavy.size(); ++k) (heavy[k] ? big : light).push_back(k);
  std::vector<std::size_t> order;
  order.reserve(heavy.size());
  const std::size_t gap = big.empty() ? 0 : light.size() / big.size();
  for (std::size_t b = 0, l = 0; b < big.size() || l < light.size();) {
    if (b < big.size()) order.push_back(big[b++]);
    for (std::size_t g = 0; g < gap && l < light.size(); ++g) order.push_back(light[l++]);
    if (b == big.size())
      while (l < light.size()) order.push_back(light[l++]);
  }
  return order;
}

// 第三十条第一项: the 款 is implied; it is the one holding that item (the first, usually).
void fill_paragraph(const LawText& law, ProvisionPath& p) {
  if (p.item == 0 || p.paragraph != 0) return;
  p.paragraph = 1;
  if (const Article* a = law.find_article(p.article, p.insertion))
    for (const Paragraph& para : a->paragraphs)
      if (find_item(para.items, p.item)) {
        p.paragraph = para.number;
        return;
      }
}

// A name several works share (the 民法典 split into one file per 编): the one holding the article.
const LawInfo* holder_of(const std::vector<const LawInfo*>& laws, const ProvisionPath& target,
                         const std::map<std::string, const LawText*>& texts) {
  const LawInfo* found = nullptr;
  for (const LawInfo* l : laws) {
    const auto t = texts.find(l->id);
    if (t == texts.end() || !t->second || !t->second->find_article(target.article, target.insertion)) continue;
    if (found) return nullptr;
    found = l;
  }
  return found;
}

// 《企业法人营业执照》, 《红楼梦》: brackets hold titles of all kinds. A name no known law
// has is kept only when it reads as a legal instrument: …法, …条例, …规定(试行).
bool reads_as_instrument(const std::string& name) {
  std::u32string n = utf8::decode(text::fold(name));
  while (!n.empty() && n.back() == U')') {  // (试行), (2019年修订)
    const std::size_t open = n.rfind(U'(');
    if (open == std::u32string::npos) break;
    n.resize(open);
  }
  for (std::u32string_view end : {U"法", U"法典", U"条例", U"规定", U"办法", U"细则", U"决定", U"解释", U"规则", U"意见", U"通知", U"准则",
                                  U"章程", U"纲要", U"公约", U"协定", U"条令", U"批复", U"规范", U"修正案", U"决议", U"命令", U"令", U"规程",
                                  U"答复", U"复函", U"条约", U"议定书", U"规划"})
    if (n.size() >= end.size() && std::u32string_view(n).substr(n.size() - end.size()) == end) return true;
  return false;
}

// The normalised names a law goes by (normalize_law_name), to recognise it citing itself.
std::set<std::string> own_names(const LawInfo& law) {
  std::set<std::string> keys = {normalize_law_name(law.title_zh)};
  for (const auto* list : {&law.short_zh, &law.aliases})
    for (const std::string& n : *list) keys.insert(normalize_law_name(n));
  return keys;
}

std::vector<Link> resolve(const LawNameIndex& names, const LawInfo& citing,
                          const std::map<std::string, const LawText*>& texts, const std::vector<Reference>& refs) {
  const std::set<std::string> own = own_names(citing);
  const std::string date = citing_date(citing);
  // A name as of the citing date; one several works share goes to the one holding the article.
  auto resolve_name = [&](const std::string& name, const ProvisionPath& target) {
    LawResolution res = names.resolve(name, 0, date, false);
    if (!res.ambiguous.empty() && target.article) res.law = holder_of(res.ambiguous, target, texts);
    return res;
  };
  std::vector<Link> out;
  std::set<std::tuple<std::string, std::string, std::string, int>> seen;  // from, to, external, offset
  for (const Reference& r : refs) {
    Link l;
    l.from = r.from;
    l.evidence = r.evidence;
    l.line = r.line;
    l.offset = static_cast<int>(r.offset);
    if (r.self) {
      l.kind = LinkKind::Internal;
      l.to = {citing.id, r.target};
      // A bare 第N条 this law lacks, after the text named another law that has it: that law's.
      const auto citing_text = texts.find(citing.id);
      if (!r.context_law.empty() && r.target.article && citing_text != texts.end() && !has_provision(*citing_text->second, r.target)) {
        const LawResolution res = resolve_name(r.context_law, r.target);
        const auto other = res.law ? texts.find(res.law->id) : texts.end();
        if (other != texts.end() && has_provision(*other->second, r.target)) {
          l.kind = res.law->id == citing.id ? LinkKind::Internal : LinkKind::External;
          l.to = {res.law->id, r.target};
          l.external = r.context_law;
          l.note = "read as " + r.context_law + "'s: " + citing.id + " has no such provision";
        }
      }
    } else if (own.count(normalize_law_name(r.law_name))) {  // its own name: itself, even before it is in force
      l.kind = LinkKind::Internal;
      l.to = {citing.id, r.target};
      l.external = r.law_name;
    } else {
      LawResolution res = resolve_name(r.law_name, r.target);
      l.external = r.law_name;
      // The law as a whole, when it existed then (first adopted before the citing date) but
      // the version then in force is not in the corpus: its next version, said so. Not for an
      // article (its number may differ between versions), nor for a law adopted later under the
      // same name (cel-2014 repeals the 1993 国家安全法, which nsl-2015 is not a version of).
      const LawInfo* next = res.next_version;
      const bool existed = next && !next->adopted.empty() && next->adopted <= date;
      // A consolidated text (刑法 as amended through Amendment XII) is the law's only version in
      // the corpus and carries its numbering from first adoption: an article cited before the
      // latest amendment is that article, whose wording may have changed since.
      const bool consolidated = existed && next->supersedes.empty() && !next->amended.empty();
      // A law adopted but not yet in force on the citing date, with no earlier version (民法典,
      // cited by the interpretations re-adopted in December 2020 for 2021-01-01): that text.
      const bool adopted_not_in_force = existed && next->supersedes.empty() && next->amended.empty();
      if (!res.law && existed && (r.target.article == 0 || consolidated || adopted_not_in_force)) {
        res.law = next;
        l.note = r.target.article == 0 ? "the version in force on " + date + " is not in the corpus; nearest: " + res.law->id
                 : consolidated        ? "cited on " + date + "; " + res.law->id + " is the text as amended " + next->amended.back() +
                                      ": the article's wording then may differ"
                                       : "cited on " + date + ", after its adoption (" + next->adopted + ") and before it took effect (" +
                                             next->effective + ")";
      }
      if (!res.law) {
        if (res.unknown && !reads_as_instrument(r.law_name)) continue;
        l.kind = LinkKind::Unresolved;
        l.note = res.error;
      } else {
        l.kind = res.law->id == citing.id ? LinkKind::Internal : LinkKind::External;
        l.to = {res.law->id, r.target};
      }
    }
    if (!l.to.law.empty() && l.to.path.article) {
      const auto t = texts.find(l.to.law);
      if (t != texts.end() && t->second) {
        fill_paragraph(*t->second, l.to.path);
        if (!has_provision(*t->second, l.to.path)) l.note = "no such provision in " + l.to.law;
      }
    }
    if (l.kind == LinkKind::Internal && l.to.path == ProvisionPath{}) continue;  // 《本法全称》 alone says nothing
    if (l.to == l.from) continue;  // a provision naming itself says nothing either
    if (!seen.emplace(l.from.str(), l.to.law.empty() ? "" : l.to.str(), l.external, l.offset).second) continue;
    out.push_back(std::move(l));
  }
  return out;
}

Link implements(const ProvisionId& from, const ProvisionId& to, int line, double score, LinkBasis basis,
                const std::string& evidence) {
  Link l;
  l.kind = LinkKind::Implements;
  l.from = from;
  l.to = to;
  l.line = line;
  l.score = score;
  l.basis = basis;
  l.evidence = evidence;
  return l;
}

bool is_constitution(const LawInfo& law) { return normalize_law_name(law.title_zh) == "宪法"; }

// lawref's own English translations, each parsed once: the second similarity of an alignment,
// for a local text that has one and its parents (a parent's English is of no use without the
// local text's). The full build loads every pair's first and shares them among its threads.
class OwnTranslations {
 public:
  void load(const LawText& local, const std::vector<const LawText*>& parents) {
    if (!load(local)) return;
    for (const LawText* p : parents) load(*p);
  }
  EnglishTexts of(const LawText& local, const std::vector<const LawText*>& parents) const {
    EnglishTexts english;
    english.local = find(local);
    for (const LawText* p : parents) english.parents.push_back(find(*p));
    return english;
  }

 private:
  const LawText* load(const LawText& law) {
    auto it = texts_.find(law.law_id);
    if (it == texts_.end()) it = texts_.emplace(law.law_id, lawref_translation(law.law_id)).first;
    return it->second ? &*it->second : nullptr;
  }
  const LawText* find(const LawText& law) const {
    const auto it = texts_.find(law.law_id);
    return it == texts_.end() || !it->second ? nullptr : &*it->second;
  }
  std::map<std::string, std::optional<LawText>> texts_;
};

bool names_basis(const std::string& text) {
  return (text.find("根据") != std::string::npos || text.find("依据") != std::string::npos || text.find("依照") != std::string::npos) &&
         text.find("制定") != std::string::npos;
}

}  // namespace

std::string as_of_today(const LawInfo& law) {
  return law.version_date().empty() && law.effective.empty() ? today() : "";
}

std::string citing_date(const LawInfo& law) {
  std::string d = law.version_date();
  if (d.empty()) d = law.effective;
  return d.empty() ? today() : d;
}

std::vector<std::string> known_law_names(const Registry& registry) {
  std::vector<std::string> names;
  for (const LawInfo& l : registry.laws()) {
    for (const std::string& n : l.short_zh) names.push_back(n);
    if (l.registered)
      for (const std::string& n : l.aliases) names.push_back(n);
    // Titles are specific enough to be recognised unbracketed; short ones (实施办法) are not.
    if (utf8::decode(l.title_zh).size() >= 6) names.push_back(l.title_zh);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

CitationResolver::CitationResolver(const Registry& registry) : index_(registry) {
  for (const std::string& n : known_law_names(registry)) names_.add(n);
}

std::vector<Reference> CitationResolver::references(const LawText& text) const { return extract_references(text, names_); }

std::vector<Link> CitationResolver::resolve(const LawInfo& citing, const std::map<std::string, const LawText*>& texts,
                                            const std::vector<Reference>& refs) const {
  return links::resolve(index_, citing, texts, refs);
}

std::vector<std::string> cited_name_keys(const std::vector<Reference>& refs) {
  std::vector<std::string> keys;
  for (const Reference& r : refs)
    for (const std::string* name : {&r.law_name, &r.context_law})
      if (!name->empty()) keys.push_back(normalize_law_name(*name));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

// A local regulation or departmental rule made under a law also details the administrative
// regulation implementing that law then in force: 上海 (2021) implements the Counter-Espionage Law
// "and other laws and administrative regulations", and its art 34 names 反间谍法及其实施细则; its
// art 31 restates 实施细则 art 15 ¶2. So the parents are the laws and those regulations.
std::vector<std::string> implementation_parents(const Registry& registry, const LawInfo& law, const std::vector<std::string>& implemented) {
  std::vector<std::string> parents = implemented;
  if (law.level != LawLevel::LocalRegulation && law.level != LawLevel::DepartmentalRule) return parents;
  const std::string date = citing_date(law);
  const std::size_t laws = parents.size();
  for (std::size_t k = 0; k < laws; ++k)
    for (const LawInfo& r : registry.laws()) {
      if (r.level != LawLevel::AdministrativeRegulation || r.id == law.id ||
          std::find(r.implements.begin(), r.implements.end(), parents[k]) == r.implements.end())
        continue;
      const std::string from = r.effective.empty() ? r.adopted : r.effective, until = registry.in_force_until(r);
      if (from.empty() || from > date || (!until.empty() && until <= date)) continue;
      if (std::find(parents.begin(), parents.end(), r.id) == parents.end()) parents.push_back(r.id);
    }
  return parents;
}

std::vector<std::string> implemented_laws(const Registry& registry, const LawInfo& law, const LawText& text,
                                          const std::vector<Link>& outgoing) {
  if (!law.implements.empty()) return law.implements;
  std::vector<std::string> out;
  if (text.articles.empty()) return out;
  const Article& first = text.articles.front();
  for (const Link& l : outgoing) {
    if (l.kind != LinkKind::External || l.from.path.article != first.number || l.from.path.insertion != first.insertion) continue;
    const std::size_t p = static_cast<std::size_t>(std::max(1, l.from.path.paragraph)) - 1;
    if (p >= first.paragraphs.size() || !names_basis(first.paragraphs[p].text)) continue;
    const LawInfo* target = registry.find(l.to.law);
    if (!target || is_constitution(*target) || target->id == law.id) continue;
    if (std::find(out.begin(), out.end(), target->id) == out.end()) out.push_back(target->id);
  }
  return out;
}

std::vector<Link> version_links(const LawText& old_law, const LawText& new_law, const AlignmentOptions& options) {
  std::vector<Link> out;
  for (const ArticleMatch& m : align_versions(old_law, new_law, options).matches) {
    const Article& a = old_law.articles[m.from];
    const Article& b = new_law.articles[m.to];
    Link l;
    l.kind = LinkKind::Version;
    l.from = {old_law.law_id, article_path(a)};
    l.to = {new_law.law_id, article_path(b)};
    l.line = a.source_line;
    l.score = m.score;
    l.basis = m.basis;
    out.push_back(std::move(l));
  }
  return out;
}

namespace {

// implementation_links, the parents' units taken from `shared` when not null (the full build's).
std::vector<Link> implementation_links_sharing(const LawText& local, const std::vector<const LawText*>& parents,
                                               const std::vector<Link>& outgoing, const ImplementationOptions& options,
                                               const EnglishTexts* english, PreparedParents* shared) {
  std::vector<Link> out;
  std::set<std::pair<std::string, std::string>> cited;  // article ids
  for (const LawText* national : parents)
    for (const Link& l : outgoing) {
      if (l.kind != LinkKind::External || l.to.law != national->law_id || l.to.path.article == 0) continue;
      const ProvisionId from{local.law_id, article_path(l.from.path)}, to{national->law_id, article_path(l.to.path)};
      if (!national->find_article(to.path.article, to.path.insertion)) continue;
      if (!cited.emplace(from.str(), to.str()).second) continue;
      out.push_back(implements(from, to, l.line, 1.0, LinkBasis::Citation, l.evidence));
    }
  // Called without translations (an update of the index, `lawref compare`): lawref's own, so
  // that every path links what a full build links.
  OwnTranslations own;
  EnglishTexts own_english;
  if (!english && options.english != EnglishSignal::Off) {
    own.load(local, parents);
    own_english = own.of(local, parents);
    english = &own_english;
  }
  for (const ImplementationMatch& match : align_implementation(local, parents, options, english, shared)) {
    const Article& a = local.articles[match.from];
    const LawText& national = *parents[match.parent];
    const Article& b = national.articles[match.to];
    const ProvisionId from{local.law_id, article_path(a)};
    ProvisionId to{national.law_id, article_path(b)};
    if (cited.count({from.str(), to.str()})) continue;
    to.path.paragraph = match.paragraph;
    to.path.item = match.item;
    out.push_back(implements(from, to, a.source_line, match.score, LinkBasis::Similarity, {}));
  }
  std::stable_sort(out.begin(), out.end(), [](const Link& x, const Link& y) {
    return std::tie(x.from.path.article, x.from.path.insertion) < std::tie(y.from.path.article, y.from.path.insertion);
  });
  return out;
}

std::vector<Link> law_implementation_links_sharing(const Registry& registry, const LawInfo& law, const LawText& text,
                                                   const std::vector<const LawText*>& parents, const std::vector<Link>& cites,
                                                   const ImplementationOptions& options, const EnglishTexts* english,
                                                   PreparedParents* shared) {
  // A parent that took effect after the regulation was made (the version then in force is not
  // in the corpus): the alignment says so.
  std::map<std::string, std::string> notes;
  for (const LawText* parent : parents)
    if (const LawInfo* info = registry.find(parent->law_id); info && !info->effective.empty() && info->effective > citing_date(law))
      notes[parent->law_id] = "aligned with " + parent->law_id + ", in force from " + info->effective + ", after " + law.id + " was made";
  std::vector<Link> out = implementation_links_sharing(text, parents, cites, options, english, shared);
  for (Link& l : out)
    if (const auto note = notes.find(l.to.law); l.note.empty() && note != notes.end()) l.note = note->second;
  return out;
}

}  // namespace

std::vector<Link> implementation_links(const LawText& local, const std::vector<const LawText*>& parents,
                                       const std::vector<Link>& outgoing, const ImplementationOptions& options, const EnglishTexts* english) {
  return implementation_links_sharing(local, parents, outgoing, options, english, nullptr);
}

std::vector<Link> law_implementation_links(const Registry& registry, const LawInfo& law, const LawText& text,
                                           const std::vector<const LawText*>& parents, const std::vector<Link>& cites,
                                           const ImplementationOptions& options, const EnglishTexts* english) {
  return law_implementation_links_sharing(registry, law, text, parents, cites, options, english, nullptr);
}

std::vector<std::vector<Link>> build_link_parts(const Registry& registry, const std::map<std::string, const LawText*>& texts,
                                                const LinkOptions& options, std::map<std::string, LawLinkInputs>* inputs) {
  const CitationResolver resolver(registry);
  std::vector<const LawInfo*> laws;
  for (const LawInfo& l : registry.laws())
    if (const auto t = texts.find(l.id); t != texts.end() && t->second) laws.push_back(&l);

  // Citations, law by law.
  std::vector<std::vector<Link>> cites(laws.size());
  std::vector<std::vector<std::string>> keys(laws.size());
  parallel_for(laws.size(), options.threads, [&](std::size_t i) {
    const LawText& text = *texts.at(laws[i]->id);
    const std::vector<Reference> refs = resolver.references(text);
    cites[i] = resolver.resolve(*laws[i], texts, refs);
    if (inputs) keys[i] = cited_name_keys(refs);
  }, [&](std::size_t done) {
    if (options.progress) options.progress(0, done, laws.size());
  });

  // Versions and implementation: one task per pair of texts.
  struct Pair {
    const LawText* from;
    std::vector<const LawText*> to;  // the successor (a version pair), or every parent (implementation)
    std::size_t citing;              // index into laws
    bool version;
  };
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < laws.size(); ++i) {
    const LawInfo& law = *laws[i];
    const LawText* text = texts.at(law.id);
    if (!law.superseded_by.empty())
      if (const auto next = texts.find(law.superseded_by); next != texts.end() && next->second) pairs.push_back({text, {next->second}, i, true});
    const std::vector<std::string> implemented = implemented_laws(registry, law, *text, cites[i]);
    const std::vector<std::string> parents = implementation_parents(registry, law, implemented);
    if (inputs) (*inputs)[law.id] = {std::move(keys[i]), implemented, parents, as_of_today(law)};
    Pair implementation{text, {}, i, false};
    for (const std::string& parent : parents)
      if (const auto p = texts.find(parent); p != texts.end() && p->second) implementation.to.push_back(p->second);
    if (!implementation.to.empty()) pairs.push_back(std::move(implementation));
  }
  // lawref's own English translations of the texts aligned by implementation, loaded before the
  // threads start.
  OwnTranslations translations;
  if (options.implementation.english != EnglishSignal::Off)
    for (const Pair& p : pairs)
      if (!p.version) translations.load(*p.from, p.to);
  // A pair's similarity matrices grow with its rows times its columns; the few largest
  // (人民检察院刑事诉讼规则 of 2012 and of 2019 against 刑事诉讼法: ~40 MB each, next to each
  // other in registry order) set the build's peak of memory when two ran at once. They run one
  // at a time, spread through the order so that the other thread seldom waits for one.
  std::vector<bool> heavy(pairs.size());
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    std::size_t cols = 0;
    for (const LawText* t : pairs[k].to) cols += comparable_units(*t);
    heavy[k] = comparable_units(*pairs[k].from) * cols >= options.heavy_pair_cells;
  }
  const std::vector<std::size_t> order = spread_out(heavy);
  // Each parent's units prepared once, for all the regulations aligned with it (水法: 74), kept
  // only while more of them are to come, and within kPreparedParentsBudget.
  PreparedParents shared(options.implementation, kPreparedParentsBudget);
  for (const Pair& p : pairs)
    if (!p.version) {
      const EnglishTexts english = translations.of(*p.from, p.to);
      expect_alignment(shared, p.to, &english);
    }
  std::mutex one_heavy_pair;
  std::vector<std::vector<Link>> aligned(pairs.size());
  parallel_for(pairs.size(), options.threads, [&](std::size_t i) {
    const std::size_t k = order[i];
    std::unique_lock<std::mutex> lock(one_heavy_pair, std::defer_lock);
    if (heavy[k]) lock.lock();
    const Pair& p = pairs[k];
    const EnglishTexts english = p.version ? EnglishTexts{} : translations.of(*p.from, p.to);
    aligned[k] = p.version ? version_links(*p.from, *p.to.front(), options.versions)
                           : law_implementation_links_sharing(registry, *laws[p.citing], *p.from, p.to, cites[p.citing],
                                                              options.implementation, &english, &shared);
  }, [&](std::size_t done) {
    if (options.progress) options.progress(1, done, pairs.size());
  });

  // Handed back as made: one copy of the ~95,000 links of core + lawrefbook concatenated
  // was ~28 MB at the build's peak of memory.
  std::vector<std::vector<Link>> parts = std::move(cites);
  parts.reserve(parts.size() + aligned.size());
  std::move(aligned.begin(), aligned.end(), std::back_inserter(parts));
  return parts;
}

std::vector<Link> build_links(const Registry& registry, const std::map<std::string, const LawText*>& texts, const LinkOptions& options,
                              std::map<std::string, LawLinkInputs>* inputs) {
  std::vector<std::vector<Link>> parts = build_link_parts(registry, texts, options, inputs);
  std::size_t total = 0;
  for (const auto& v : parts) total += v.size();
  std::vector<Link> out;
  out.reserve(total);
  for (auto& v : parts) {
    std::move(v.begin(), v.end(), std::back_inserter(out));
    std::vector<Link>().swap(v);
  }
  return out;
}

}  // namespace lawref::links
