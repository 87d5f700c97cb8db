// Which national provisions a local regulation (or a departmental rule, or implementing rules)
// restates or details, by content: each local article whole and sentence by sentence against
// every article, paragraph and item of the laws it implements, all parents ranked together, the
// laws its title names first. Similarity: article_alignment.h.
#pragma once
#include <cstdint>
#include <cstddef>
#include <string>
#include <vector>

#include "model.h"

namespace lawref::links {

class PreparedParents;  // implementation_alignment_parents.h

// How lawref's English translation (EnglishTexts) counts where a local unit and a national unit
// both have one. Rescue: only to accept a candidate the Chinese ranks high but under its floors
// (ImplementationOptions::english_rescue_*). Max: their score is the higher of the Chinese and
// english_weight × the English (measured and not the default: it adds as many wrong pairs as
// right ones). Off: the Chinese alone.
enum class EnglishSignal { Off, Rescue, Max };

// Thresholds chosen on the labelled pairs of tests/data/alignment (tuned on cq-cer-2023,
// mss-precautions-2021, shanghai-ceprec-2021 and sichuan-ceprec-2019; jiangxi-cer-2024,
// shaanxi-ceprec-2021 and heilongjiang-ceprec-2019 held out): see bench/README.md.
struct ImplementationOptions {
  double min_score = 0.20;        // below this, two provisions merely share vocabulary
  double relative = 0.50;         // a further candidate needs at least this share of the best
  std::size_t per_article = 3;    // at most this many national provisions per local article as a whole
  std::size_t min_part_chars = 10;  // shorter paragraphs, items and segments are compared only as part of their article
  // Left out of the Chinese compared (implementation_alignment_text.h): approval conditions (经…批准,
  // both sides), and on the local side the inner pieces of a clause listing at least
  // list_min_pieces things between 、 (a local list of its own departments; 0: lists kept).
  // Recall rose only with both (bench/README.md, round seven): alone, the cut list left MSS art 23
  // closest to the 2014 law's seizure article through the approval formula they share.
  bool drop_approval_clauses = true;
  std::size_t list_min_pieces = 8;
  // Each segment of a local article (a sentence, an item, one written inline) also links to its
  // own best national provisions: at most this many, each at least this alike and this share of
  // the segment's best. A segment is short, so it needs a higher score than a whole article.
  double segment_min_score = 0.30;
  double segment_relative = 0.80;
  std::size_t per_segment = 2;
  // The parents the local text mainly implements are those its title names (重庆市反间谍工作条例:
  // the 反间谍法 and its rules, not the NSL). The others' scores count this much in the ranking;
  // and an article or segment whose best is another law's article (from companion_trigger on)
  // also links to its best in a main law when that reaches companion_share of it and
  // companion_min_score. Nothing changes when the title names none or all of the parents.
  double other_law_weight = 0.80;
  double companion_trigger = 0.20;
  double companion_share = 0.40;
  double companion_min_score = 0.10;
  // The English word stems' similarity (idf over the same texts) as a second opinion. Rescue:
  // a row's candidate among the Chinese's first english_rescue_rank, from english_rescue_min_score
  // (the floors above did not pick it), is linked too when it is also the row's first in English and its
  // English similarity reaches english_rescue_floor (the English scores run about twice the
  // Chinese for the same pairs: bench/README.md, round six). Both rankings weigh other laws alike;
  // with english_rescue_agreement, a candidate both rankings put first meets the two floors with
  // its similarities unweighed (the agreement outweighs the title's preference: round eight).
  EnglishSignal english = EnglishSignal::Rescue;
  std::size_t english_rescue_rank = 2;
  double english_rescue_min_score = 0.10;
  double english_rescue_floor = 0.45;
  bool english_rescue_agreement = true;
  double english_weight = 0.5;  // EnglishSignal::Max only
  // A phrase shared with the national article that first uses it (implementation_alignment_anchors.h):
  // a row's first national article in Chinese (weighed as above) from anchor_min_score is linked
  // when the row's longest such phrase, of at least anchor_min_chars characters, is that
  // article's and no other's (0: off); the phrase's every four-character gram is in at most
  // anchor_max_articles articles of its law. Round nine: right pairs share 9 to 16 characters so,
  // wrong ones mostly 8 or fewer: at 10 MSS art 23 is lost, at 8 上海 and 四川 gain a wrong pair each.
  std::size_t anchor_min_chars = 9;
  std::size_t anchor_max_articles = 5;  // a phrase's every gram in at most this many articles of its law
  double anchor_min_score = 0.10;
  // ... and when the English, an independent signal, ranks that article among the row's first
  // anchor_english_rank national articles (0: not asked). Without it the phrase alone linked
  // 3,312 more pairs on lawrefbook, whose texts have no English, and a reading of ten of them found
  // six wrong: rare in one law, a phrase can still be a formula of many (依照有关法律、行政法规的规定).
  std::size_t anchor_english_rank = 3;
};

// lawref's English translations of the local text and of each parent, where there is one (null
// where not; `parents` in the parents' order, shorter or empty when the last have none).
struct EnglishTexts {
  const LawText* local = nullptr;
  std::vector<const LawText*> parents;
};

// One local article and the national provision it restates or details: the national article,
// or one of its paragraphs or items when that part alone is what the local article matches.
// Every row keeps one per national article (a heavy pair: about a million), so it is packed in 32
// bytes: 32-bit indices, and the English similarity as the float it is computed in.
struct ImplementationMatch {
  std::uint32_t from = 0;    // local article index
  std::uint32_t parent = 0;  // index into the parents
  std::uint32_t to = 0;      // article index in that parent
  int paragraph = 0;         // 1-based paragraph of that article, 0: the whole article
  int item = 0;              // item number in that paragraph, 0: the whole paragraph
  // The similarity of their English word stems (the national article's best unit), -1 where
  // either side has no English; align_implementation combines it with `score` as the options say.
  float english = -1;
  double score = 0;
};
static_assert(sizeof(ImplementationMatch) == 32);

// Local article -> national provisions by similarity, every parent law's candidates ranked
// together, the laws the local title names first (ImplementationOptions::other_law_weight). Each national article is compared whole and part by part (paragraphs, items): a
// local article often restates one paragraph of a long national one. Each local article is
// compared whole (its best few national provisions), then sentence by sentence and item by item
// (each segment's own best, when clearly alike): a list of duties restates several national
// articles, one per item. Boilerplate implements nothing and is left out: commencement clauses
// (本条例自…施行), legal-basis clauses (根据《…》…制定本条例, cut from the purpose sentence), scope
// clauses (…适用本条例) and references to other laws' penalties (…从其规定); so are approval
// conditions (经…批准) and a local clause's long list of named bodies or things
// (ImplementationOptions::drop_approval_clauses, list_min_pieces).
// `shared`: the parents' units prepared once for all the alignments that use them (null: each
// prepared here); the result is the same.
std::vector<ImplementationMatch> align_implementation(const LawText& local, const std::vector<const LawText*>& parents,
                                                      const ImplementationOptions& options = {}, const EnglishTexts* english = nullptr,
                                                      PreparedParents* shared = nullptr);

// What align_implementation chooses from: one local article whole, or one of its segments, and
// its score against every national article (that article's best unit), in the parents' order.
// Public so that a choice can be explained (bench/alignment_explain).
struct ImplementationRow {
  std::size_t from = 0;  // local article index
  bool whole = true;     // the whole article (first of its rows), else one sentence or item
  std::u32string text;   // as compared
  std::vector<ImplementationMatch> scores;
  // The row's longest phrase that one national article first uses (ImplementationOptions::
  // anchor_min_chars): that article's index in `scores`, and the phrase's length (0: none, or a tie).
  std::size_t anchor = 0;
  std::size_t anchor_chars = 0;
};
std::vector<ImplementationRow> implementation_scores(const LawText& local, const std::vector<const LawText*>& parents,
                                                    const ImplementationOptions& options = {}, const EnglishTexts* english = nullptr,
                                                    PreparedParents* shared = nullptr);

// Tells `shared` that one alignment of a local text with `parents` (and `english`, as it will be
// given to align_implementation) is to come.
void expect_alignment(PreparedParents& shared, const std::vector<const LawText*>& parents, const EnglishTexts* english);

// Per parent: whether the local text mainly implements it (its title names the parent's).
std::vector<bool> mainly_implemented(const LawText& local, const std::vector<const LawText*>& parents);

}  // namespace lawref::links
