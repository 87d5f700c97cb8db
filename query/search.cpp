#include "search.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "article_record.h"
#include "index_schema.h"
#include "provision_format.h"
#include "query_parser.h"
#include "registry.h"
#include "remembered_sources.h"
#include "search_compiler.h"
#include "search_filters.h"
#include "search_snippets.h"
#include "search_text.h"
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
constexpr const char* kNational = "national";  // the jurisdiction of national laws (registry.h)

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
  // The end dates of the documents the in-force boost has read, for the next matches.
  std::shared_ptr<searching::DocumentMemo> in_force_memo = std::make_shared<searching::DocumentMemo>();
  std::shared_ptr<searching::DocumentMemo> national_memo = std::make_shared<searching::DocumentMemo>();  // the national documents it read
  // Each candidate's article id once read (a value lookup per document): candidates recur in a
  // search's tiers and in the searches of one Searcher, and an id cannot change while the database is open.
  std::unordered_map<Xapian::docid, std::string> article_ids;

  Impl(IndexStore& s, const Glossary& g) : store(s), compiler(s, g), filters(s) {}

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
    std::set<std::string> seen;
    std::vector<SearchHit> hits;
    r.total_exact = true;
    for (const searching::Tier& tier : tiers) {
      if (hits.size() >= need && !r.tiers.empty()) break;
      const std::size_t before = hits.size();
      const auto [count, exact] = run(tier.node, filter, query_lang, need > hits.size() ? need - hits.size() : 0, seen, hits, r.work);
      for (std::size_t k = before; k < hits.size(); ++k) hits[k].tier = tier.mode;
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
    if (o.offset < hits.size())
      r.hits.assign(std::make_move_iterator(hits.begin() + static_cast<std::ptrdiff_t>(o.offset)),
                    std::make_move_iterator(hits.begin() + static_cast<std::ptrdiff_t>(std::min(hits.size(), need))));
    if (r.hits.empty() && r.total == 0) r.status = SearchStatus::NoHits;
    return r;
  }

  // Runs one tier of the query: up to `need` hits for articles not in `seen` (which it extends),
  // appended to `hits`. Returns how many articles the tier matches, and whether that is exact.
  std::pair<std::size_t, bool> run(const Node& node, const Xapian::Query& filter, const std::string& query_lang, std::size_t need,
                                   std::set<std::string>& seen, std::vector<SearchHit>& hits, SearchWork& work) {
    Xapian::Query q = searching::candidates(node);
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
    std::vector<u32> needles;
    searching::positive_alternatives(node, needles);
    const bool verify = searching::needs_verification(node);
    constexpr std::size_t kVerifyCap = 200;  // candidates checked before the total is estimated from them
    const bool raw_check = searching::checkable_on_stored_data(node, needles);

    // An article has a document per language: the first (best) that passes counts, once.
    std::set<std::string> matched;  // articles of this tier, also those `seen` before
    std::size_t fresh = 0, checked = 0, first = 0;
    std::size_t batch = std::max<std::size_t>(need * 2, 32);
    bool exhausted = false;
    Xapian::doccount estimated = 0;
    struct Candidate {
      Xapian::Document doc;
      std::string id;
      double weight;  // the article's: its Chinese and English documents' weights added (in the first batch)
    };
    while (true) {
      const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(first), static_cast<Xapian::doccount>(batch));
      ++work.matches;
      work.candidates += mset.size();
      estimated = mset.get_matches_estimated();
      std::vector<Candidate> candidates;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document doc = it.get_document();
        std::string id = article_id(*it, doc);
        candidates.push_back({std::move(doc), std::move(id), it.get_weight()});
      }
      // The best-ranked candidates, article by article: an article that matches in both its
      // languages (the English words, and the Chinese through the glossary) has both kinds of
      // evidence and ranks by their sum. Later batches only fill up.
      if (first == 0) {
        std::map<std::string, double> sum;
        for (const Candidate& c : candidates) sum[c.id] += c.weight;
        for (Candidate& c : candidates) c.weight = sum[c.id];
        std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
      }
      for (const Candidate& candidate : candidates) {
        ++checked;
        const Xapian::Document& doc = candidate.doc;
        const std::string& id = candidate.id;
        if (matched.count(id)) continue;
        const bool wanted = !seen.count(id) && fresh < need;
        // A candidate whose own index terms prove the query needs no look at its text.
        const bool check = verify && !searching::holds_on_terms(node, store.database(), doc.get_docid());
        // The stored article is read only for a check or a hit: past the page, an unverified
        // candidate only counts.
        if (!check && !wanted) {
          matched.insert(id);
          if (!seen.count(id)) ++fresh;
          continue;
        }
        const ArticleRecord record = decode_article_record(doc.get_data());
        ++work.decoded;
        if (check) ++work.verified;
        const Article& article = record.article;
        if (check && raw_check) {
          u32 folded;
          text::fold_chars(utf8::decode(article_strings(article)), folded);
          if (!searching::matches(node, folded)) continue;
        }
        std::vector<searching::TextUnit> units;
        if (wanted || (check && !raw_check)) units = searching::text_units(article);
        if (check && !raw_check) {
          u32 all;
          for (const searching::TextUnit& u : units) {
            u32 f;
            text::fold_chars(utf8::decode(*u.text), f);
            all += f;
            all.push_back(U'\n');
          }
          if (!searching::matches(node, all)) continue;
        }
        matched.insert(id);
        if (seen.count(id)) continue;
        if (wanted) hits.push_back(hit(store.law_of(id), record, units, needles, candidate.weight, query_lang));
        ++fresh;
      }
      if (mset.size() < batch) {
        exhausted = true;
        break;
      }
      if (fresh >= need && checked >= std::min<std::size_t>(kVerifyCap, estimated)) break;
      if (checked >= 20 * kVerifyCap) break;
      first += batch;
      batch *= 2;
    }
    for (const std::string& id : matched) seen.insert(id);
    if (exhausted || checked == 0) return {fresh, true};
    // Not every candidate was read: estimate the tier's articles from the share that passed.
    const double share = static_cast<double>(fresh) / static_cast<double>(checked);
    return {std::max(fresh, static_cast<std::size_t>(share * static_cast<double>(estimated) + 0.5)), false};
  }

  const std::string& article_id(Xapian::docid did, const Xapian::Document& doc) {
    if (const auto at = article_ids.find(did); at != article_ids.end()) return at->second;
    return article_ids.emplace(did, doc.get_value(schema::kSlotId)).first->second;
  }

  // The boost of versions in force: a source that remembers the end dates it read, for an index in
  // a local folder; Xapian's own for a served one, whose server can only rebuild its own sources.
  Xapian::Query in_force_boost() {
    if (store.is_local_folder())
      return Xapian::Query((new searching::RememberedValueSource(schema::kSlotUntil, schema::kStillInForce, kInForceBoost, in_force_memo))->release());
    auto* current = new Xapian::ValueMapPostingSource(schema::kSlotUntil);
    current->add_mapping(schema::kStillInForce, kInForceBoost);
    return Xapian::Query(current->release());
  }

  // The boost of national provisions, likewise.
  Xapian::Query national_boost() {
    const std::string term = std::string(schema::kJurisdiction) + kNational;
    if (store.is_local_folder()) return Xapian::Query((new searching::RememberedTermSource(term, kNationalBoost, national_memo))->release());
    return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query((new Xapian::FixedWeightPostingSource(kNationalBoost))->release()), Xapian::Query(term));
  }

  SearchHit hit(const std::string& law, const ArticleRecord& record, const std::vector<searching::TextUnit>& units, const std::vector<u32>& needles, double weight,
                const std::string& query_lang) {
    const Article& a = record.article;
    SearchHit h;
    h.law = law;
    h.article = a.number;
    h.insertion = a.insertion;
    h.id = ProvisionId{h.law, article_path(a)}.str();
    h.score = weight;
    if (const LawInfo* info = store.law(h.law)) {
      h.citation = citation_zh(*info, article_path(a));
      h.citation_en = citation_en(*info, article_path(a));
      h.title = info->title_zh;
    }
    h.lang = record.lang;
    searching::Snippet s = searching::make_snippet(units, needles);
    // The snippet speaks the query's language when the article has text in it: an English
    // query that matched the Chinese through the glossary shows the English text.
    if (h.lang != query_lang) {
      if (const LawText* other = store.text(h.law, query_lang)) {
        if (const Article* oa = other->find_article(a.number, a.insertion)) {
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
    return h;
  }
};

Searcher::Searcher(IndexStore& store, const Glossary& glossary) : impl_(std::make_unique<Impl>(store, glossary)) {}
Searcher::~Searcher() = default;
SearchResult Searcher::search(const SearchOptions& options) { return impl_->search(options); }

}  // namespace lawref
