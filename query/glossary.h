// The bilingual glossary (data/glossary.tsv, embedded at build time): the legal terms of
// these laws in Chinese with their English renderings. It turns English query words into
// the Chinese terms the statutes use: "courier" -> 寄递, 快递.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lawref {

struct GlossaryEntry {
  std::vector<std::string> zh;  // Chinese terms; the first is the headword
  std::vector<std::string> en;  // English renderings and variants
};

struct Expansion {
  std::string english;          // the words of the query it stands for
  std::vector<std::string> zh;  // what they mean in the statutes
  std::vector<std::string> en;  // every English rendering of those terms (courier -> express delivery, postal, …)
};

class Glossary {
 public:
  static const Glossary& builtin();
  // Throws std::runtime_error naming the line of a malformed entry.
  static Glossary parse(std::string_view tsv);

  const std::vector<GlossaryEntry>& entries() const { return entries_; }

  // Longest matches of English phrases (compared by stems, so "assists" finds "assist"),
  // left to right. Words it does not know go to `unknown`; stop words are dropped. A stem
  // shared by two words that are not forms of one word ("authorities", "authorization") is
  // no match (same_word_forms).
  std::vector<Expansion> expand(std::string_view english, std::vector<std::string>* unknown = nullptr) const;

  // The concept a compound concept is built on, by both its languages: the entry whose Chinese
  // term begins one of `e`'s (国家情报工作 of 国家情报工作机构), the rest naming who does it (an
  // organ, a unit, its staff: 机构, 单位, 人员…), and one of whose English renderings,
  // of two words or more, stands within one of `e`'s ("national intelligence work" in "national
  // intelligence work institutions"). Its longest such Chinese term wins; nullopt when none.
  // `english` of the result is that rendering.
  std::optional<Expansion> broader(const Expansion& e) const;

 private:
  struct Rendering {
    std::size_t entry;
    std::vector<std::string> words;  // its content words, lower-case ("courier companies"); all its words for a whole phrase ("not a crime")
  };
  struct StemIndex {
    std::map<std::string, std::vector<Rendering>> by_stems;  // "courier compani" -> the renderings with those stems
    std::size_t longest = 1;                                   // words in the longest English phrase
  };
  struct LazyStemIndex {
    std::once_flag once;
    StemIndex index;
  };
  // Built on the first expand(): stemming every rendering took about a tenth of a whole
  // `lawref search` process, and a Chinese query never expands English words.
  const StemIndex& stem_index() const;
  Expansion expansion_of(const std::vector<std::string>& words, std::size_t i, std::size_t n, const std::vector<std::size_t>& entries) const;

  std::vector<GlossaryEntry> entries_;
  std::shared_ptr<LazyStemIndex> lazy_ = std::make_shared<LazyStemIndex>();  // shared by copies, as entries_ are equal
};

// Lower-case English words of a text, and their stems.
std::vector<std::string> english_words(std::string_view text);
std::string english_stem(const std::string& word);
bool is_stop_word(const std::string& word);
// Whether two lower-case words are inflections of one word (plural, -ed, -ing: "seized" and
// "seize", "companies" and "company"), which a shared stem alone does not say ("office" and
// "officers", "employer" and "employment" share theirs).
bool same_word_forms(const std::string& a, const std::string& b);

}  // namespace lawref
