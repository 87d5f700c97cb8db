// Similarity scores (0–1) as every output shows them: one formatter for text, CSV, graphs and
// HTML, one rounding for JSON.
#pragma once
#include <string>

namespace lawref {

enum class ScorePrecision {
  Display,  // two decimals, for people: 0.87
  Stored,   // three decimals, as the index keeps scores: 0.873 (CSV and graph exports)
};

std::string score_text(double score, ScorePrecision precision = ScorePrecision::Display);

// A score as JSON carries it: rounded to three decimals, as the index stores it.
double json_score(double score);

}  // namespace lawref
