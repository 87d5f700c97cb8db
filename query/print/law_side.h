// One side of a comparison as the printers need it: the law and its Chinese text.
#pragma once
#include "model.h"
#include "registry.h"

namespace lawref {

struct LawSide {
  const LawInfo& info;
  const LawText& text;
};

}  // namespace lawref
