// A provision's text as HTML, the way every page shows statute text: each paragraph (款) a
// line of its own (numbered [1], [2] when the article has several, as readers cite them),
// its items (项) and sub-items (目) indented beneath it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model.h"
#include "provision_id.h"

namespace lawref::html {

// A stretch of a paragraph's or item's text to show as a link: the phrase a citation was
// made of, at its character offset.
struct TextLink {
  std::size_t offset = 0;  // in characters (code points) from the start of the text
  std::size_t length = 0;  // in characters
  std::string href;        // empty: not a link (an unresolved name), shown marked with `title`
  std::string title;       // a tooltip: what the phrase refers to
};

// Escaped `text` with the `links` made into <a> elements (overlapping or out-of-range ones
// are left out, the earlier kept).
std::string linked_text(std::string_view text, std::vector<TextLink> links);

// The `path` part of `text`'s article (the whole article when path names only the article)
// in a <div lang="…">. With a non-empty `id_prefix`, each paragraph, item and sub-item gets
// the id anchor(its path, id_prefix), so that links can point at it.
std::string provision_html(const LawText& text, const ProvisionPath& path, std::string_view id_prefix = {});

// The HTML lang of a text: zh-Hans or en.
const char* lang_attr(const LawText& text);

}  // namespace lawref::html
