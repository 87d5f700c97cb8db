// Provisions the law itself links to the page's best hits, brought onto the page though they share
// no word with the query. A lawyer asking about a duty wants its sanction beside it: CEL art 58
// (违反本法第四十一条规定的 …) is the consequence of art 41's decryption duty, and says nothing of
// decryption. And a provincial article that implements a national hit (an implements link,
// indexer/links.h) answers the same question for its province: Chongqing art 17 implements CEL
// art 21's building permits near military facilities in other words.
//   penalty     an article of liability (in a 法律责任 or 罚则 division) of the hit's own law that
//               cites it: a hit of its own, placed below the hit it cites
//   implements  a local article with an implements link to a national hit: folded under the hit,
//               as the restatements found among the hits are (search_folding.h)
// Only the first hits of the page draw penalties, which take a slot of the page.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <utility>
#include <string>
#include <vector>

#include "links.h"
#include "search_types.h"

namespace lawref::searching {

enum class LinkedBy { Penalty, Implements };

struct LinkedProvision {
  std::string id;  // the linked article (cel-2023/art58)
  std::string to;  // the article of the page it is linked to (cel-2023/art41)
  LinkedBy by = LinkedBy::Penalty;
  bool operator==(const LinkedProvision&) const = default;
};

// What the rule reads of the index: given as functions, so that a test can give it a small law.
using LinksInto = std::vector<const links::Link*>;
struct LinkReader {
  // The internal links of `law` into its article `article` (insertion `insertion`), from any part of another article.
  std::function<LinksInto(const std::string& law, int article, int insertion)> citing;
  // The implements links from other laws into that article.
  std::function<LinksInto(const std::string& law, int article, int insertion)> implementing;
  std::function<bool(const std::string& law)> is_national;
  std::function<bool(const std::string& article_id)> is_liability;  // an article of a 法律责任 (罚则) division
  std::function<bool(const std::string& law)> admitted;              // the search's filters admit the law
};

// The links of `law` (outgoing: its own; incoming: from other laws) by the article they point to:
// the internal ones into each of its articles (outgoing) or the implements ones (incoming).
using LinksByArticle = std::map<std::pair<int, int>, LinksInto>;
LinksByArticle internal_links_by_target(const std::vector<links::Link>& outgoing);
LinksByArticle implements_links_by_target(const std::vector<links::Link>& incoming);

// The provisions linked to the hits of `page` (ranked, folded), none of them already on the page
// (as a hit or under one): for each of the first `implemented` hits in order, the articles of
// liability that cite it (of the first `penalized` hits only), then (for a national hit) the local
// articles that implement it. The implementers of a penalty found here are looked for too: the
// provincial penalty restating CEL art 58 folds under it.
std::vector<LinkedProvision> linked_provisions(const std::vector<SearchHit>& page, std::size_t penalized, std::size_t implemented, const LinkReader& reader);

// `page` with the linked provisions in place: each penalty a hit (tier Linked, linked_to the hit
// it cites, made by `make_hit`) right below the hit it cites and its earlier penalties, but no
// higher than position `slot` (0-based; 0: right below), its own implementers folded under it;
// each implementer a restatement (linked) of its hit.
using MakeHit = std::function<SearchHit(const std::string& id)>;
std::vector<SearchHit> place_linked(std::vector<SearchHit> page, const std::vector<LinkedProvision>& linked, const MakeHit& make_hit, std::size_t slot);

}  // namespace lawref::searching
