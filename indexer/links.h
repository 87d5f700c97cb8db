// The cross-link graph's edges. Every link runs from one provision to another provision (or
// a whole law, or a law that is only named) and says why:
//   internal     a provision citing its own law: 本法第二十一条, 前款, 第三条至第五条
//   external     citing another law, resolved to a law id (and provision, when cited)
//   unresolved   citing a law by a name no known law has, or one with no version in force
//                on the citing law's date: kept with the name as written
//   version      an article of an old version -> the article of the next version that
//                continues it (basis: same, changed or split), with a similarity score
//   implements   an article of a regulation -> an article of the law it implements
//                (basis: citation, or similarity with its score)
// Index metadata, JSON, CSV and GraphML name kinds and bases by to_string's words.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "provision_id.h"

namespace lawref::links {

enum class LinkKind { Internal, External, Unresolved, Version, Implements };

const char* to_string(LinkKind kind);
std::optional<LinkKind> parse_link_kind(std::string_view s);
inline constexpr LinkKind kAllKinds[] = {LinkKind::Internal, LinkKind::External, LinkKind::Unresolved, LinkKind::Version,
                                         LinkKind::Implements};

// Why a version or implements link holds: how the new article continues the old one (same,
// changed, split, merged), or how a local article implements a national one (citation,
// similarity). None for citation links (internal, external, unresolved).
enum class LinkBasis { None, Same, Changed, Split, Merged, Citation, Similarity };

const char* to_string(LinkBasis basis);  // "" for None
std::optional<LinkBasis> parse_link_basis(std::string_view s);
inline constexpr LinkBasis kAllBases[] = {LinkBasis::None,   LinkBasis::Same,     LinkBasis::Changed,   LinkBasis::Split,
                                          LinkBasis::Merged, LinkBasis::Citation, LinkBasis::Similarity};

struct Link {
  LinkKind kind = LinkKind::Internal;
  ProvisionId from;
  ProvisionId to;          // to.law empty for an unresolved name; article 0 for a whole law
  std::string external;    // the cited name as written (external and unresolved links)
  std::string evidence;    // the phrase that made the link (citation links)
  int line = 0;            // source line of the citing article's heading (0 when unknown)
  int offset = -1;         // characters into the citing provision's text (-1: not a citation)
  double score = 0;        // 0..1: how alike the two texts are (version, implements)
  LinkBasis basis = LinkBasis::None;
  std::string note;        // why a name stayed unresolved; a target that does not exist
  bool operator==(const Link&) const = default;
};

// One link per line, tab-separated, for the index's metadata. Tabs and newlines in text
// fields are replaced by spaces (statute texts have none).
std::string encode_links(const std::vector<Link>& links);
std::string encode_links(const std::vector<const Link*>& links);
// Throws std::runtime_error on a malformed line.
std::vector<Link> decode_links(std::string_view tsv);

}  // namespace lawref::links
