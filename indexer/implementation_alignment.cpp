#include "implementation_alignment.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>

#include "article_alignment.h"
#include "english_words.h"
#include "implementation_alignment_anchors.h"
#include "implementation_alignment_parents.h"
#include "implementation_alignment_text.h"
#include "utf8.h"

namespace lawref::links {
namespace {

// What implementation alignment compares: every article whole (less its boilerplate), its
// paragraphs (their own text) and items as parts, and on the local side each sentence and each
// item written inline (（一）… within a paragraph's text) as a segment of its own.
struct Unit {
  std::size_t law = 0, article = 0;
  int paragraph = 0, item = 0;  // 0, 0: the whole article
};

// A unit's text: the Chinese, folded, and the English of the same words where lawref's
// translation has them (empty where not).
struct UnitText {
  std::u32string zh;
  std::string en;
};

// English `text` cut into sentences: after a full stop that ends the text or precedes a space.
std::vector<std::string> english_sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) {
      out.push_back(text.substr(start, i + 1 - start));
      start = i + 1;
    }
  if (text.find_first_not_of(' ', start) != std::string::npos) out.push_back(text.substr(start));
  return out;
}

std::u32string folded(const std::u32string& raw) {
  std::u32string out;
  append_comparable(out, utf8::encode(raw));
  return out;
}

// Whether the translation has the original's paragraphs and items, one for one.
bool same_items(const std::vector<Item>& a, const std::vector<Item>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (!same_items(a[k].children, b[k].children)) return false;
  return true;
}
bool same_shape(const Article& zh, const Article& en) {
  if (zh.paragraphs.size() != en.paragraphs.size()) return false;
  for (std::size_t k = 0; k < zh.paragraphs.size(); ++k)
    if (!same_items(zh.paragraphs[k].items, en.paragraphs[k].items)) return false;
  return true;
}

// The translation of `a` when it has the same shape, else null.
const Article* translated(const Article& a, const LawText* english) {
  if (!english) return nullptr;
  const Article* en = english->find_article(a.number, a.insertion);
  return en && same_shape(a, *en) ? en : nullptr;
}

void append_english(std::string& out, const std::string& text) {
  if (!out.empty()) out += ' ';
  out += text;
}
void append_english(std::string& out, const Item& item) {
  append_english(out, item.text);
  for (const Item& c : item.children) append_english(out, c);
}

// What is left out of each sentence besides boilerplate (implementation_alignment_text.h): the
// approval conditions on both sides, long lists on the local side only (ImplementationOptions).
// The English keeps them: it is paired with the sentence, not cut.
struct TextRules {
  bool drop_approval = false;
  std::size_t list_min_pieces = 0;  // 0: lists kept
  std::u32string apply(const std::u32string& sentence) const {
    std::u32string out = without_long_lists(sentence, list_min_pieces);
    return drop_approval ? without_approval_clauses(out) : out;
  }
  // A paragraph's or an item's text (with its sub-items), folded, appended as compared. Only a
  // text that has what a rule looks for is decoded (a national parent may have a thousand articles).
  void append(std::u32string& out, const std::string& text) const {
    const bool touched = (drop_approval && text.find("批准") != std::string::npos) || (list_min_pieces > 0 && text.find("、") != std::string::npos);
    append_comparable(out, touched ? utf8::encode(apply(utf8::decode(text))) : text);
  }
  void append(std::u32string& out, const Item& item) const {
    append(out, item.text);
    for (const Item& c : item.children) append(out, c);
  }
};

// The article less its boilerplate, whole, and (with `segments`) its sentences and inline items,
// each with its English (`en`: the translated article or null). A sentence has English when its
// paragraph or item has as many English sentences as Chinese ones and boilerplate took nothing
// from it; the whole article has all its English when boilerplate took nothing from it, else
// the English of its sentences that have some.
UnitText cleaned_text(const Article& a, const Article* en, const TextRules& rules, std::vector<UnitText>* segments) {
  std::vector<std::pair<const std::string*, const std::string*>> texts;  // Chinese, English
  auto add_item = [&](const auto& self, const Item& it, const Item* eit) -> void {
    texts.emplace_back(&it.text, eit ? &eit->text : nullptr);
    for (std::size_t k = 0; k < it.children.size(); ++k) self(self, it.children[k], eit ? &eit->children[k] : nullptr);
  };
  for (std::size_t p = 0; p < a.paragraphs.size(); ++p) {
    const Paragraph* ep = en ? &en->paragraphs[p] : nullptr;
    texts.emplace_back(&a.paragraphs[p].text, ep ? &ep->text : nullptr);
    for (std::size_t k = 0; k < a.paragraphs[p].items.size(); ++k) add_item(add_item, a.paragraphs[p].items[k], ep ? &ep->items[k] : nullptr);
  }
  UnitText whole;
  std::string all_english;
  bool cut = false;
  for (const auto& [zh, english] : texts) {
    const std::vector<std::u32string> sentences = chinese_segments(*zh);
    std::vector<std::string> english_parts;
    if (english) {
      append_english(all_english, *english);
      english_parts = english_sentences(*english);
    }
    const bool paired = english_parts.size() == sentences.size();
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      std::u32string s = sentences[k];
      drop_boilerplate(s);
      const bool kept = s.size() == sentences[k].size();
      cut = cut || !kept;
      s = rules.apply(s);
      UnitText t{folded(s), paired && kept ? english_parts[k] : std::string()};
      if (t.zh.empty()) continue;
      whole.zh += t.zh;
      if (!t.en.empty()) append_english(whole.en, t.en);
      if (segments) segments->push_back(std::move(t));
    }
  }
  if (!cut) whole.en = std::move(all_english);
  return whole;
}

// Whether a phrase shared with a text can link it: the rule is on, and the English it asks for
// is there (a law without English is never confirmed: its phrases are not looked for).
bool anchors_can_link(const ImplementationOptions& options, bool has_english) {
  return options.anchor_min_chars > 0 && (options.anchor_english_rank == 0 || has_english);
}

// A national law's units: each article whole (less its boilerplate), then its paragraphs (their
// own text) and items when it has more than one part.
PreparedParent prepare_parent(const LawText& law, const LawText* english, std::size_t min_part_chars, const TextRules& rules,
                              const ImplementationOptions& options) {
  PreparedParent out;
  for (std::size_t i = 0; i < law.articles.size(); ++i) {
    const Article& a = law.articles[i];
    const Article* en = translated(a, english);
    UnitText whole = cleaned_text(a, en, rules, nullptr);
    if (whole.zh.empty()) continue;  // a basis or scope clause alone
    out.units.push_back({i, 0, 0, std::move(whole.zh), std::move(whole.en)});
    std::size_t parts = 0;
    for (const Paragraph& p : a.paragraphs) parts += 1 + p.items.size();
    if (parts < 2) continue;  // a one-part article is its whole
    for (std::size_t pi = 0; pi < a.paragraphs.size(); ++pi) {
      const Paragraph& p = a.paragraphs[pi];
      ParentUnit own{i, p.number, 0, {}, {}};
      rules.append(own.zh, p.text);
      if (own.zh.size() >= min_part_chars) {
        if (en) own.en = en->paragraphs[pi].text;
        out.units.push_back(std::move(own));
      }
      for (std::size_t k = 0; k < p.items.size(); ++k) {
        ParentUnit t{i, p.number, p.items[k].number, {}, {}};
        rules.append(t.zh, p.items[k]);
        if (t.zh.size() < min_part_chars) continue;
        if (en) append_english(t.en, en->paragraphs[pi].items[k]);
        out.units.push_back(std::move(t));
      }
    }
  }
  if (!anchors_can_link(options, english != nullptr)) return out;  // no phrase of it could be linked
  std::vector<std::pair<std::size_t, std::u32string_view>> wholes;
  for (const ParentUnit& u : out.units)
    if (u.paragraph == 0) wholes.emplace_back(u.article, u.zh);
  out.first_uses = FirstUses(wholes, options.anchor_max_articles);
  return out;
}

// The local side: each article whole, then its segments (paragraph 1: a segment, not a paragraph).
void add_local_units(const LawText& law, const LawText* english, std::size_t min_part_chars, const TextRules& rules,
                     std::vector<Unit>& units, std::vector<UnitText>& texts) {
  for (std::size_t i = 0; i < law.articles.size(); ++i) {
    const Article& a = law.articles[i];
    if (is_commencement_clause(a)) continue;
    std::vector<UnitText> segments;
    UnitText whole = cleaned_text(a, translated(a, english), rules, &segments);
    if (whole.zh.empty()) continue;
    units.push_back({0, i, 0, 0});
    texts.push_back(std::move(whole));
    if (segments.size() < 2) continue;
    for (UnitText& s : segments) {
      if (s.zh.size() < min_part_chars) continue;
      units.push_back({0, i, 1, 0});
      texts.push_back(std::move(s));
    }
  }
}

// Each text's English as word numbers (one character per stem) for Grams::Words.
std::vector<std::u32string> english_words(const std::vector<const std::string*>& texts, std::map<std::string, char32_t>& numbers) {
  std::vector<std::u32string> out(texts.size());
  for (std::size_t k = 0; k < texts.size(); ++k)
    for (const std::string& stem : analysis::english_stems(*texts[k]))
      out[k].push_back(numbers.emplace(stem, static_cast<char32_t>(numbers.size() + 1)).first->second);
  return out;
}

// Parent p's English, as compared: used only when the local text has English too.
const LawText* parent_english(const EnglishTexts* english, std::size_t p) {
  return english && english->local && p < english->parents.size() ? english->parents[p] : nullptr;
}

}  // namespace

void expect_alignment(PreparedParents& shared, const std::vector<const LawText*>& parents, const EnglishTexts* english) {
  for (std::size_t p = 0; p < parents.size(); ++p) shared.expect(*parents[p], parent_english(english, p));
}

std::vector<ImplementationRow> implementation_scores(const LawText& local, const std::vector<const LawText*>& parents,
                                                    const ImplementationOptions& options, const EnglishTexts* english,
                                                    PreparedParents* shared) {
  std::vector<Unit> rows, cols;
  std::vector<UnitText> row_texts;
  std::vector<const ParentUnit*> col_texts;
  const LawText* local_english = english ? english->local : nullptr;
  const TextRules national_rules{options.drop_approval_clauses, 0};
  const TextRules local_rules{options.drop_approval_clauses, options.list_min_pieces};
  add_local_units(local, local_english, options.min_part_chars, local_rules, rows, row_texts);
  if (shared && !shared->prepared_for(options)) shared = nullptr;
  std::vector<std::shared_ptr<const PreparedParent>> prepared;  // held while the columns point into them
  for (std::size_t p = 0; p < parents.size(); ++p) {
    const LawText* en = parent_english(english, p);
    const auto prepare = [&] { return prepare_parent(*parents[p], en, options.min_part_chars, national_rules, options); };
    prepared.push_back(shared ? shared->get(*parents[p], en, prepare) : std::make_shared<const PreparedParent>(prepare()));
    for (const ParentUnit& u : prepared.back()->units) {
      cols.push_back({p, u.article, u.paragraph, u.item});
      col_texts.push_back(&u);
    }
  }
  // idf over the local text and its parents together, so that what they all share (国家安全机关,
  // 反间谍) weighs little against what one provision says; each article counted once, not again
  // for each of its paragraphs, items and sentences (a long list's words were taken as common).
  std::vector<bool> counted, counted_english;
  for (const std::vector<Unit>* units : {&rows, &cols})
    for (const Unit& u : *units) counted.push_back(u.paragraph == 0 && u.item == 0);
  std::vector<std::u32string_view> row_zh, col_zh;  // views: a parent's texts are not copied for each regulation
  for (const UnitText& t : row_texts) row_zh.push_back(t.zh);
  for (const ParentUnit* t : col_texts) col_zh.push_back(t->zh);
  const SimilarityMatrix sim(row_zh, col_zh, Grams::BigramsAndTrigrams, &counted);
  // The same over the English words, where both sides have a translation; idf over the texts
  // that have one.
  std::map<std::string, char32_t> numbers;
  std::vector<const std::string*> row_english, col_english;
  for (const UnitText& t : row_texts) row_english.push_back(&t.en);
  for (const ParentUnit* t : col_texts) col_english.push_back(&t->en);
  const std::vector<std::u32string> row_en = english_words(row_english, numbers), col_en = english_words(col_english, numbers);
  for (std::size_t k = 0; k < counted.size(); ++k)
    counted_english.push_back(counted[k] && !(k < row_en.size() ? row_en[k] : col_en[k - row_en.size()]).empty());
  const bool bilingual = !numbers.empty();
  const SimilarityMatrix sim_english = bilingual ? SimilarityMatrix(row_en, col_en, Grams::Words, &counted_english)
                                                 : SimilarityMatrix(std::vector<std::u32string>{}, std::vector<std::u32string>{});
  // -1 where either unit has no English.
  auto english_score = [&](std::size_t i, std::size_t j) {
    return !bilingual || row_en[i].empty() || col_en[j].empty() ? -1.0 : static_cast<double>(sim_english(i, j));
  };

  // National articles: [begin, end) of their units in cols.
  std::vector<std::pair<std::size_t, std::size_t>> national;
  for (std::size_t c = 0; c < cols.size();) {
    std::size_t c_end = c;
    while (c_end < cols.size() && cols[c_end].law == cols[c].law && cols[c_end].article == cols[c].article) ++c_end;
    if (!is_commencement_text(col_texts[c]->zh)) national.emplace_back(c, c_end);
    c = c_end;
  }
  // Where each national article is among them (per parent, per article index; none: not compared).
  std::vector<std::vector<std::size_t>> national_of(parents.size());
  for (std::size_t p = 0; p < parents.size(); ++p) national_of[p].assign(parents[p]->articles.size(), FirstUses::none);
  for (std::size_t n = 0; n < national.size(); ++n) national_of[cols[national[n].first].law][cols[national[n].first].article] = n;
  std::vector<const FirstUses*> first_uses;
  for (const auto& p : prepared) first_uses.push_back(&p->first_uses);
  // Each local row against every national article: its best unit.
  std::vector<ImplementationRow> out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ImplementationRow& row = out[i];
    row.from = rows[i].article;
    row.whole = i == 0 || rows[i - 1].article != rows[i].article;
    row.text = std::move(row_texts[i].zh);
    row.scores.resize(national.size());
    for (std::size_t n = 0; n < national.size(); ++n) {
      const auto [c, c_end] = national[n];
      ImplementationMatch best;
      best.from = static_cast<std::uint32_t>(row.from);
      best.parent = static_cast<std::uint32_t>(cols[c].law);
      best.to = static_cast<std::uint32_t>(cols[c].article);
      for (std::size_t j = c; j < c_end; ++j) {
        if (const double x = sim(i, j); x > best.score) {
          best.score = x;
          best.paragraph = cols[j].paragraph;
          best.item = cols[j].item;
        }
        best.english = std::max(best.english, static_cast<float>(english_score(i, j)));
      }
      row.scores[n] = best;
    }
    if (anchors_can_link(options, !row_texts[i].en.empty())) {
      const FirstUseAnchor anchor = longest_first_use(row.text, first_uses);
      if (anchor.chars > 0 && national_of[anchor.law][anchor.article] != FirstUses::none) {
        row.anchor = national_of[anchor.law][anchor.article];
        row.anchor_chars = anchor.chars;
      }
    }
  }
  return out;
}

namespace {

// The first `n` of `scores`, best first (equals in order), that reach `floor` and `share` of
// the best: a pass keeping the few best, no sort (a parent may have a thousand articles).
std::vector<ImplementationMatch> top(const std::vector<ImplementationMatch>& scores, std::size_t n, double floor, double share) {
  std::vector<ImplementationMatch> best;
  for (const ImplementationMatch& m : scores) {
    if (m.score < floor) continue;
    const auto at = std::find_if(best.begin(), best.end(), [&](const ImplementationMatch& b) { return m.score > b.score; });
    if (static_cast<std::size_t>(at - best.begin()) >= n) continue;
    best.insert(at, m);
    if (best.size() > n) best.pop_back();
  }
  while (!best.empty() && best.back().score < best.front().score * share) best.pop_back();
  return best;
}

// A law's title less what every title of its kind has: 中华人民共和国反间谍法实施细则 -> 反间谍.
std::u32string title_stem(const std::string& title) {
  std::u32string t = folded(utf8::decode(title));
  const std::u32string_view state = U"中华人民共和国";
  if (t.rfind(state, 0) == 0) t.erase(0, state.size());
  for (const std::u32string_view tail : {U"实施细则", U"实施条例", U"实施办法"})
    if (t.size() > tail.size() && t.compare(t.size() - tail.size(), tail.size(), tail) == 0) t.resize(t.size() - tail.size());
  if (!t.empty() && t.back() == U'法') t.pop_back();
  return t.size() >= 2 ? t : std::u32string();
}

// `m` added to `picked`, or raising the score of the same national article there.
void add_pick(std::vector<ImplementationMatch>& picked, const ImplementationMatch& m) {
  auto it = std::find_if(picked.begin(), picked.end(), [&](const ImplementationMatch& x) { return x.parent == m.parent && x.to == m.to; });
  if (it == picked.end()) picked.push_back(m);
  else if (m.score > it->score) *it = m;
}

// A paraphrase the Chinese n-grams see only dimly: the row's candidate the Chinese ranks high
// but under its floors, accepted when the English (one termbase) ranks it first and clearly alike.
// When the Chinese ranks that same article first too, the two rankings agree, and the floors
// apply to its similarities as they are: another law's article is weighed down to rank the main
// law first, not to need more evidence once both signals name it (a sentence of a local
// counter-espionage text that restates the secrecy law's duty).
void english_rescue(const ImplementationRow& row, const ImplementationOptions& options, const std::vector<bool>& main,
                    std::vector<ImplementationMatch>& picked) {
  const ImplementationMatch* first_english = nullptr;
  const ImplementationMatch* first_chinese = nullptr;
  for (const ImplementationMatch& m : row.scores) {
    if (m.english >= 0 && (!first_english || m.english > first_english->english)) first_english = &m;
    if (!first_chinese || m.score > first_chinese->score) first_chinese = &m;
  }
  if (!first_english) return;
  if (options.english_rescue_agreement && first_chinese == first_english && !main[first_chinese->parent]) {
    const double unweighed = 1.0 / options.other_law_weight;
    if (first_chinese->score * unweighed >= options.english_rescue_min_score &&
        first_english->english * unweighed >= options.english_rescue_floor) {
      add_pick(picked, *first_chinese);
      return;
    }
  }
  if (first_english->english < options.english_rescue_floor) return;
  for (const ImplementationMatch& m : top(row.scores, options.english_rescue_rank, options.english_rescue_min_score, 0.0))
    if (m.parent == first_english->parent && m.to == first_english->to) add_pick(picked, m);
}

// A row's first national article under the floors, linked when the longest phrase the row
// shares with the article that first uses it names that article: a distinct phrase taken over
// (重庆 art 4's 按照职责分工，密切配合 from CEL art 6), not a bag of common words.
void anchor_rescue(const ImplementationRow& row, const ImplementationOptions& options, std::vector<ImplementationMatch>& picked) {
  if (options.anchor_min_chars == 0 || row.anchor_chars < options.anchor_min_chars) return;
  const ImplementationMatch& anchored = row.scores[row.anchor];
  if (anchored.score < options.anchor_min_score) return;
  for (const ImplementationMatch& m : row.scores)
    if (m.score > anchored.score) return;
  if (options.anchor_english_rank > 0) {
    if (anchored.english < 0) return;
    // The national articles the English ranks higher (`scores` holds each article once).
    const auto above = std::count_if(row.scores.begin(), row.scores.end(), [&](const ImplementationMatch& m) { return m.english > anchored.english; });
    if (static_cast<std::size_t>(above) >= options.anchor_english_rank) return;
  }
  add_pick(picked, anchored);
}

}  // namespace

std::vector<bool> mainly_implemented(const LawText& local, const std::vector<const LawText*>& parents) {
  const std::u32string title = folded(utf8::decode(local.title));
  std::vector<bool> main(parents.size(), false);
  for (std::size_t p = 0; p < parents.size(); ++p) {
    const std::u32string stem = title_stem(parents[p]->title);
    main[p] = !stem.empty() && title.find(stem) != std::u32string::npos;
  }
  // None named, or all: no preference.
  if (std::all_of(main.begin(), main.end(), [&](bool m) { return m == main.front(); })) main.assign(parents.size(), true);
  return main;
}

std::vector<ImplementationMatch> align_implementation(const LawText& local, const std::vector<const LawText*>& parents,
                                                      const ImplementationOptions& options, const EnglishTexts* english,
                                                      PreparedParents* shared) {
  std::vector<ImplementationRow> rows = implementation_scores(local, parents, options, english, shared);
  // The English counts where it finds more than the Chinese: a paraphrase in Chinese is often
  // the same English words; English word vectors are more alike than n-gram ones, hence the weight.
  if (options.english == EnglishSignal::Max)
    for (ImplementationRow& row : rows)
      for (ImplementationMatch& m : row.scores) m.score = std::max(m.score, options.english_weight * m.english);
  // Ranked by similarity, a law the local text does not mainly implement weighed down (the NSL's
  // genus lists of duties share words with every counter-espionage list).
  const std::vector<bool> main = mainly_implemented(local, parents);
  for (ImplementationRow& row : rows)
    for (ImplementationMatch& m : row.scores)
      if (!main[m.parent]) {
        m.score *= options.other_law_weight;
        if (m.english > 0) m.english *= options.other_law_weight;
      }
  // A row whose best is another law's article also names the main law's best article when that
  // is not far behind: a local duty restates its own law's duty as well as the genus.
  auto main_companion = [&](const ImplementationRow& row, std::vector<ImplementationMatch>& picked) {
    const ImplementationMatch* best = nullptr;
    const ImplementationMatch* best_main = nullptr;
    for (const ImplementationMatch& m : row.scores) {
      if (!best || m.score > best->score) best = &m;
      if (main[m.parent] && (!best_main || m.score > best_main->score)) best_main = &m;
    }
    if (!best || main[best->parent] || !best_main || best->score < options.companion_trigger) return;
    if (best_main->score >= options.companion_share * best->score && best_main->score >= options.companion_min_score)
      add_pick(picked, *best_main);
  };
  std::vector<ImplementationMatch> out;
  std::size_t r = 0;
  while (r < rows.size()) {
    std::size_t r_end = r + 1;
    while (r_end < rows.size() && !rows[r_end].whole) ++r_end;
    // The article as a whole against every national article (whole and part by part): the best
    // and up to two more close to it.
    std::vector<ImplementationMatch> picked = top(rows[r].scores, options.per_article, options.min_score, options.relative);
    // Each segment (a sentence, an item) on its own: its best national article when it clearly
    // reaches it, so that a long local article restating several national ones links to each.
    for (std::size_t i = r + 1; i < r_end; ++i)
      for (const ImplementationMatch& m : top(rows[i].scores, options.per_segment, options.segment_min_score, options.segment_relative))
        add_pick(picked, m);
    for (std::size_t i = r; i < r_end; ++i) main_companion(rows[i], picked);
    if (options.english == EnglishSignal::Rescue)
      for (std::size_t i = r; i < r_end; ++i) english_rescue(rows[i], options, main, picked);
    for (std::size_t i = r; i < r_end; ++i) anchor_rescue(rows[i], options, picked);
    std::stable_sort(picked.begin(), picked.end(), [](const ImplementationMatch& x, const ImplementationMatch& y) { return x.score > y.score; });
    for (ImplementationMatch& m : picked)
      if (!main[m.parent]) m.score /= options.other_law_weight;  // the link keeps the similarity
    out.insert(out.end(), picked.begin(), picked.end());
    r = r_end;
  }
  return out;
}

}  // namespace lawref::links
