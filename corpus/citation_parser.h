// A citation string -> (law name, version year, article, paragraph, item, sub-item).
// Accepted forms (all after width/case/Traditional folding):
//   反间谍法第十四条   《中华人民共和国国家安全法》第七十七条第一款   国家安全法第77条
//   反间谍法第四条第一款第（三）项   第4条第1款第3项   第二十条之一   2014年反间谍法第三十八条
//   Counter-Espionage Law Article 14   Counterespionage Law art. 14(2)   CEL art 14
//   National Security Law art. 77(1)(3)   Art. 7 National Intelligence Law   NSL 77   CEL (2014) art. 38
//   cel-2023/art14   cel-2023/art4/para1/item3   cel-2023 14
// A name with no article ("反间谍法") cites the whole law. Runs in time linear in the input.
#pragma once
#include <string>
#include <string_view>

#include "provision_id.h"

namespace lawref {

inline constexpr std::size_t kMaxCitationLength = 500;  // characters

struct Citation {
  std::string law;     // the law name or id as written (brackets removed), may be empty
  int year = 0;        // 2014 in 2014年反间谍法 or CEL (2014); 0 when not given
  ProvisionPath path;  // article 0: the whole law
  bool exact_id = false;  // written as a provision id (cel-2023/art14): `law` is a law id
  // The first number after the article came in brackets (art. 28(3)): English usage writes the
  // item that way too when an article has a single paragraph.
  bool bracketed = false;
};

struct CitationParse {
  bool ok = false;
  Citation citation;
  std::string error;  // one line, when !ok
};

CitationParse parse_citation(std::string_view input);

// The input as a message may quote it: whole when at most `max_chars` characters, else its
// first characters and "… (N characters)". Control characters and ill-formed bytes show as
// U+FFFD, so a hostile input can neither flood the terminal nor drive it.
std::string quote_input(std::string_view input, std::size_t max_chars = 60);

}  // namespace lawref
