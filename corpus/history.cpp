#include "history.h"

#include <cstdio>

#include "numerals.h"
#include "utf8.h"

namespace lawref {
namespace {

bool contains(const std::string& s, const char* needle) { return s.find(needle) != std::string::npos; }

// Reads the digits (Arabic or Chinese) that end right before `pos` in `s`.
std::optional<long long> number_before(const std::u32string& s, std::size_t pos, std::size_t& start) {
  start = pos;
  while (start > 0 && (is_chinese_numeral_char(s[start - 1]) || (s[start - 1] >= U'0' && s[start - 1] <= U'9') ||
                       (s[start - 1] >= U'０' && s[start - 1] <= U'９')))
    --start;
  if (start == pos) return std::nullopt;
  return parse_number(std::u32string_view(s).substr(start, pos - start));
}

}  // namespace

const char* to_string(HistoryEventKind kind) {
  switch (kind) {
    case HistoryEventKind::Adopted: return "adopted";
    case HistoryEventKind::Amended: return "amended";
    case HistoryEventKind::Promulgated: return "promulgated";
    case HistoryEventKind::Approved: return "approved";
    case HistoryEventKind::Effective: return "effective";
    case HistoryEventKind::Other: return "other";
  }
  return "other";
}

std::string first_date(const std::string& text) {
  const std::u32string s = utf8::decode(text);
  for (std::size_t ri = s.find(U'日'); ri != std::u32string::npos; ri = s.find(U'日', ri + 1)) {
    std::size_t ds, ms, ys;
    const auto day = number_before(s, ri, ds);
    if (!day || ds == 0 || s[ds - 1] != U'月') continue;
    const auto month = number_before(s, ds - 1, ms);
    if (!month || ms == 0 || s[ms - 1] != U'年') continue;
    const auto year = number_before(s, ms - 1, ys);
    if (!year || *year < 1900 || *year > 2999 || *month < 1 || *month > 12 || *day < 1 || *day > 31) continue;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", *year, *month, *day);
    return buf;
  }
  return {};
}

std::vector<HistoryEvent> history_events(const LawText& law) {
  std::vector<HistoryEvent> out;
  for (const std::string& line : law.preamble) {
    const std::string date = first_date(line);
    if (date.empty()) continue;
    HistoryEventKind kind = HistoryEventKind::Other;
    if (contains(line, "修正") || contains(line, "修订") || contains(line, "修改")) kind = HistoryEventKind::Amended;
    else if (contains(line, "通过")) kind = HistoryEventKind::Adopted;
    else if (contains(line, "批准")) kind = HistoryEventKind::Approved;
    else if (contains(line, "公布") || contains(line, "发布") || contains(line, "令")) kind = HistoryEventKind::Promulgated;
    else if (contains(line, "施行")) kind = HistoryEventKind::Effective;
    out.push_back({date, kind, line});
  }
  return out;
}

bool text_marked_amended_since(const LawText& law) {
  const std::string status = law.metadata("STATUS");
  return contains(status, "已修改") || contains(status, "已修正") || contains(status, "已被修改");
}

std::string commencement_date(const std::string& text, const std::string& promulgated) {
  const std::size_t at = text.find("起施行");
  if (at == std::string::npos) return {};
  const std::string before = text.substr(0, at);
  if (contains(before, "公布之日") || contains(before, "发布之日")) return promulgated;
  const std::size_t from = before.rfind("自");
  return first_date(from == std::string::npos ? before : before.substr(from));
}

std::string effective_date(const LawText& law, const std::string& promulgated) {
  // The commencement clause sits in the last articles; search from the end.
  for (auto a = law.articles.rbegin(); a != law.articles.rend(); ++a)
    for (const Paragraph& p : a->paragraphs)
      if (std::string date = commencement_date(p.text, promulgated); !date.empty()) return date;
  return {};
}

std::string instrument_named(const std::string& line) {
  const std::size_t close = line.rfind("》");
  if (close == std::string::npos) return {};
  // The outer 《 of the last 《…》: names inside it are written 〈…〉, so the nearest 《 before it.
  const std::size_t open = line.rfind("《", close);
  if (open == std::string::npos) return {};
  const std::size_t start = open + std::string("《").size();
  return line.substr(start, close - start);
}

}  // namespace lawref
