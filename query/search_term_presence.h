// Which of a batch of candidates hold a query's proving terms (Node::proving_terms), read with one
// posting list per term walked in docid order. Asking the index document by document (as
// holds_on_terms does) opens a posting list, a B-tree descent, for every candidate and term.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

#include "search_node.h"

namespace lawref::searching {

class TermPresence {
 public:
  // For the proving terms of `n` and the documents `docids` (any order, repeats allowed).
  TermPresence(const Node& n, const Xapian::Database& db, std::vector<Xapian::docid> docids);
  // Whether `did`, one of the documents given, has `term`, one of the node's proving terms.
  bool has(const std::string& term, Xapian::docid did) const;

 private:
  std::unordered_map<std::string, std::vector<Xapian::docid>> holders_;  // by term: the documents given that have it, sorted
};

}  // namespace lawref::searching
