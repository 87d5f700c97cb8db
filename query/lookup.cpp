#include "lookup.h"

#include "citation_parser.h"
#include "numerals.h"
#include "provision_format.h"

namespace lawref {
namespace {

LookupResult fail(LookupStatus status, std::string message) {
  LookupResult r;
  r.status = status;
  r.message = std::move(message);
  return r;
}

std::string plural(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

Lookup::Lookup(LawStore& store) : store_(store), registered_names_(Registry::builtin()) {}

const LawNameIndex& Lookup::all_names() {
  if (!all_names_) all_names_ = std::make_unique<LawNameIndex>(store_.registry());
  return *all_names_;
}

// A name the registry does not know, among the laws the store files under its key: the same
// answer as all_names() gives, without decoding every law when the store can say (an index).
LawResolution Lookup::resolve_in_store(std::string_view name, int year, const std::string& as_of) {
  const auto candidates = store_.laws_named(normalize_law_name(name));
  if (!candidates) return all_names().resolve(name, year, as_of, false);
  Registry few;
  for (const LawInfo* l : *candidates) few.add(*l);
  LawResolution r = LawNameIndex(few).resolve(name, year, as_of, false);
  // Back to the store's own records: `few` goes when this returns.
  auto own = [&](const LawInfo* l) -> const LawInfo* {
    for (const LawInfo* c : *candidates)
      if (l && c->id == l->id) return c;
    return nullptr;
  };
  r.law = own(r.law);
  r.next_version = own(r.next_version);
  for (const LawInfo*& l : r.ambiguous) l = own(l);
  return r;
}

LookupResult Lookup::find(std::string_view citation, const std::string& as_of) {
  const CitationParse parsed = parse_citation(citation);
  if (!parsed.ok) return fail(LookupStatus::BadInput, parsed.error);
  const Citation& c = parsed.citation;

  const LawInfo* law = nullptr;
  std::string note;
  if (c.exact_id) {
    law = Registry::builtin().find(c.law);  // the common case, without loading every law of the store
    if (!law) law = store_.law(c.law);
    if (!law) return fail(LookupStatus::NotFound, "unknown law id '" + c.law + "'");
  } else {
    // The registry's own laws first; only a name it does not know needs every law's names.
    LawResolution r = registered_names_.resolve(c.law, c.year, as_of, false);
    if (r.unknown) r = resolve_in_store(c.law, c.year, as_of);
    // 实施细则, 重庆条例: the abbreviation of one law of the store's, said so in a note.
    if (r.unknown) {
      LawResolution shortened = all_names().resolve_abbreviation(c.law, c.year, as_of);
      r = shortened.unknown ? all_names().resolve(c.law, c.year, as_of) : std::move(shortened);
    }
    if (!r.law) return fail(r.ambiguous.empty() ? LookupStatus::NotFound : LookupStatus::BadInput, r.error);
    law = r.law;
    note = r.read_as;
  }

  LookupResult result;
  result.law = law;
  result.note = std::move(note);
  result.path = c.path;
  result.zh = store_.text(law->id, "zh");
  result.en = store_.text(law->id, "en");
  if (c.path.article == 0) {
    result.status = LookupStatus::Found;
    return result;
  }
  const LawText* text = result.zh ? result.zh : result.en;
  if (!text) {
    LookupResult none = fail(LookupStatus::NotFound, law->id + " has no text in the sources read" +
                                                         (law->text_note.empty() ? "; add its folder with --sources, or import it with: lawref import FILE --law " + law->id
                                                                                 : " (" + law->text_note + ")"));
    none.law = law;  // the caller may know better why (a text imported after the index was built)
    return none;
  }
  const std::string& name = law->short_name_zh();
  const Article* a = text->find_article(c.path.article, c.path.insertion);
  if (!a) {
    const std::string wanted = c.path.insertion ? article_num_zh(c.path.article, c.path.insertion) : "article " + std::to_string(c.path.article);
    return fail(LookupStatus::NotFound, "no " + wanted + " in " + name + " (" + law->id + " has " +
                                            plural(text->articles.size(), "article", "articles") + ")");
  }
  result.article = a;
  ProvisionPath& p = result.path;
  const std::string where = a->num + " of " + law->id;
  if (p.item > 0 && p.paragraph == 0) {
    // 第四条第（三）项: the 项 of the paragraph that has items.
    int with_items = 0;
    for (const Paragraph& para : a->paragraphs)
      if (!para.items.empty()) {
        ++with_items;
        p.paragraph = para.number;
      }
    if (with_items == 0) return fail(LookupStatus::NotFound, where + " has no items");
    if (with_items > 1) return fail(LookupStatus::BadInput, where + " has items in several paragraphs; say which 款 (第N款第（" +
                                                               to_chinese_numeral(p.item) + "）项)");
  }
  // SSL art. 28(3) where article 28 is one paragraph with items: the (3) is the item.
  if (c.bracketed && p.item == 0 && a->paragraphs.size() == 1 && p.paragraph > 1 && find_item(a->paragraphs[0].items, p.paragraph)) {
    p.item = p.paragraph;
    p.paragraph = 1;
  }
  if (p.paragraph > static_cast<int>(a->paragraphs.size()))
    return fail(LookupStatus::NotFound, where + " has only " + plural(a->paragraphs.size(), "paragraph", "paragraphs"));
  if (p.item > 0) {
    const Paragraph& para = a->paragraphs[static_cast<std::size_t>(p.paragraph - 1)];
    const Item* item = find_item(para.items, p.item);
    if (!item)
      return fail(LookupStatus::NotFound, where + " paragraph " + std::to_string(p.paragraph) + " has " +
                                              plural(para.items.size(), "item", "items"));
    if (p.subitem > 0 && !find_item(item->children, p.subitem))
      return fail(LookupStatus::NotFound, where + " item " + std::to_string(p.item) + " has " +
                                              plural(item->children.size(), "sub-item", "sub-items"));
  }
  result.status = LookupStatus::Found;
  return result;
}

}  // namespace lawref
