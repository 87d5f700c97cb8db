#include "score_format.h"

#include <cmath>
#include <cstdio>

namespace lawref {

std::string score_text(double score, ScorePrecision precision) {
  char buf[32];
  std::snprintf(buf, sizeof buf, precision == ScorePrecision::Stored ? "%.3f" : "%.2f", score);
  return buf;
}

double json_score(double score) { return std::round(score * 1000) / 1000; }

}  // namespace lawref
