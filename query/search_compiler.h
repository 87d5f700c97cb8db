// Query compilation: a parsed query (query_parser.h) -> a tree of concepts (search_node.h).
// Chinese words carry the statute terms the thesaurus gives for them; English words search the
// English text (by form or stem) and, through the glossary, the Chinese text.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "english_thesaurus.h"
#include "glossary.h"
#include "index_store.h"
#include "optional_words.h"
#include "query_parser.h"
#include "question_cues.h"
#include "search_types.h"
#include "search_node.h"
#include "thesaurus.h"

namespace lawref::searching {

class QueryCompiler {
 public:
  QueryCompiler(IndexStore& store, const Glossary& glossary, const Thesaurus& thesaurus = Thesaurus::builtin(),
                const HedgeWords& hedges = HedgeWords::builtin(), const EnglishThesaurus& english_thesaurus = EnglishThesaurus::builtin());

  // `query` -> `out`; `result` collects the expansions said and the English words ignored.
  // False when nothing is left to search for, with `error` set when the query is wrong
  // (NOT inside OR) rather than empty. An unquoted English everyday word the translations never
  // use ("tv", "licence") is read as theirs ("television", "license"; english_thesaurus.h).
  // The question words of the query are not searched for:
  // they become `out.hint`, the optional terms of what they ask for. An unquoted English
  // word outside the glossary, beside glossary concepts, is not required either: it becomes
  // one of `out.ranking_words`, and so is a hedge ("suspected"; optional_words.h) beside a
  // word that stays required.
  bool compile(const QueryNode& query, Node& out, SearchResult& result, std::string& error);

  // The query's Chinese leaves split into dictionary words (行政复议 -> 行政 复议), each with its
  // thesaurus terms; then a Chinese character typed alone (设) left out, and a word of a split
  // phrase that no provision holds (能拿), while another word of the query stays. False when no
  // leaf splits and none is left out.
  bool split_into_words(Node& n, SearchResult& result) const;

 private:
  bool compile_node(const QueryNode& query, Node& out, SearchResult& result, std::string& error);
  bool split_node(Node& n, SearchResult& result) const;
  // Whether no provision holds the Chinese word `w` (by the counts of its pairs of characters).
  bool absent_word(const std::u32string& w) const;
  // The And chain from `n` without the split words no provision holds (absent_word), except
  // those typed alone (`typed`), each said in `result`; true when one was left out. Untouched when
  // nothing else would be left.
  bool leave_out_absent_words(Node& n, const std::set<std::u32string>& typed, SearchResult& result) const;
  // Whether `n` is a leaf of one Chinese character typed alone.
  static bool lone_character(const Node& n);
  // The And chain from `n` without its lone_character leaves, each said in `result`; true when
  // one was left out.
  static bool leave_out_lone_characters(Node& n, SearchResult& result);
  bool compile_phrase(const std::string& text, Node& out, SearchResult& result, bool quoted = false);
  // A Chinese run cut into dictionary words, its question words (怎么, 多久) left out and their
  // cues added to `cues`. `thesaurus_first`: the thesaurus's words are cut out whole before the
  // dictionary cuts the rest (typed Chinese, not the glossary's terms, which the dictionary
  // splits as before). `only_questions`: the run is nothing but question words. `asked_about`:
  // gets the stretches between its question words of two characters or more.
  std::vector<std::u32string> chinese_words(const std::u32string& run, std::vector<Cue>* cues, bool* only_questions = nullptr, bool thesaurus_first = false,
                                            std::vector<std::u32string>* asked_about = nullptr) const;
  Xapian::Query cue_query(SearchResult& result) const;
  Node chinese_leaf(const std::u32string& folded, SearchResult* result) const;
  // `primary`: how many of the phrases, from the first, are the concept's own words (the word
  // typed, the translation's term), which rank above its other renderings.
  Node english_leaf(const std::vector<std::string>& phrases, std::size_t typed = 1, std::size_t primary = 0);
  double english_idf_scale(const std::string& term) const;
  // Moves the hedges of an English group out of what it requires into the ranking words, while
  // another of its words stays required.
  void set_aside_hedges(std::vector<Expansion>& expansions, std::vector<std::string>& unknown, SearchResult& result);

  IndexStore& store_;
  const Glossary& glossary_;
  const Thesaurus& thesaurus_;
  const HedgeWords& hedges_;
  const EnglishThesaurus& english_thesaurus_;
  std::vector<Cue> cues_;                     // of the query being compiled
  std::vector<std::u32string> asked_about_;   // of the query being compiled: its Chinese stretches between question words
  std::vector<Xapian::Query> ranking_words_;  // of the query being compiled: its words outside the glossary (Node::ranking_words)
};

}  // namespace lawref::searching
