#include "search_term_presence.h"

#include <algorithm>

namespace lawref::searching {
namespace {

void proving_terms(const Node& n, std::vector<std::string>& out) {
  if (n.kind == Node::Kind::Leaf && n.verify) out.insert(out.end(), n.proving_terms.begin(), n.proving_terms.end());
  for (const Node& c : n.children) proving_terms(c, out);
}

}  // namespace

TermPresence::TermPresence(const Node& n, const Xapian::Database& db, std::vector<Xapian::docid> docids) {
  std::sort(docids.begin(), docids.end());
  docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
  std::vector<std::string> terms;
  proving_terms(n, terms);
  for (const std::string& term : terms) {
    if (holders_.count(term)) continue;
    std::vector<Xapian::docid>& have = holders_[term];
    Xapian::PostingIterator p = db.postlist_begin(term);
    const Xapian::PostingIterator end = db.postlist_end(term);
    for (const Xapian::docid did : docids) {
      p.skip_to(did);
      if (p == end) break;
      if (*p == did) have.push_back(did);
    }
  }
}

bool TermPresence::has(const std::string& term, Xapian::docid did) const {
  const auto at = holders_.find(term);
  return at != holders_.end() && std::binary_search(at->second.begin(), at->second.end(), did);
}

}  // namespace lawref::searching
