#include "auto_describe.h"

#include <algorithm>
#include <cstdio>

#include "history.h"
#include "jurisdictions.h"
#include "provision_id.h"
#include "text_folding.h"

namespace lawref {
namespace {

constexpr std::size_t kMaxSlug = 48;

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The province a folder such as DLC/广东地方法规/… names.
std::string province_from_folders(const std::filesystem::path& file) {
  const std::string suffix = "地方法规";
  for (const auto& part : file.parent_path()) {
    const std::string name = part.string();
    if (!ends_with(name, suffix)) continue;
    if (const Jurisdiction* j = jurisdiction_by_name(name.substr(0, name.size() - suffix.size()))) return j->id;
  }
  return {};
}

bool in_folder(const std::filesystem::path& file, const std::string& folder) {
  for (const auto& part : file.parent_path())
    if (part.string() == folder) return true;
  return false;
}

}  // namespace

std::string short_hash(const std::string& s, int digits) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, static_cast<std::size_t>(std::clamp(digits, 1, 16)));
}

std::string date_in_file_name(const std::filesystem::path& file) {
  const std::string stem = file.stem().string();
  const std::size_t open = stem.rfind('(');
  if (open == std::string::npos || stem.size() < open + 12 || stem[open + 11] != ')') return {};
  const std::string date = stem.substr(open + 1, 10);
  return is_iso_date(date) ? date : std::string();
}

std::string auto_law_id(const std::string& title, const std::filesystem::path& file, const SlugFunction& slug_of) {
  std::string name = title;
  if (starts_with(name, "中华人民共和国")) name.erase(0, std::string("中华人民共和国").size());
  std::string slug = slug_of ? slug_of(name) : text::pinyin_slug(name);
  if (slug.empty()) slug = "law-" + short_hash(title, 8);
  if (slug.size() > kMaxSlug) slug = slug.substr(0, kMaxSlug) + "-" + short_hash(title, 6);
  const std::string date = date_in_file_name(file);
  if (!date.empty()) slug += "-" + date.substr(0, 4);
  return slug;
}

LawInfo auto_describe(const std::string& title, const std::filesystem::path& file, const SlugFunction& slug) {
  LawInfo info;
  info.registered = false;
  info.title_zh = title;
  if (starts_with(title, "中华人民共和国") && title.size() > std::string("中华人民共和国").size())
    info.short_zh = {title.substr(std::string("中华人民共和国").size())};  // how lawyers cite it: 网络安全法
  info.id = auto_law_id(title, file, slug);
  info.work = info.id;
  info.source_file = file.filename().string();
  const std::string date = date_in_file_name(file);
  info.adopted = date;  // refined by complete_from_text when the text is read

  if (const Jurisdiction* j = jurisdiction_of_title(title)) info.jurisdiction = j->id;
  else if (const std::string province = province_from_folders(file); !province.empty()) info.jurisdiction = province;

  if (starts_with(title, "最高人民法院") || starts_with(title, "最高人民检察院") || in_folder(file, "司法解释"))
    info.level = LawLevel::JudicialInterpretation;
  else if (!info.is_national() || in_folder(file, "DLC"))
    info.level = LawLevel::LocalRegulation;
  else if (in_folder(file, "行政法规") || starts_with(title, "国务院"))
    info.level = LawLevel::AdministrativeRegulation;
  else if (in_folder(file, "部门规章"))
    info.level = LawLevel::DepartmentalRule;
  else if (ends_with(title, "法") || starts_with(title, "中华人民共和国") || in_folder(file, "宪法"))
    info.level = LawLevel::Law;
  else
    info.level = LawLevel::Other;
  return info;
}

void complete_from_text(LawInfo& info, const LawText& law, const std::map<std::string, std::string>* amendments) {
  if (info.registered) return;  // the registry's facts are checked, not guessed
  std::string adopted, promulgated, effective, last_amendment;
  std::vector<std::string> amended;
  for (const HistoryEvent& e : history_events(law)) {
    switch (e.kind) {
      case HistoryEventKind::Adopted:
        // Adopted again, later (a judicial interpretation re-adopted in 2020 to fit 民法典):
        // the text is that revision, not the first wording.
        if (!adopted.empty() && e.date > adopted && (amended.empty() || amended.back() < e.date)) {
          amended.push_back(e.date);
          last_amendment = e.line;
          break;
        }
        [[fallthrough]];
      case HistoryEventKind::Approved:
        if (adopted.empty()) adopted = e.date;
        break;
      case HistoryEventKind::Amended:
        if (amended.empty() || amended.back() < e.date) {
          amended.push_back(e.date);
          last_amendment = e.line;
        }
        break;
      case HistoryEventKind::Promulgated:
        if (promulgated.empty()) promulgated = e.date;
        break;
      case HistoryEventKind::Effective:
        if (effective.empty()) effective = e.date;
        break;
      case HistoryEventKind::Other:
        break;
    }
  }
  if (!adopted.empty()) info.adopted = adopted;
  else if (!promulgated.empty()) info.adopted = promulgated;
  info.amended = amended;
  // 自公布之日起施行 refers to the promulgation of the latest version.
  const std::string latest = !amended.empty() ? amended.back() : !promulgated.empty() ? promulgated : info.adopted;
  info.effective = !effective.empty() ? effective : effective_date(law, latest);
  // An amended text keeps its original commencement clause (本法自2002年11月1日起施行): this
  // version cannot have taken effect before its own amendment. Without a later date, the
  // amendment's date is the best estimate.
  if (!amended.empty() && (info.effective.empty() || info.effective < amended.back())) {
    info.effective = amended.back();
    // The amendment's own text, when the corpus has it, says when it took effect: 刑法 as
    // amended by Amendment XII (adopted 2023-12-29) is in force from 2024-03-01.
    if (amendments) {
      const auto named = amendments->find(text::fold(instrument_named(last_amendment)));
      if (named != amendments->end() && named->second >= amended.back()) info.effective = named->second;
    }
  }
  // The collection's own header, where it has one, knows better than a guess from the text.
  if (const std::string from = law.metadata("EFFECTIVE_FROM"); is_iso_date(from)) info.effective = from;
  info.amended_since = text_marked_amended_since(law);
  info.expected_articles = static_cast<int>(law.articles.size());
}

}  // namespace lawref
