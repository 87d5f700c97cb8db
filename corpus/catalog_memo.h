// What a catalog scan learns from its files and may reuse next time: the header (title and
// dates) of each file it had to open, by path and stamp, and the pinyin slug of each title it
// gave an automatic id. An index keeps the memo of the scan it was built from; the next
// `lawref index` by the same binary reads none of the unchanged files' headers again and
// transliterates only new titles (ICU's Han-Latin was a quarter of an update's time, see
// bench/README.md). A slug is a function of its text alone; a header is read again as soon as
// its file's size or time differ, the rule by which an update finds changed texts at all. So a
// scan with the memo gives the catalog a scan without it gives (`lawref index --full` reads
// every file again).
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lawref {

// The start of a statute file as the catalog reads it: its title line and the dates of the
// lines before its first article.
struct FileHeader {
  std::string title;
  std::vector<std::string> dates;
  bool operator==(const FileHeader&) const = default;
};

// A file as it was when its header was read (size and modification time, as stat(2) gives them).
struct FileHeaderMemo {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  FileHeader header;
  bool operator==(const FileHeaderMemo&) const = default;
};

struct CatalogMemo {
  std::map<std::string, std::string> slugs;         // text -> text::pinyin_slug(text)
  std::map<std::string, FileHeaderMemo> headers;    // absolute path -> its header, with its stamp
  bool operator==(const CatalogMemo&) const = default;
};

// One line per entry, tab-separated and escaped.
std::string encode_catalog_memo(const CatalogMemo& memo);
// A line it cannot read is left out (the scan reads that file again): never an error.
CatalogMemo decode_catalog_memo(std::string_view encoded);

// A scan's use of a memo: answers from `known` where it can, computes the rest, and records
// everything it answered in `used`, which is then the memo of this scan's inputs alone.
class CatalogRecall {
 public:
  CatalogRecall(const CatalogMemo* known, CatalogMemo& used) : known_(known), used_(used) {}
  // text::pinyin_slug(text).
  std::string slug(const std::string& text);
  // The file's header, remembered when its size and time are as they were; `read` otherwise.
  template <typename Read>
  FileHeader header(const std::filesystem::path& file, Read read) {
    FileHeaderMemo now;
    std::string key;
    if (!stamp(file, key, now)) return read();  // not stat'able now: read (and fail) as without a memo
    if (const FileHeaderMemo* before = known_header(key); before && before->size == now.size && before->mtime_ns == now.mtime_ns)
      now.header = before->header;
    else
      now.header = read();
    return used_.headers.insert_or_assign(std::move(key), std::move(now)).first->second.header;
  }

 private:
  static bool stamp(const std::filesystem::path& file, std::string& key, FileHeaderMemo& out);
  const FileHeaderMemo* known_header(const std::string& key) const;

  const CatalogMemo* known_;
  CatalogMemo& used_;
};

}  // namespace lawref
