// The laws lawref knows: ids, titles and names in both languages, level, jurisdiction,
// dates and version links. The built-in registry is data/laws.json, embedded at build time.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lawref {

enum class LawLevel { Constitution, Law, AdministrativeRegulation, DepartmentalRule, LocalRegulation, JudicialInterpretation, Other };

const char* to_string(LawLevel level);  // constitution, law, administrative-regulation, …
std::optional<LawLevel> parse_law_level(std::string_view s);

// The jurisdiction of laws in force nationwide; a local regulation names its province or city.
inline constexpr const char* kNationalJurisdiction = "national";

struct LawInfo {
  std::string id;
  std::string work;  // the law across its versions: cel for cel-2014 and cel-2023
  std::string title_zh, title_en;
  std::vector<std::string> short_zh, short_en, aliases;
  std::string body_zh, body_en;  // issuing body
  LawLevel level = LawLevel::Other;
  std::string jurisdiction = kNationalJurisdiction;
  bool is_national() const { return jurisdiction == kNationalJurisdiction; }
  std::string adopted, effective;  // YYYY-MM-DD; may be empty when unknown
  std::vector<std::string> amended;
  std::string supersedes, superseded_by;
  std::vector<std::string> implements;
  std::string document_number;
  std::string source_file;  // file name of the bundled text, e.g. cel-2023.zh.md
  int expected_articles = 0;     // 0: unknown
  int expected_chapters = -1;    // -1: unknown
  std::string text_note;
  // The collection marks this text as amended since this version (<!-- STATUS: 已修改 -->): a
  // later version exists that the corpus does not hold, so "in force" is not known.
  bool amended_since = false;
  bool registered = true;  // false: metadata derived automatically from a corpus file

  // The date of this version: the last amendment, else adoption.
  std::string version_date() const;
  // How the law is cited in Chinese: its first short name, else its title.
  const std::string& short_name_zh() const { return short_zh.empty() ? title_zh : short_zh.front(); }
};

struct RegistryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Registry {
 public:
  // The registry compiled into the binary (data/laws.json).
  static const Registry& builtin();
  // Throws RegistryError with a one-line message on malformed JSON or fields.
  static Registry parse(std::string_view json);

  const std::vector<LawInfo>& laws() const { return laws_; }
  const LawInfo* find(std::string_view id) const;
  const LawInfo* find_by_source_file(std::string_view file_name) const;
  // The version of `work` in force on `date` (YYYY-MM-DD): effective <= date < successor's effective.
  const LawInfo* version_in_force(std::string_view work, std::string_view date) const;
  // When a version stopped being in force: its successor's effective date, or empty.
  std::string in_force_until(const LawInfo& law) const;

  // Adds an automatically described law; throws RegistryError when the id is taken.
  void add(LawInfo law);
  // Records that `newer` replaced `older` on whichever of them is present, filling only empty fields.
  void set_succession(std::string_view older, std::string_view newer);
  void reserve(std::size_t laws);

  // Consistency problems: dangling links, duplicate ids, one alias naming two works.
  std::vector<std::string> problems() const;

 private:
  std::vector<LawInfo> laws_;
  std::unordered_map<std::string, std::size_t> by_id_;  // id -> index in laws_
};

// YYYY-MM-DD naming a real calendar day (leap years included).
bool is_iso_date(std::string_view s);

}  // namespace lawref
