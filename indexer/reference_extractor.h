// Finds the references a statute's own text makes, provision by provision:
//   本法第二十一条   本法第四十一条第二款   本办法第十一条、第十二条   第三条至第五条
//   本条第一款   第一款   前款   前两款   前款第（一）项   前项
//   《中华人民共和国网络安全法》   《反间谍法》第八条   刑法第一百一十条 (a known name unbracketed)
// and 《X》(以下简称《Y》), after which Y means X. Each reference keeps the exact phrase
// that made it and where it stands; resolving names to laws is link_builder's job.
#pragma once
#include <string>
#include <string_view>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "model.h"
#include "provision_id.h"

namespace lawref::links {

struct Reference {
  ProvisionId from;         // the paragraph, item or sub-item whose text holds the phrase
  std::size_t offset = 0;   // in characters, from the start of that text
  std::string evidence;     // the phrase as written: 本法第二十一条, 前两款, 《中华人民共和国数据安全法》
  int line = 0;             // source line of the article's heading (0 when unknown)
  bool self = false;        // the citing law itself (本法, 前款, a bare 第N条)
  std::string law_name;     // otherwise the law as named (brackets removed, 以下简称 expanded)
  ProvisionPath target;     // article 0: the whole law
  // For a bare 第N条: the other law the same text named last (刑法第三百八十二条…；第三百八十三条…),
  // in case the citing law has no such article.
  std::string context_law;
};

// Law names the text may use without 《》 (刑法, 国家安全法): short names and titles of known
// laws, folded. Two-character names are only matched when they end in 法 (刑法, 宪法).
class KnownNames {
 public:
  void add(std::string_view name);
  // Length in characters of the longest known name ending at `end` in `s` (folded), else 0.
  std::size_t longest_ending_at(std::u32string_view s, std::size_t end) const;
  bool empty() const { return nodes_.size() == 1; }

 private:
  // The names spelt backwards as a trie: a lookup walks back from `end` one character at a
  // time, where it built and hashed a string for every length up to the longest name (60).
  // Node 0 is the root; an edge is keyed by its parent node and character.
  struct Node {
    bool name_ends = false;  // the path from the root, read backwards, is a known name
  };
  static std::uint64_t edge_key(std::uint32_t node, char32_t c) { return (std::uint64_t{node} << 21) | c; }
  std::vector<Node> nodes_ = std::vector<Node>(1);
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;
};

std::vector<Reference> extract_references(const LawText& law, const KnownNames& names);

}  // namespace lawref::links
