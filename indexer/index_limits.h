// What one law text may hold for the index to store it. Each article becomes one Xapian
// document whose data is the article as JSON, and a text's title, history lines, headings and
// appendix one metadata entry: Xapian refuses entries of about 100 MB ("insanely large tags")
// and a build holds every text in memory. No statute comes near these limits (the longest
// article of the 3,475 lawrefbook files is 15 KB, its longest word 15 letters); `import`
// refuses a text beyond them and `index` skips one, saying why.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "model.h"

namespace lawref {

inline constexpr std::size_t kMaxArticleBytes = 1u << 20;  // an article's paragraphs and items together
inline constexpr std::size_t kMaxHeaderBytes = 4u << 20;   // title, history lines, headings and appendix together
inline constexpr std::size_t kMaxTermBytes = 240;          // one indexed word or number (Xapian's own limit is 245)

enum class LimitKind { Article, Header, Term };

struct LimitExceeded {
  LimitKind kind;
  std::string where;  // the article's number as written (第三条); empty for the header
  std::size_t bytes = 0;
  std::string sample;  // for a term, its first characters
  std::string message() const;  // one line
};

// The first limit `law` exceeds. `terms` also checks every word the analyzer would index (the
// index builder drops such a word instead; an import refuses it).
std::optional<LimitExceeded> exceeds_index_limits(const LawText& law, bool terms = true);

}  // namespace lawref
