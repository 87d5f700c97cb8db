// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, with its
// quotes doubled.
#pragma once
#include <string>

namespace lawref {

std::string csv_field(const std::string& s);

}  // namespace lawref
