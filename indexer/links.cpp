#include "links.h"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace lawref::links {
namespace {

constexpr std::size_t kFields = 10;

std::string clean(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string id_or_empty(const ProvisionId& id) { return id.law.empty() ? std::string() : id.str(); }

int to_int(std::string_view s) {
  int v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) throw std::runtime_error("malformed number '" + std::string(s) + "' in a link");
  return v;
}

ProvisionId to_id(std::string_view s) {
  if (s.empty()) return {};
  if (s.find('/') == std::string_view::npos) return ProvisionId{std::string(s), {}};  // a whole law
  const auto id = ProvisionId::parse(s);
  if (!id) throw std::runtime_error("malformed provision id '" + std::string(s) + "' in a link");
  return *id;
}

}  // namespace

const char* to_string(LinkKind kind) {
  switch (kind) {
    case LinkKind::Internal: return "internal";
    case LinkKind::External: return "external";
    case LinkKind::Unresolved: return "unresolved";
    case LinkKind::Version: return "version";
    case LinkKind::Implements: return "implements";
  }
  return "?";
}

std::optional<LinkKind> parse_link_kind(std::string_view s) {
  for (LinkKind k : kAllKinds)
    if (s == to_string(k)) return k;
  return std::nullopt;
}

const char* to_string(LinkBasis basis) {
  switch (basis) {
    case LinkBasis::None: return "";
    case LinkBasis::Same: return "same";
    case LinkBasis::Changed: return "changed";
    case LinkBasis::Split: return "split";
    case LinkBasis::Merged: return "merged";
    case LinkBasis::Citation: return "citation";
    case LinkBasis::Similarity: return "similarity";
  }
  return "?";
}

std::optional<LinkBasis> parse_link_basis(std::string_view s) {
  for (LinkBasis b : kAllBases)
    if (s == to_string(b)) return b;
  return std::nullopt;
}

std::string encode_links(const std::vector<Link>& links) {
  std::vector<const Link*> all;
  all.reserve(links.size());
  for (const Link& l : links) all.push_back(&l);
  return encode_links(all);
}

std::string encode_links(const std::vector<const Link*>& links) {
  std::string out;
  char score[16];
  for (const Link* link : links) {
    const Link& l = *link;
    std::snprintf(score, sizeof score, "%.3f", l.score);
    for (const std::string& f : {std::string(to_string(l.kind)), l.from.str(), id_or_empty(l.to), clean(l.external), clean(l.evidence),
                                 std::to_string(l.line), std::to_string(l.offset), std::string(score), std::string(to_string(l.basis))}) {
      out += f;
      out += '\t';
    }
    out += clean(l.note);
    out += '\n';
  }
  return out;
}

std::vector<Link> decode_links(std::string_view tsv) {
  std::vector<Link> out;
  std::size_t start = 0;
  while (start < tsv.size()) {
    std::size_t nl = tsv.find('\n', start);
    if (nl == std::string_view::npos) nl = tsv.size();
    const std::string_view line = tsv.substr(start, nl - start);
    start = nl + 1;
    if (line.empty()) continue;
    std::string_view f[kFields];
    std::size_t n = 0, pos = 0;
    while (n < kFields) {
      const std::size_t tab = n + 1 < kFields ? line.find('\t', pos) : std::string_view::npos;
      f[n++] = line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (n != kFields) throw std::runtime_error("malformed link record: " + std::to_string(n) + " fields");
    Link l;
    const auto kind = parse_link_kind(f[0]);
    if (!kind) throw std::runtime_error("unknown link kind '" + std::string(f[0]) + "'");
    l.kind = *kind;
    l.from = to_id(f[1]);
    l.to = to_id(f[2]);
    l.external = f[3];
    l.evidence = f[4];
    l.line = to_int(f[5]);
    l.offset = to_int(f[6]);
    l.score = std::strtod(std::string(f[7]).c_str(), nullptr);
    const auto basis = parse_link_basis(f[8]);
    if (!basis) throw std::runtime_error("unknown link basis '" + std::string(f[8]) + "'");
    l.basis = *basis;
    l.note = f[9];
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace lawref::links
