// Character-level differences between two texts (code points, so one Chinese character is
// one unit), for revisions and side-by-side comparisons.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lawref {

struct DiffSegment {
  enum class Op { Equal, Delete, Insert };
  Op op = Op::Equal;
  std::string text;
  bool operator==(const DiffSegment&) const = default;
};

// A shortest edit script (longest common subsequence), with one-character islands of
// agreement inside a change folded into it so that changes read as phrases. Texts too long
// for the quadratic table (over ~4 million character pairs after the common prefix and suffix)
// come back as one deletion and one insertion.
std::vector<DiffSegment> diff_chars(std::string_view before, std::string_view after);

// [-deleted-]{+inserted+} (git's word-diff markers), or red/green on a terminal.
std::string render_diff(const std::vector<DiffSegment>& diff, bool color);

// Share of characters unchanged: 2·equal / (|before| + |after|), 1 for two empty texts.
double diff_similarity(const std::vector<DiffSegment>& diff);

}  // namespace lawref
