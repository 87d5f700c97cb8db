// Dates in a statute's history lines (2014年11月1日 … 通过, … 修订) and its closing
// article (本法自2023年7月1日起施行), for laws the registry does not describe.
#pragma once
#include <string>
#include <vector>

#include "model.h"

namespace lawref {

enum class HistoryEventKind { Adopted, Amended, Promulgated, Approved, Effective, Other };

struct HistoryEvent {
  std::string date;  // YYYY-MM-DD
  HistoryEventKind kind = HistoryEventKind::Other;
  std::string line;  // the preamble line it came from
};

const char* to_string(HistoryEventKind kind);  // adopted, amended, …

// One event per preamble line that holds a date (the line's first date).
std::vector<HistoryEvent> history_events(const LawText& law);

// 自2023年7月1日起施行 in the articles; 自公布之日起施行 gives `promulgated`; else empty.
std::string effective_date(const LawText& law, const std::string& promulgated);

// The date a commencement clause (本修正案自2024年3月1日起施行) in `text` gives: its own date,
// `promulgated` for 自公布之日起施行, else empty.
std::string commencement_date(const std::string& text, const std::string& promulgated);

// The instrument a history line names last: 中华人民共和国刑法修正案（十二） in
// "2023年12月29日 …通过的《中华人民共和国刑法修正案（十二）》"; empty when it names none.
std::string instrument_named(const std::string& line);

// The collection marks the text as amended since this version (<!-- STATUS: 已修改 -->).
bool text_marked_amended_since(const LawText& law);

// The first 2023年7月1日 / 二〇二三年七月一日 in `text`, as YYYY-MM-DD; empty when none.
std::string first_date(const std::string& text);

}  // namespace lawref
