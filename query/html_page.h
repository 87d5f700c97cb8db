// The frame every lawref HTML page shares: one self-contained HTML5 file (CSS inline, no
// scripts, nothing fetched over the network) that wraps Chinese text correctly and prints
// well. Pages are also well-formed XML (void elements closed, only XML's entities), so
// tools and tests can parse them.
#pragma once
#include <string>
#include <string_view>

#include "model.h"
#include "provision_id.h"

namespace lawref::html {

// Text for an element or a quoted attribute: & < > " ' escaped; control characters that
// HTML forbids are dropped.
std::string escape(std::string_view text);

// Escaped text whose line breaks are kept (<br/>).
std::string escape_lines(std::string_view text);

// The id of a provision on a page: its Akoma Ntoso eId (art_4__para_1__point_3), after
// `prefix` when a page holds several laws (n-art_4).
std::string anchor(const ProvisionPath& path, std::string_view prefix = {});

// How an English text is labelled wherever a page shows it: "English — unofficial
// translation (lawref); the Chinese text is authoritative", or the source an imported
// translation names.
std::string english_label(const LawText& en);

// The whole document: doctype, head (charset, viewport, title, the shared stylesheet and
// `extra_css`), `body` and a footer. The page's language is Simplified Chinese; English
// parts carry lang="en" themselves.
std::string page(std::string_view title, std::string_view body, std::string_view extra_css = {});

}  // namespace lawref::html
