#include "search.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "article_record.h"
#include "index_schema.h"
#include "link_graph.h"
#include "provision_format.h"
#include "query_parser.h"
#include "registry.h"
#include "remembered_lengths.h"
#include "remembered_sources.h"
#include "search_batches.h"
#include "search_compiler.h"
#include "search_filters.h"
#include "search_folding.h"
#include "search_headings.h"
#include "search_interleave.h"
#include "search_linked.h"
#include "search_national_ties.h"
#include "search_snippets.h"
#include "search_text.h"
#include "search_term_presence.h"
#include "search_tiers.h"
#include "search_verify.h"
#include "text_folding.h"
#include "utf8.h"

namespace lawref {

using searching::Node;
using u32 = std::u32string;

namespace {

constexpr double kInForceBoost = 2.0;
constexpr double kNationalBoost = 2.0;
// The weight of a question's cue terms (question_cues.h) against the query's own: 1.0 chosen on
// the tuning sets once the provinces had English (0.25, 0.5, 0.75, 1.0, 1.5, 2.0: english.tsv
// MRR 0.877, 0.897, 0.913, 0.913, 0.917, 0.917, recall 0.771 at 2.0; see bench/README.md).
constexpr double kCueWeight = 1.0;
// The weight of an English query's words outside the glossary (search_compiler.h), against its
// concepts': 3.0 chosen on the tuning sets (1, 2, 3, 4, 6, 10: english.tsv MRR 0.904, 0.929,
// 0.942, 0.929, 0.917, 0.912; see bench/README.md).
constexpr double kRankingWordWeight = 3.0;
// How many pages of hits folding reads, within the tiers the page needs, to fill one: 3 (the
// page and the two next). Round five measured 2, 3 and 5 alike (english.tsv recall 0.789, 0.789,
// 0.793) and took 2; since the restatements found past the page are folded (round nine), 3 gives
// english.tsv recall 0.850 -> 0.858, no set lower (bench/README.md, round nine).
constexpr std::size_t kFoldLookahead = 3;
constexpr const char* kNational = "national";  // the jurisdiction of national laws (registry.h)
// The least first batch of a tier, in documents: an article has a document per language, and the
// batch is where the two are added up; an article whose other document falls outside it ranks on
// one language alone. 64 chosen on the tuning sets (32, 40, 48, 56, 64, 96, 128: english.tsv
// recall 0.831, 0.836, 0.836, 0.840, 0.845, 0.845, 0.845; see bench/README.md, round nine).
constexpr std::size_t kFirstBatch = 64;
// A tier's batches end at 32 × (2^k − 1) documents (search_batches.h): 32 (64 with kFirstBatch),
// 96, 224, …; the first three (224 documents, as many as a tier counts before it estimates its
// total) come from one Xapian match. With batches doubling from 64 the count needed a second
// match of 448 (in-process median 1.25 against 0.80 ms, main after round nine's merges).
constexpr std::size_t kBaseBatch = 32;
constexpr std::size_t kBatchesInFirstMatch = 3;
// How near a local hit's weight must be to a national one's for the national article to go first
// in an English query's tier (search_national_ties.h): 2% chosen on the tuning sets (0.5%, 1%,
// 2%, 3%, 5%, 10%: english.tsv recall 0.845, 0.850, 0.850, 0.845, 0.845, 0.831). Chinese queries
// keep their order: applied to them, chinese-2 recall fell 0.892 -> 0.881.
constexpr double kNationalTieTolerance = 0.02;
// A document's weight is scaled by this for each concept it holds only in its division headings
// (search_headings.h): 0.9 chosen on the tuning sets (1, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5:
// english.tsv recall 0.858, 0.858, then 0.866; heldout MRR 0.689, then 0.639 from 0.7 down): the
// least change that reaches the plateau (bench/README.md, round ten).
constexpr double kHeadingOnlyFactor = 0.9;
// How many of the page's first hits draw the articles of liability that cite them (search_linked.h):
// 2 chosen on the tuning sets (1, 2, 3: heldout-6 zh recall 0.940, 0.952, 0.952, nothing else
// moved). Every hit of the page draws its implementers, folded under it: drawn for the first 3
// only, heldout-6 en recall 0.848 and heldout-7 en 0.869 against 0.854 and 0.872 (bench/README.md).
constexpr std::size_t kPenaltyHits = 2;

// en when the query has English words and no Chinese, else zh.
std::string query_language(const QueryNode& q) {
  bool english = false, chinese = false;
  std::function<void(const QueryNode&)> visit = [&](const QueryNode& n) {
    if (n.kind == QueryNode::Kind::Phrase) {
      chinese = chinese || searching::has_cjk(utf8::decode(n.text));
      english = english || searching::is_english(n.text);
    }
    for (const QueryNode& c : n.children) visit(c);
  };
  visit(q);
  return english && !chinese ? schema::kLangEnglish : schema::kLangChinese;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

struct Searcher::Impl {
  IndexStore& store;
  searching::QueryCompiler compiler;
  searching::SearchFilters filters;
  // Whether lawref's remembering posting sources serve this database (set once: it cannot change
  // while open). They keep a memo per sub-database of a local folder (Xapian gives each
  // sub-database's clone its own document ids), so its sub-databases must be told apart; a served
  // index (whose server can only rebuild Xapian's own sources) gets Xapian's.
  const bool remembers;
  // The end dates of the documents the in-force boost has read, for the next matches, a memo per
  // sub-database (remembered_sources_by_shard.h).
  std::shared_ptr<searching::MemoByShard<searching::DocumentMemo>> in_force_memo = std::make_shared<searching::MemoByShard<searching::DocumentMemo>>();
  std::shared_ptr<searching::MemoByShard<searching::PostingMemo>> national_memo =
      std::make_shared<searching::MemoByShard<searching::PostingMemo>>();  // where the national documents are, as learnt
  std::shared_ptr<searching::LengthMemo> lengths = std::make_shared<searching::LengthMemo>();  // the document lengths BM25 has read
  // Each candidate's article id once read (a value lookup per document): candidates recur in a
  // search's tiers and in the searches of one Searcher, and an id cannot change while the database is open.
  std::unordered_map<Xapian::docid, std::string> article_ids;
  LinkGraph link_graph;  // the implements and version links that fold restatements, read law by law
  // The links of the linked step (search_linked.h), by the article they point to, law by law as read.
  std::map<std::string, searching::LinksByArticle> citing, implementing;
  // Whether an article citing a hit is one of liability (its document when it is), as read.
  std::unordered_map<std::string, std::optional<Xapian::Document>> liabilities;
  searching::DivisionHeadings division_headings{store.database()};

  // One document of a tier's batch.
  struct Candidate {
    Xapian::Document doc;
    Xapian::docid did;    // the match's: on several databases, Document::get_docid() is the sub-database's
    std::string_view id;  // into article_ids, which keeps it as long as the Searcher
    double weight;       // the article's: its Chinese and English documents' weights added (in the first batch)
    bool check = false;  // its text must be checked: its index terms do not prove the query
    std::string data;    // its stored article, when read ahead for the check
    double own = 0;      // the document's own weight, of which `weight` is the article's sum (first batch)
  };

  // Marks the candidates whose index terms do not prove `node` (their text is checked), and reads
  // the stored articles of those the batch will check, in docid order: neighbouring documents share
  // the B-tree blocks Xapian reads, and the terms are read with one posting list each
  // (TermPresence), not one per candidate. Decides nothing: what run() checks is the same.
  void read_ahead_for_checks(const Node& node, const std::unordered_set<std::string_view>& matched, std::vector<Candidate>& candidates) {
    std::vector<Xapian::docid> docids;
    for (const Candidate& c : candidates) docids.push_back(c.did);
    const searching::TermPresence presence(node, store.database(), docids);
    std::vector<std::size_t> reads;
    std::unordered_set<std::string_view> first;  // an article's later document is read only if its first fails, when run() reaches it
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      Candidate& c = candidates[k];
      const Xapian::docid did = docids[k];
      c.check = !searching::holds_on_terms(node, [&](const std::string& term) { return presence.has(term, did); });
      if (first.insert(c.id).second && c.check && !matched.count(c.id)) reads.push_back(k);
    }
    std::sort(reads.begin(), reads.end(), [&](std::size_t a, std::size_t b) { return docids[a] < docids[b]; });
    for (const std::size_t k : reads) candidates[k].data = candidates[k].doc.get_data();
  }

  // A hit's document and its tier's words to mark, until the hit is shown (or not).
  struct Unfinished {
    Xapian::Document doc;
    std::shared_ptr<const std::vector<u32>> needles;
  };

  Impl(IndexStore& s, const Glossary& g)
      : store(s),
        compiler(s, g),
        filters(s),
        remembers(store.is_local_folder() && searching::shards_told_apart(store.database())),
        link_graph(s) {}

  SearchResult search(const SearchOptions& options) {
    SearchResult r;
    r.query = options.query;
    QueryParse parsed = parse_query(options.query);
    if (!parsed.ok) {
      r.status = SearchStatus::BadQuery;
      r.error = parsed.error;
      return r;
    }
    const SearchOptions o = filters.read_from_query(parsed, options, r.filters);
    Xapian::Query filter;
    if (!filters.to_query(o, filter, r.error)) {
      r.status = SearchStatus::BadFilter;
      return r;
    }
    Node node;
    std::string error;
    if (!compiler.compile(parsed.root, node, r, error)) {
      r.status = error.empty() && !r.ignored.empty() ? SearchStatus::NoHits : SearchStatus::BadQuery;
      r.error = !error.empty()            ? error
                : !r.ignored.empty()      ? "no word of the query is in the index or the glossary (unknown: " + join(r.ignored) + ")"
                                          : "nothing to search for in the query";
      return r;
    }
    if (store.has_dictionary_words()) searching::boost_with_words(node);
    const std::string query_lang = query_language(parsed.root);

    std::vector<searching::Tier> tiers = searching::make_tiers(node, is_plain_query(parsed.root), store.has_dictionary_words(), compiler, r);
    r.explanation.push_back("query: " + options.query + (query_lang == schema::kLangEnglish ? "  (English: the English text, and the Chinese through the glossary)" : ""));
    for (const std::string& f : r.filters) r.explanation.push_back("filter from the query: " + f);
    for (const std::string& e : r.expansions) r.explanation.push_back("expansion: " + e);
    for (const std::string& w : r.ignored) r.explanation.push_back("ignored (in neither the glossary nor the English text): " + w);
    for (const searching::Tier& tier : tiers) {
      r.explanation.push_back(std::string("tier ") + to_string(tier.mode) + ":");
      searching::describe(tier.node, 1, r.explanation);
    }
    const std::size_t need = o.offset + o.limit;
    // Folding looks past the page within a tier: the national article a local hit restates may
    // rank below it, and every folded hit frees a slot. A further tier runs only while the page,
    // folded, lacks hits.
    const std::size_t wanted = o.fold_restatements ? kFoldLookahead * need : need;
    const auto fold = [&](std::vector<SearchHit> hits) {
      return searching::fold_restatements(std::move(hits), need, [this](const SearchHit& h) { return restated_articles(h); });
    };
    // The page, from the hits of the tiers run so far: interleaved (search_interleave.h), then folded.
    const auto page_of = [&](const std::vector<SearchHit>& h) {
      std::vector<SearchHit> page = searching::interleave_tiers(h, searching::kHitsKeptFirst);
      return o.fold_restatements ? fold(std::move(page)) : page;
    };
    std::unordered_set<std::string_view> seen;  // article ids (article_ids' strings) of the tiers run
    std::vector<SearchHit> hits;
    std::map<std::string, Unfinished> unfinished;  // each hit's document, for the text of the ones shown
    r.total_exact = true;
    // A full page takes one further tier's best hits, once: the first further tier that has any.
    // A tier that adds no article (the words tier of an English query, whose split glossary terms
    // find only the exact tier's articles) does not use up that run.
    bool interleaving_run = false;
    std::optional<std::vector<SearchHit>> page;  // page_of(hits) when the loop stops on a full page
    for (const searching::Tier& tier : tiers) {
      // A full page still takes the next tier's best hits where they outweigh its weakest
      // (search_interleave.h): that tier runs once more, for its first batch; the tiers after the
      // first one that adds hits (a second one changed no labelled page) do not.
      if (!r.tiers.empty() && hits.size() >= need) page = page_of(hits);
      const bool full = page && page->size() >= need;
      if (full && interleaving_run) break;
      page.reset();  // the tier below adds to hits
      const std::size_t before = hits.size();
      const std::size_t tier_need = full ? need : wanted > hits.size() ? wanted - hits.size() : 0;
      const std::size_t tier_page_need = full ? need : need > hits.size() ? need - hits.size() : 0;
      // An English query's concepts matched only through a division heading weigh less
      // (search_headings.h). Chinese queries keep their weights: no Chinese tuning set moved
      // with it, and the decoding it needs is a cost on every query.
      const std::vector<searching::ConceptForms> heading_concepts =
          query_lang == schema::kLangEnglish ? searching::concepts_of(tier.node) : std::vector<searching::ConceptForms>{};
      const auto [count, exact] = run(tier.node, filter, tier_need, tier_page_need, seen, hits, unfinished, heading_concepts, r.work, full);
      for (std::size_t k = before; k < hits.size(); ++k) hits[k].tier = tier.mode;
      interleaving_run = full && hits.size() > before;
      // An English query's near-equal hits: the national article first (search_national_ties.h).
      if (query_lang == schema::kLangEnglish)
        searching::national_before_near_ties(hits, before, [this](const SearchHit& h) {
          const LawInfo* info = store.law(h.law);
          return info && info->is_national();
        }, kNationalTieTolerance);
      r.tiers.push_back({tier.mode, count});
      r.explanation.push_back(std::string("tier ") + to_string(tier.mode) + " matched " + (exact ? "" : "about ") + std::to_string(count) + " more articles");
      r.total += count;
      r.total_exact = r.total_exact && exact;
    }
    r.mode = SearchMode::Exact;
    for (const auto& t : r.tiers)
      if (t.count > 0) {
        r.mode = t.name;
        break;
      }
    hits = page ? std::move(*page) : page_of(hits);
    // Like the relaxed tiers, only for a plain query: operators and quotes ask for what they say.
    if (o.fold_restatements && is_plain_query(parsed.root)) hits = add_linked(std::move(hits), need, filter, unfinished, r);
    if (o.offset < hits.size())
      r.hits.assign(std::make_move_iterator(hits.begin() + static_cast<std::ptrdiff_t>(o.offset)),
                    std::make_move_iterator(hits.begin() + static_cast<std::ptrdiff_t>(std::min(hits.size(), need))));
    for (SearchHit& h : r.hits) finish(h, unfinished.at(h.id), query_lang, r.work);
    if (r.hits.empty() && r.total == 0) r.status = SearchStatus::NoHits;
    return r;
  }

  // Runs one tier of the query: up to `need` hits for articles not in `seen` (which it extends),
  // appended to `hits`. Returns how many articles the tier matches, and whether that is exact.
  // `page_need`, the hits the page itself still lacks (need without folding's look past it), sizes
  // the first batch, whose candidates are ranked by their languages' weights added: a page ranks
  // the same with folding on or off.
  // The hits are bare (bare_hit): `unfinished` keeps what finish() needs to give the ones shown
  // their text. `heading_concepts`: the concepts whose matches through a division heading alone
  // weigh less in the first batch (scale_heading_matches; none: no scaling).
  // `first_batch_only`: a tier run for a full page, which needs only its best hits.
  std::pair<std::size_t, bool> run(const Node& node, const Xapian::Query& filter, std::size_t need, std::size_t page_need,
                                   std::unordered_set<std::string_view>& seen, std::vector<SearchHit>& hits, std::map<std::string, Unfinished>& unfinished,
                                   const std::vector<searching::ConceptForms>& heading_concepts, SearchWork& work, bool first_batch_only = false) {
    Xapian::Query q = searching::candidates(node);
    // The same weights with remembered document lengths (remembered_lengths.h); a served index
    // keeps Xapian's terms, as its server knows no lawref posting source.
    if (remembers) q = searching::with_remembered_lengths(q, store.database(), lengths);
    // What the question asks for (a period, who decides): optional, it only raises what has it.
    if (!node.hint.empty()) q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, node.hint, kCueWeight));
    if (!node.ranking_words.empty())
      q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, node.ranking_words, kRankingWordWeight));
    // Versions still in force rank above superseded ones: a fixed boost, 2.0 chosen on the
    // labelled queries (0.2-0.5 changed nothing, 1.0 and 2.0 raised every set; see bench/README.md).
    q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, in_force_boost());
    // National texts rank above the local regulations that often repeat them word for word
    // (江西 art 36 is 反间谍法 art 25): a fixed boost for national provisions, 2.0 chosen on the
    // labelled queries over core + local (0.5, 1.0, 2.0: zh MRR 0.80, 0.85, 0.87; see bench/README.md).
    q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, national_boost());
    if (!filter.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    Xapian::Enquire enquire(store.database());
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    auto tier_needles = std::make_shared<std::vector<u32>>();
    searching::positive_alternatives(node, *tier_needles);
    const std::vector<u32>& needles = *tier_needles;
    const bool verify = searching::needs_verification(node);
    constexpr std::size_t kVerifyCap = 200;  // candidates checked before the total is estimated from them
    const bool raw_check = searching::checkable_on_stored_data(node, needles);

    // An article has a document per language: the first (best) that passes counts, once.
    std::unordered_set<std::string_view> matched;  // articles of this tier, also those `seen` before
    std::size_t fresh = 0, checked = 0;
    u32 lines, text;  // a checked candidate's, reused
    searching::TierBatches batches(enquire, std::max(page_need * 2, kBaseBatch), first_batch_only ? 1 : kBatchesInFirstMatch, kFirstBatch);
    bool exhausted = false;
    Xapian::doccount estimated = 0;
    while (true) {
      const bool first_batch = batches.first() == 0;
      const searching::TierBatches::Batch batch = batches.next(work.matches);
      work.candidates += batch.size;
      estimated = batch.estimated;
      std::vector<Candidate> candidates;
      for (auto it = batch.begin; it != batch.end; ++it) {
        Xapian::Document doc = it.get_document();
        const std::string& id = article_id(*it, doc);
        candidates.push_back({std::move(doc), *it, id, it.get_weight(), false, {}});
      }
      // The best-ranked candidates, article by article: an article that matches in both its
      // languages (the English words, and the Chinese through the glossary) has both kinds of
      // evidence and ranks by their sum. Later batches only fill up.
      if (first_batch) {
        for (Candidate& c : candidates) c.own = c.weight;
        rank_articles(candidates);
        // The articles that can reach the page are checked for concepts matched only through
        // their headings, and ranked again if any was.
        if (scale_heading_matches(heading_concepts, page_need, candidates, work)) rank_articles(candidates);
      }
      if (verify) read_ahead_for_checks(node, matched, candidates);
      for (const Candidate& candidate : candidates) {
        ++checked;
        const Xapian::Document& doc = candidate.doc;
        const std::string_view id = candidate.id;
        if (matched.count(id)) continue;
        const bool wanted = !seen.count(id) && fresh < need;
        const bool check = candidate.check;
        // The stored article is read only for a check or a hit: past the page, an unverified
        // candidate only counts.
        if (!check && !wanted) {
          matched.insert(id);
          if (!seen.count(id)) ++fresh;
          continue;
        }
        if (check) {
          // Every string of the article, or only its texts (search_snippets.h's units), a line
          // each, folded: folding goes character by character, so line by line is the same.
          decode_article_lines(candidate.data.empty() ? doc.get_data() : candidate.data, raw_check ? ArticleLines::Every : ArticleLines::Texts,
                               lines);
          ++work.decoded;
          ++work.verified;
          text::fold_chars(lines, text);
          if (!searching::matches(node, text)) continue;
        }
        matched.insert(id);
        if (seen.count(id)) continue;
        if (wanted) {
          hits.push_back(bare_hit(std::string(id), candidate.weight));
          unfinished.emplace(std::string(id), Unfinished{doc, tier_needles});
        }
        ++fresh;
      }
      if (batch.last) {
        exhausted = true;
        break;
      }
      // A tier run for a full page (search_interleave.h) wants only its best hits, which the first
      // batch ranks; its count is estimated from that batch.
      if (first_batch_only) break;
      if (fresh >= need && checked >= std::min<std::size_t>(kVerifyCap, estimated)) break;
      if (checked >= 20 * kVerifyCap) break;
    }
    for (const std::string_view id : matched) seen.insert(id);
    if (exhausted || checked == 0) return {fresh, true};
    // Not every candidate was read: estimate the tier's articles from the share that passed.
    const double share = static_cast<double>(fresh) / static_cast<double>(checked);
    return {std::max(fresh, static_cast<std::size_t>(share * static_cast<double>(estimated) + 0.5)), false};
  }

  // The page (of `need` hits) with the provisions the law links to its hits (search_linked.h), each
  // said in the explanation and counted as tier linked. Only a folded page: the implementers fold
  // under their hit. A penalty takes the page's last slot (or its place right below its hit, when
  // lower): placed right below, it pushed a labelled answer down in 7 queries of the tuning sets
  // (queries.tsv MRR 0.909 -> 0.908 en, 0.912 -> 0.911 zh; heldout-7 en 0.798 -> 0.793), at the
  // last slot in none, and one lost its tenth hit (heldout-6 en recall -0.004; bench/README.md).
  std::vector<SearchHit> add_linked(std::vector<SearchHit> page, std::size_t need, const Xapian::Query& filter, std::map<std::string, Unfinished>& unfinished, SearchResult& r) {
    std::map<std::string, Xapian::Document> docs;  // the documents of the articles of liability, read by is_liability
    std::map<std::string, bool> admitted;
    searching::LinkReader reader;
    // The links of `by_law` into an article, the law's links read and indexed by `index_law` on first use.
    const auto links_into = [](std::map<std::string, searching::LinksByArticle>& by_law, const std::string& law, int article, int insertion,
                               const auto& index_law) {
      auto at = by_law.find(law);
      if (at == by_law.end()) at = by_law.emplace(law, index_law()).first;
      const auto links = at->second.find({article, insertion});
      return links == at->second.end() ? searching::LinksInto{} : links->second;
    };
    reader.citing = [this, links_into](const std::string& law, int article, int insertion) {
      return links_into(citing, law, article, insertion, [&] { return searching::internal_links_by_target(link_graph.outgoing(law)); });
    };
    reader.implementing = [this, links_into](const std::string& law, int article, int insertion) {
      return links_into(implementing, law, article, insertion, [&] { return searching::implements_links_by_target(link_graph.incoming(law)); });
    };
    reader.is_national = [this](const std::string& law) {
      const LawInfo* info = store.law(law);
      return info && info->is_national();
    };
    reader.is_liability = [&](const std::string& id) {
      if (const auto at = liabilities.find(id); at != liabilities.end()) {
        if (at->second) docs.emplace(id, *at->second);
        return at->second.has_value();
      }
      std::optional<Xapian::Document>& memo = liabilities[id];
      const std::optional<ProvisionId> p = ProvisionId::parse(id);
      if (!p) return false;
      const std::optional<Xapian::Document> doc = article_document(p->law, p->path.article, p->path.insertion);
      if (!doc) return false;
      const ArticleRecord record = decode_article_record(doc->get_data());
      ++r.work.decoded;
      const u32 headings = division_headings.of(p->law, record.lang).chain(record.article.division);
      if (headings.find(U"法律责任") == u32::npos && headings.find(U"罚则") == u32::npos) return false;
      memo = doc;
      docs.emplace(id, *doc);
      return true;
    };
    reader.admitted = [&](const std::string& law) {
      if (filter.empty()) return true;
      if (const auto at = admitted.find(law); at != admitted.end()) return at->second;
      Xapian::Enquire e(store.database());
      e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(schema::kLaw + law), filter));
      e.set_weighting_scheme(Xapian::BoolWeight());
      return admitted[law] = e.get_mset(0, 1).size() > 0;
    };
    const std::vector<searching::LinkedProvision> linked = searching::linked_provisions(page, kPenaltyHits, need, reader);
    if (linked.empty()) return page;
    page = searching::place_linked(std::move(page), linked, [&](const std::string& id) {
      SearchHit h = bare_hit(id, 0);
      if (const auto at = docs.find(id); at != docs.end()) unfinished.emplace(id, Unfinished{at->second, std::make_shared<const std::vector<u32>>()});
      return h;
    }, need - 1);
    for (const searching::LinkedProvision& l : linked) {
      const SearchHit a = bare_hit(l.id, 0), b = bare_hit(l.to, 0);
      r.explanation.push_back("linked: " + a.citation + " (" + a.citation_en + ") " + (l.by == searching::LinkedBy::Penalty ? "cites " : "implements ") +
                              b.citation + " (" + b.citation_en + ")" +
                              (l.by == searching::LinkedBy::Penalty ? ", a liability for it: placed below it" : ": folded under it"));
    }
    r.tiers.push_back({SearchMode::Linked, linked.size()});
    r.total += linked.size();
    return page;
  }

  // The stored document of an article (its Chinese one when it has one), or none.
  std::optional<Xapian::Document> article_document(const std::string& law, int number, int insertion) {
    Article a;
    a.number = number;
    a.insertion = insertion;
    const std::string key = article_key(law, a);
    const Xapian::Query article(Xapian::Query::OP_FILTER, Xapian::Query(schema::kLaw + law), Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotId, key, key));
    Xapian::Enquire e(store.database());
    e.set_weighting_scheme(Xapian::BoolWeight());
    e.set_sort_by_value(schema::kSlotId, false);  // no relevance to compute
    for (const Xapian::Query& q : {Xapian::Query(Xapian::Query::OP_FILTER, article, Xapian::Query(std::string(schema::kLang) + schema::kLangChinese)), article}) {
      e.set_query(q);
      const Xapian::MSet m = e.get_mset(0, 1);
      if (!m.empty()) return m.begin().get_document();
    }
    return std::nullopt;
  }

  // A first batch's candidates ranked by article: each weighs its article's documents' own
  // weights added.
  static void rank_articles(std::vector<Candidate>& candidates) {
    std::unordered_map<std::string_view, double> sum;
    for (const Candidate& c : candidates) sum[c.id] += c.own;
    for (Candidate& c : candidates) c.weight = sum[c.id];
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
  }

  // The documents of the first `articles` articles of a ranked first batch that hold a concept of
  // the query only in their division headings weigh less (search_headings.h); returns whether
  // any did. Only the documents of laws whose headings hold a concept are read; their stored
  // articles are kept for the text checks. Articles further down are not read: scaling only
  // lowers a weight, and reading every candidate cost English queries 1.37x in process (the
  // page's articles only: 1.1x; bench/README.md, round ten).
  bool scale_heading_matches(const std::vector<searching::ConceptForms>& concepts, std::size_t articles, std::vector<Candidate>& candidates,
                             SearchWork& work) {
    if (kHeadingOnlyFactor >= 1.0 || concepts.empty()) return false;
    searching::HeadingConcepts in_headings(division_headings, concepts);
    std::unordered_set<std::string_view> ranked;  // the articles reached
    bool scaled = false;
    u32 text;
    for (Candidate& c : candidates) {
      if (ranked.insert(c.id).second && ranked.size() > articles) break;
      const std::string law(c.id.substr(0, c.id.find("/art")));
      if (!in_headings.law_holds_any(law)) continue;
      if (c.data.empty()) c.data = c.doc.get_data();
      const ArticleRecord record = decode_article_record(c.data);
      ++work.decoded;
      const std::vector<std::size_t>& held = in_headings.held(law, record.lang, record.article.division);
      if (held.empty()) continue;
      std::string own_text;  // the article's paragraphs and items, a line each (search_snippets.h)
      for (const searching::TextUnit& u : searching::text_units(record.article)) own_text += *u.text + '\n';
      text::fold_chars(utf8::decode(own_text), text);
      const std::size_t only_in_headings = searching::concepts_only_in_headings(concepts, held, text);
      c.own = searching::heading_scaled_weight(c.own, only_in_headings, kHeadingOnlyFactor);
      scaled = scaled || only_in_headings > 0;
    }
    return scaled;
  }

  // The national articles a local hit restates: the targets of its implements links, and the
  // later versions of each (a link to CEL (2014) art 25 also folds under CEL art 25).
  std::vector<std::string> restated_articles(const SearchHit& h) {
    std::vector<std::string> out;
    const LawInfo* info = store.law(h.law);
    if (!info || info->is_national()) return out;
    const auto is_article = [](const ProvisionPath& p, int article, int insertion) { return p.article == article && p.insertion == insertion; };
    for (const links::Link& l : link_graph.outgoing(h.law)) {
      if (l.kind != links::LinkKind::Implements || !is_article(l.from.path, h.article, h.insertion) || l.to.path.article == 0) continue;
      const LawInfo* target = store.law(l.to.law);
      if (!target || !target->is_national()) continue;
      out.push_back(ProvisionId{l.to.law, article_path(l.to.path)}.str());
      for (const links::Link& v : link_graph.outgoing(l.to.law))
        if (v.kind == links::LinkKind::Version && is_article(v.from.path, l.to.path.article, l.to.path.insertion) && v.to.path.article != 0)
          out.push_back(ProvisionId{v.to.law, article_path(v.to.path)}.str());
    }
    return out;
  }

  // A document's provision id (cel-2023/art14), from its article key (law key, then the article's
  // number): the law through the index's law keys.
  const std::string& article_id(Xapian::docid did, const Xapian::Document& doc) {
    if (const auto at = article_ids.find(did); at != article_ids.end()) return at->second;
    const std::string key = doc.get_value(schema::kSlotId);
    const std::string& law = key.size() > kLawKeyBytes ? store.law_of(key) : key;
    std::string id = law.empty() || law == key ? key : law + "/art" + key.substr(kLawKeyBytes);  // an unknown key stays itself
    return article_ids.emplace(did, std::move(id)).first->second;
  }

  // The boost of versions in force: a source that remembers the end dates it read (remembers).
  Xapian::Query in_force_boost() {
    if (remembers)
      return Xapian::Query((new searching::RememberedValueSource(schema::kSlotUntil, schema::kStillInForce, kInForceBoost, in_force_memo))->release());
    auto* current = new Xapian::ValueMapPostingSource(schema::kSlotUntil);
    current->add_mapping(schema::kStillInForce, kInForceBoost);
    return Xapian::Query(current->release());
  }

  // The boost of national provisions, likewise.
  Xapian::Query national_boost() {
    const std::string term = std::string(schema::kJurisdiction) + kNational;
    if (remembers) return Xapian::Query((new searching::RememberedTermSource(term, kNationalBoost, national_memo))->release());
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query((new Xapian::FixedWeightPostingSource(kNationalBoost))->release()), Xapian::Query(term));
  }

  // A hit's id, article, citations and score, from its article id alone: enough to rank and fold
  // it; finish() adds the text of the ones shown.
  SearchHit bare_hit(const std::string& article_id, double weight) {
    SearchHit h;
    h.id = article_id;
    h.score = weight;
    if (const std::optional<ProvisionId> p = ProvisionId::parse(article_id)) {
      h.law = p->law;
      h.article = p->path.article;
      h.insertion = p->path.insertion;
      if (const LawInfo* info = store.law(h.law)) {
        h.citation = citation_zh(*info, article_path(p->path));
        h.citation_en = citation_en(*info, article_path(p->path));
        h.title = info->title_zh;
      }
    }
    return h;
  }

  // The language and snippet of a hit shown, from its stored article.
  void finish(SearchHit& h, const Unfinished& u, const std::string& query_lang, SearchWork& work) {
    const ArticleRecord record = decode_article_record(u.doc.get_data());
    ++work.decoded;
    const std::vector<searching::TextUnit> units = searching::text_units(record.article);
    const std::vector<u32>& needles = *u.needles;
    h.lang = record.lang;
    searching::Snippet s = searching::make_snippet(units, needles);
    // The snippet speaks the query's language when the article has text in it: an English
    // query that matched the Chinese through the glossary shows the English text.
    if (h.lang != query_lang) {
      if (const LawText* other = store.text(h.law, query_lang)) {
        if (const Article* oa = other->find_article(record.article.number, record.article.insertion)) {
          const std::vector<searching::TextUnit> other_units = searching::text_units(*oa);
          std::vector<u32> other_needles;
          for (const u32& n : needles)
            if (searching::has_cjk(n) == (query_lang == schema::kLangChinese)) other_needles.push_back(n);
          searching::Snippet o = searching::make_snippet(other_units, other_needles);
          if (o.score > 0 || s.score == 0) {
            s = std::move(o);
            h.lang = query_lang;
          }
        }
      }
    }
    h.snippet = s.text;
    h.paragraph = s.paragraph;
    if (h.lang != schema::kLangChinese)
      if (const LawText* t = store.text(h.law, h.lang)) h.translation = t->translation;
  }
};

Searcher::Searcher(IndexStore& store, const Glossary& glossary) : impl_(std::make_unique<Impl>(store, glossary)) {}
Searcher::~Searcher() = default;
SearchResult Searcher::search(const SearchOptions& options) { return impl_->search(options); }

}  // namespace lawref
