// What of a provision's Chinese text implementation alignment compares (implementation_alignment.h):
// the sentences and inline items a local article is cut into, and what is left out of them because
// it says nothing about the duty: boilerplate, procedural approval conditions, long enumerations.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace lawref::links {

// `text` cut into sentences (at 。) and inline items (（一）… within a paragraph's text), as written.
std::vector<std::u32string> chinese_segments(const std::string& text);

// A sentence that implements nothing cleared: a legal-basis clause (根据《…》…，制定本条例; cut from
// the purpose sentence it ends, the purpose stays), a territorial scope clause (本省行政区域内…，
// 适用本条例; not 公安机关…适用本条例的有关规定), a reference to other laws' penalties (…从其规定).
void drop_boilerplate(std::u32string& sentence);

// `sentence` less its clauses (between ，；：。) that are a procedural approval condition,
// 经…批准 (经设区的市级以上国家安全机关负责人批准，): the same formula opens searches, seizures and
// inspections alike, so it makes unrelated powers look alike.
std::u32string without_approval_clauses(const std::u32string& sentence);

// `sentence` less the inner pieces of each clause that lists at least `min_pieces` things between
// 、 (网信、台办、保密、…、文化旅游等单位按照职责分工: the first and the last piece stay, they carry the
// clause's verb). A local text names its own departments or objects one by one; the national
// provision says 有关部门, and the names only dilute the similarity. 0: nothing cut.
std::u32string without_long_lists(const std::u32string& sentence, std::size_t min_pieces);

}  // namespace lawref::links
