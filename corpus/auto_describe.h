// Metadata for statute files the registry does not describe, derived from the title line,
// the file name (… (2023-12-29).md) and, as a hint, the folder it sits in.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "model.h"
#include "registry.h"

namespace lawref {

// text::pinyin_slug, or a memo of it (catalog_memo.h).
using SlugFunction = std::function<std::string(const std::string&)>;

// Id: pinyin of the title (without 中华人民共和国) plus the year of the file-name date:
// 网络安全法(2016-11-07).md -> wangluoanquanfa-2016. Long titles are cut and get a hash.
std::string auto_law_id(const std::string& title, const std::filesystem::path& file, const SlugFunction& slug = {});

// Level and jurisdiction from the title and folder; dates from the file name.
LawInfo auto_describe(const std::string& title, const std::filesystem::path& file, const SlugFunction& slug = {});

// Adds what only the parsed text tells: adoption/amendment/effective dates, article count.
// `amendments` (amendment_dates.h), when given, says when the text's last amendment took effect.
void complete_from_text(LawInfo& info, const LawText& law, const std::map<std::string, std::string>* amendments = nullptr);

// The first `digits` hex digits of a 64-bit FNV-1a hash: short, stable disambiguators.
std::string short_hash(const std::string& s, int digits);

// The YYYY-MM-DD in a file name such as 刑法修正案（十二）(2023-12-29).md, or empty.
std::string date_in_file_name(const std::filesystem::path& file);

}  // namespace lawref
