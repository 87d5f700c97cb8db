// libFuzzer target: any bytes as a search query. The parser must never crash or hang, must
// give exactly one of a tree and an error, and a tree must have no empty operator.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "query_parser.h"

namespace {

void check(const lawref::QueryNode& n, int depth) {
  if (depth > 10000) std::abort();
  if (n.kind != lawref::QueryNode::Kind::Phrase && n.children.empty()) std::abort();
  if (n.kind == lawref::QueryNode::Kind::Not && n.children.size() != 1) std::abort();
  for (const lawref::QueryNode& c : n.children) check(c, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const lawref::QueryParse p = lawref::parse_query(input);
  if (p.ok == !p.error.empty()) std::abort();  // exactly one of a tree and an error
  if (p.ok) {
    check(p.root, 0);
    (void)lawref::positive_phrases(p.root);
  }
  return 0;
}
