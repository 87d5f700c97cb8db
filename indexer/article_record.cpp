#include "article_record.h"

#include <algorithm>
#include <cstdint>

#include "article_record_text.h"

namespace lawref {
namespace {

// Records this long deflate without help (bench/README.md, "Index size, round seven").
constexpr std::size_t kPaddedBelow = 1024;

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Signed values (division -1: none) zigzag-encoded, so that small negatives stay one byte.
void put_int(std::string& out, int v) {
  const auto u = static_cast<std::uint32_t>(v);
  put_varint(out, (u << 1) ^ static_cast<std::uint32_t>(v < 0 ? -1 : 0));
}

void put_string(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

// The article's own texts, packed (article_record_text.h); the law id and language as they are.
void put_text(std::string& out, std::string_view s) { put_string(out, pack_text(s)); }

void put_item(std::string& out, const Item& it) {
  put_int(out, it.number);
  put_text(out, it.num);
  put_text(out, it.text);
  put_varint(out, it.children.size());
  for (const Item& c : it.children) put_item(out, c);
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= data_.size()) fail();
      const auto byte = static_cast<unsigned char>(data_[at_++]);
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) return v;
    }
    fail();
  }
  int integer() {
    const std::uint64_t z = varint();
    if (z > 0xffffffffu) fail();
    const auto u = static_cast<std::uint32_t>(z);
    return static_cast<int>((u >> 1) ^ (0u - (u & 1)));
  }
  std::string string() {
    const std::uint64_t n = varint();
    if (n > data_.size() - at_) fail();
    std::string s(data_.substr(at_, n));
    at_ += n;
    return s;
  }
  std::string text() {
    const std::uint64_t n = varint();
    if (n > data_.size() - at_) fail();
    std::string s = unpack_text(data_.substr(at_, n));
    at_ += n;
    return s;
  }
  // A packed text, unpacked to code points and appended to `out` followed by a newline, or only
  // checked (skipped) when `out` is null.
  void text_line(std::u32string* out) {
    const std::uint64_t n = varint();
    if (n > data_.size() - at_) fail();
    const std::string_view packed = data_.substr(at_, n);
    at_ += n;
    if (out) {
      unpack_text_chars(packed, *out);
      out->push_back(U'\n');
    } else {
      unpack_text(packed);  // the same damage found as decode_article_record finds
    }
  }
  // A count of parts that each take at least one byte: a damaged count cannot reserve much.
  std::size_t count() {
    const std::uint64_t n = varint();
    if (n > data_.size() - at_) fail();
    return static_cast<std::size_t>(n);
  }
  Item item(int depth) {
    if (depth > kMaxDepth) fail();
    Item it;
    it.number = integer();
    it.num = text();
    it.text = text();
    const std::size_t n = count();
    it.children.reserve(n);
    for (std::size_t k = 0; k < n; ++k) it.children.push_back(item(depth + 1));
    return it;
  }
  // An item's lines (its number only with Every), as item_strings and text_units order them.
  void item_lines(int depth, ArticleLines which, std::u32string& out) {
    if (depth > kMaxDepth) fail();
    integer();
    text_line(which == ArticleLines::Every ? &out : nullptr);
    text_line(&out);
    const std::size_t n = count();
    for (std::size_t k = 0; k < n; ++k) item_lines(depth + 1, which, out);
  }
  bool done() const { return at_ == data_.size(); }
  [[noreturn]] static void fail() { throw ArticleRecordError(); }

 private:
  static constexpr int kMaxDepth = 64;  // items nest two levels in statutes (项, 目)
  std::string_view data_;
  std::size_t at_ = 0;
};

void item_strings(std::string& out, const Item& it) {
  out += it.num;
  out += '\n';
  out += it.text;
  out += '\n';
  for (const Item& c : it.children) item_strings(out, c);
}

}  // namespace

std::string law_key(std::string_view law_id) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : law_id) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  std::string key(kLawKeyBytes, '\0');
  for (std::size_t k = 0; k < kLawKeyBytes; ++k) key[k] = static_cast<char>(h >> (56 - 8 * k));
  return key;
}

std::string article_key(std::string_view law_id, const Article& a) {
  std::string key = law_key(law_id) + std::to_string(a.number);
  if (a.insertion) key += "-" + std::to_string(a.insertion);
  return key;
}

std::string encode_article_record(std::string_view lang, const Article& a) {
  std::string out(1, '\0');  // the padding's length, set below
  put_string(out, lang);
  put_int(out, a.number);
  put_int(out, a.insertion);
  put_text(out, a.num);
  put_int(out, a.division);
  put_int(out, a.source_line);
  put_varint(out, a.paragraphs.size());
  for (const Paragraph& p : a.paragraphs) {
    put_int(out, p.number);
    put_text(out, p.text);
    put_varint(out, p.items.size());
    for (const Item& it : p.items) put_item(out, it);
  }
  // Padding: Xapian deflates each document's data and keeps the result only when it is smaller;
  // a tag it stored as it was is deflated again, in vain, at every compaction (every update), and
  // a short packed article seldom deflates. A run of zeros deflates to a few bytes, so the whole
  // record always does: 1.25 times what deflate can add to the rest (one bit in eight), and 16.
  if (out.size() < kPaddedBelow) {
    const std::size_t pad = std::min<std::size_t>(255, out.size() / 8 + 16);
    out[0] = static_cast<char>(pad);
    out.insert(1, pad, '\0');
  }
  return out;
}

namespace {

// The record past its padding (encode_article_record).
std::string_view unpadded(std::string_view data) {
  if (data.empty()) Reader::fail();
  const std::size_t pad = static_cast<unsigned char>(data[0]);
  if (data.size() < 1 + pad || data.find_first_not_of('\0', 1) < 1 + pad) Reader::fail();
  return data.substr(1 + pad);
}

}  // namespace

ArticleRecord decode_article_record(std::string_view data) {
  Reader in(unpadded(data));
  ArticleRecord r;
  r.lang = in.string();
  Article& a = r.article;
  a.number = in.integer();
  a.insertion = in.integer();
  a.num = in.text();
  a.division = in.integer();
  a.source_line = in.integer();
  const std::size_t paragraphs = in.count();
  a.paragraphs.reserve(paragraphs);
  for (std::size_t k = 0; k < paragraphs; ++k) {
    Paragraph p;
    p.number = in.integer();
    p.text = in.text();
    const std::size_t items = in.count();
    p.items.reserve(items);
    for (std::size_t i = 0; i < items; ++i) p.items.push_back(in.item(1));
    a.paragraphs.push_back(std::move(p));
  }
  if (!in.done()) Reader::fail();
  return r;
}

void decode_article_lines(std::string_view data, ArticleLines which, std::u32string& out) {
  out.clear();
  Reader in(unpadded(data));
  in.string();  // the language
  in.integer();
  in.integer();
  in.text_line(which == ArticleLines::Every ? &out : nullptr);
  in.integer();
  in.integer();
  const std::size_t paragraphs = in.count();
  for (std::size_t k = 0; k < paragraphs; ++k) {
    in.integer();
    in.text_line(&out);
    const std::size_t items = in.count();
    for (std::size_t i = 0; i < items; ++i) in.item_lines(1, which, out);
  }
  if (!in.done()) Reader::fail();
}

std::string article_strings(const Article& a) {
  std::string out = a.num;
  out += '\n';
  for (const Paragraph& p : a.paragraphs) {
    out += p.text;
    out += '\n';
    for (const Item& it : p.items) item_strings(out, it);
  }
  return out;
}

}  // namespace lawref
