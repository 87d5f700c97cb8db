#include "translation_parity.h"

#include <algorithm>

#include "provision_id.h"

namespace lawref {
namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\n") == std::string::npos; }

std::string paragraphs(std::size_t n) { return std::to_string(n) + (n == 1 ? " paragraph" : " paragraphs"); }

void compare_items(const std::vector<Item>& zh, const std::vector<Item>& en, const std::string& where, ParityReport& r) {
  for (const Item& it : zh) {
    ++r.provisions;
    const Item* other = find_item(en, it.number);
    if (!other) {
      r.problems.push_back({ParityProblem::Kind::MissingPart, where + "/item" + std::to_string(it.number) + ": no translation"});
      continue;
    }
    if (blank(other->text) && !blank(it.text)) r.problems.push_back({ParityProblem::Kind::EmptyPart, where + "/item" + std::to_string(it.number) + ": empty translation"});
    else ++r.provisions_translated;
    compare_items(it.children, other->children, where + "/item" + std::to_string(it.number), r);
  }
  for (const Item& it : en)
    if (!find_item(zh, it.number)) r.problems.push_back({ParityProblem::Kind::ExtraPart, where + "/item" + std::to_string(it.number) + ": in the translation only"});
}

}  // namespace

ParityReport compare_translation(const LawText& zh, const LawText& en) {
  ParityReport r;
  for (const Article& a : zh.articles) {
    const std::string id = article_key(a.number, a.insertion);
    const Article* t = en.find_article(a.number, a.insertion);
    r.provisions += static_cast<int>(a.paragraphs.size());
    if (!t) {
      r.problems.push_back({ParityProblem::Kind::MissingArticle, id + ": no translation"});
      continue;
    }
    ++r.articles_translated;
    if (t->paragraphs.size() != a.paragraphs.size())
      r.problems.push_back({ParityProblem::Kind::ParagraphCount, id + ": " + paragraphs(a.paragraphs.size()) + " in the original, " +
                                                                     std::to_string(t->paragraphs.size()) + " in the translation"});
    for (std::size_t i = 0; i < a.paragraphs.size(); ++i) {
      const std::string where = id + "/para" + std::to_string(i + 1);
      if (i >= t->paragraphs.size()) {
        for (const Item& it : a.paragraphs[i].items) r.provisions += 1 + static_cast<int>(it.children.size());
        continue;
      }
      if (blank(t->paragraphs[i].text) && !blank(a.paragraphs[i].text)) r.problems.push_back({ParityProblem::Kind::EmptyPart, where + ": empty translation"});
      else ++r.provisions_translated;
      compare_items(a.paragraphs[i].items, t->paragraphs[i].items, where, r);
    }
  }
  for (const Article& t : en.articles)
    if (!zh.find_article(t.number, t.insertion))
      r.problems.push_back({ParityProblem::Kind::ExtraArticle, article_key(t.number, t.insertion) + ": in the translation only"});
  if (zh.divisions.size() != en.divisions.size())
    r.problems.push_back({ParityProblem::Kind::Divisions, std::to_string(zh.divisions.size()) + " divisions (编/章/节) in the original, " +
                                                              std::to_string(en.divisions.size()) + " in the translation"});
  else
    for (std::size_t i = 0; i < zh.divisions.size(); ++i)
      if (zh.divisions[i].kind != en.divisions[i].kind || zh.divisions[i].number != en.divisions[i].number ||
          zh.divisions[i].first_article != en.divisions[i].first_article)
        r.problems.push_back({ParityProblem::Kind::Divisions, division_key(zh, static_cast<int>(i)) + ": the translation's division " +
                                                                  std::to_string(i + 1) + " differs"});
  std::stable_partition(r.problems.begin(), r.problems.end(), [](const ParityProblem& p) {
    return p.kind == ParityProblem::Kind::MissingArticle || p.kind == ParityProblem::Kind::ExtraArticle;
  });
  return r;
}

}  // namespace lawref
