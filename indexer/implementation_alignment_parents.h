// What implementation alignment derives from a national law before comparing it (its articles
// whole, their paragraphs and items: folded, boilerplate and approval clauses out, with their
// English), kept so that a law aligned with many regulations is derived once per build, not once
// per regulation. Only the laws announced for more than one alignment are kept, each from its
// first use to its last, and no more than a budget of bytes at once: a regulation's own text is
// used once, and keeping every parent's (~280 on core + lawrefbook, used ~2,400 times) added
// 19 MB to the build's peak of memory.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "implementation_alignment.h"
#include "implementation_alignment_anchors.h"
#include "model.h"

namespace lawref::links {

// One unit of a national law as compared: an article whole (paragraph 0), a paragraph (item 0)
// or an item with its sub-items.
struct ParentUnit {
  std::size_t article = 0;
  int paragraph = 0, item = 0;
  std::u32string zh;  // folded, as compared
  std::string en;     // lawref's English of the same words, empty where there is none
};

struct PreparedParent {
  std::vector<ParentUnit> units;
  FirstUses first_uses;  // of its articles whole, as compared
  std::size_t bytes() const;  // about what it holds on the heap
};

// Thread-safe: the build's threads share one. A law is told apart by its text and its English
// (a parent's English is used only with a local text that has one). What is prepared depends on
// some of the options (min_part_chars, drop_approval_clauses; the phrase rule's anchor_max_articles,
// whether it is on and whether it asks for the English): an alignment run with others prepares
// its parents itself (prepared_for).
class PreparedParents {
 public:
  PreparedParents(const ImplementationOptions& options, std::size_t budget_bytes)
      : min_part_chars_(options.min_part_chars),
        drop_approval_clauses_(options.drop_approval_clauses),
        anchor_max_articles_(options.anchor_max_articles),
        anchors_(options.anchor_min_chars > 0),
        anchors_ask_english_(options.anchor_english_rank > 0),
        budget_(budget_bytes) {}
  bool prepared_for(const ImplementationOptions& options) const {
    return options.min_part_chars == min_part_chars_ && options.drop_approval_clauses == drop_approval_clauses_ &&
           options.anchor_max_articles == anchor_max_articles_ && (options.anchor_min_chars > 0) == anchors_ &&
           (options.anchor_english_rank > 0) == anchors_ask_english_;
  }
  // One more alignment will use `parent` (with `english`, or null).
  void expect(const LawText& parent, const LawText* english);
  // The prepared parent, made by `prepare` at its first expected use (one thread makes it, others
  // wanting it meanwhile wait) and kept until its last, if it fits in the budget then (else made
  // again at its next use). One not expected (again) is made and handed back without being kept.
  std::shared_ptr<const PreparedParent> get(const LawText& parent, const LawText* english, const std::function<PreparedParent()>& prepare);
  // How many prepared parents are kept now, and their bytes.
  std::size_t kept() const;
  std::size_t kept_bytes() const;

 private:
  struct Entry {
    std::mutex making;  // guards the fields below; never taken with mutex_ held
    std::size_t uses_left = 0;
    std::size_t bytes = 0;  // of `value`, counted in kept_bytes_
    std::shared_ptr<const PreparedParent> value;
  };
  using Key = std::pair<const LawText*, const LawText*>;
  bool keep(std::size_t bytes);  // counts them in the budget if they fit
  void forget(Entry& entry);     // with entry.making held
  std::size_t min_part_chars_;
  bool drop_approval_clauses_;
  std::size_t anchor_max_articles_;
  bool anchors_, anchors_ask_english_;  // a law's first uses are found when on (and it has English when asked)
  std::size_t budget_;
  mutable std::mutex mutex_;  // guards entries_ (not their fields), kept_ and kept_bytes_
  std::size_t kept_ = 0, kept_bytes_ = 0;
  std::map<Key, Entry> entries_;
};

}  // namespace lawref::links
