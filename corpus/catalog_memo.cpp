#include "catalog_memo.h"

#include <charconv>
#include <sys/stat.h>

#include "lines.h"
#include "stored_fields.h"
#include "text_folding.h"

namespace lawref {
namespace {

namespace fs = std::filesystem;

// Fields are separated by tabs, entries by newlines (stored_fields.h escapes both).
void put(std::string& out, std::string_view field) {
  out += '\t';
  put_escaped(out, field);
}

template <typename Number>
bool parse_number(std::string_view s, Number& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

}  // namespace

std::string encode_catalog_memo(const CatalogMemo& memo) {
  std::string out;
  for (const auto& [text, slug] : memo.slugs) {
    out += 's';
    put(out, text);
    put(out, slug);
    out += '\n';
  }
  for (const auto& [path, h] : memo.headers) {
    out += 'h';
    put(out, path);
    put(out, std::to_string(h.size));
    put(out, std::to_string(h.mtime_ns));
    put(out, h.header.title);
    for (const std::string& date : h.header.dates) put(out, date);
    out += '\n';
  }
  return out;
}

CatalogMemo decode_catalog_memo(std::string_view encoded) {
  CatalogMemo memo;
  for (const std::string_view line : split_lines(encoded)) {
    const std::vector<std::string_view> f = split_fields(line, '\t');
    if (f[0] == "s" && f.size() == 3) {
      memo.slugs.emplace(unescape_field(f[1]), unescape_field(f[2]));
    } else if (f[0] == "h" && f.size() >= 5) {
      FileHeaderMemo h;
      if (!parse_number(f[2], h.size) || !parse_number(f[3], h.mtime_ns)) continue;
      h.header.title = unescape_field(f[4]);
      for (std::size_t i = 5; i < f.size(); ++i) h.header.dates.push_back(unescape_field(f[i]));
      memo.headers.emplace(unescape_field(f[1]), std::move(h));
    }
  }
  return memo;
}

std::string CatalogRecall::slug(const std::string& text) {
  if (const auto used = used_.slugs.find(text); used != used_.slugs.end()) return used->second;
  if (known_)
    if (const auto known = known_->slugs.find(text); known != known_->slugs.end()) return used_.slugs.emplace(text, known->second).first->second;
  return used_.slugs.emplace(text, text::pinyin_slug(text)).first->second;
}

bool CatalogRecall::stamp(const fs::path& file, std::string& key, FileHeaderMemo& out) {
  std::error_code ec;
  key = fs::absolute(file, ec).string();
  struct stat st {};
  if (ec || ::stat(key.c_str(), &st) != 0) return false;
  out.size = static_cast<std::uintmax_t>(st.st_size);
  out.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  return true;
}

const FileHeaderMemo* CatalogRecall::known_header(const std::string& key) const {
  if (!known_) return nullptr;
  const auto it = known_->headers.find(key);
  return it == known_->headers.end() ? nullptr : &it->second;
}

}  // namespace lawref
