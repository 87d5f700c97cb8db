// LawText <-> a documented subset of Akoma Ntoso 3.0 (OASIS LegalDocML); see README.
// act / preface / body / part / subpart / chapter / section / article / paragraph / point,
// each with eId, num, heading, content (or intro + points). The round trip is lossless.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "model.h"

namespace lawref {

inline constexpr const char* kAknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// Optional work-level facts for the FRBR block; the model itself carries none of them.
struct AknWorkInfo {
  std::string country = "cn";  // cn, or cn-cq for a Chongqing regulation
  std::string date;            // YYYY-MM-DD of the version, may be empty
  std::string author;          // issuing body, may be empty
};

std::string to_akn_xml(const LawText& law, const AknWorkInfo& work = {});

// A one-line message with the byte offset of the problem: "broken XML at byte 120: ...".
struct AknError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A statute nests at most 编/分编/章/节 and 项/目; deeper nesting is refused (AknError), so
// hostile input cannot exhaust the stack of the readers and writers that walk the tree.
inline constexpr int kMaxDivisionDepth = 4;
inline constexpr int kMaxPointDepth = 2;

// Throws AknError on malformed XML or on a document outside the subset.
LawText from_akn_xml(std::string_view xml);

// "zh" <-> "zho", "en" <-> "eng" (Akoma Ntoso uses ISO 639-2 codes).
std::string akn_language(std::string_view lang);

}  // namespace lawref
