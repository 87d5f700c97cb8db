// Stable provision ids, independent of file paths:
//   <law>/art<N>[-<K>][/para<P>[/item<I>[/sub<S>]]]
//   cel-2023/art4/para1/item3    nsl-2015/art77/para1    cel-2023/art20-1 (第二十条之一)
// and their Akoma Ntoso eId counterparts (art_4__para_1__point_3, art_20-1).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model.h"

namespace lawref {

struct ProvisionPath {
  int article = 0;
  int insertion = 0;  // 之一 -> 1
  int paragraph = 0;  // 0: the whole article
  int item = 0;       // 0: the whole paragraph
  int subitem = 0;    // 0: the whole item
  bool operator==(const ProvisionPath&) const = default;
};

// The whole article: of an article, or holding a paragraph, item or sub-item.
inline ProvisionPath article_path(const Article& a) { return {a.number, a.insertion, 0, 0, 0}; }
inline ProvisionPath article_path(const ProvisionPath& p) { return {p.article, p.insertion, 0, 0, 0}; }

struct ProvisionId {
  std::string law;
  ProvisionPath path;
  bool operator==(const ProvisionId&) const = default;

  std::string str() const;  // just the law id when article is 0 (the whole law)
  // Accepts exactly the provision form str() produces (not a bare law id); nullopt otherwise.
  static std::optional<ProvisionId> parse(std::string_view id);
};

// True when `law` has that provision. A 项 with no 款 (第三十条第一项) is looked for in every 款.
bool has_provision(const LawText& law, const ProvisionPath& path);

// Law ids: lower-case ASCII letters, digits and single inner hyphens (cel-2023).
bool is_valid_law_id(std::string_view id);

std::string article_key(int number, int insertion);  // art4, art20-1
std::string article_num_zh(int number, int insertion);  // 第四条, 第二十条之一
std::string akn_article_eid(int number, int insertion);  // art_4, art_20-1
std::string akn_eid(const ProvisionPath& path);          // art_4__para_1__point_3

// A division's id relative to its law (chp1, part1/chp2) and its eId (part_1__chp_2).
std::string division_key(const LawText& law, int division);
std::string akn_division_eid(const LawText& law, int division);

}  // namespace lawref
