// lawref's exit codes (documented in README.md), in the ripgrep tradition.
#pragma once

namespace lawref::exit_code {

inline constexpr int kOk = 0;
inline constexpr int kNotFound = 1;       // no such law or provision; no hits
inline constexpr int kBadInput = 2;       // usage error, unparsable input, a refused import
inline constexpr int kCorpusProblem = 3;  // `check` found problems; unreadable corpus or index; I/O failure
inline constexpr int kInternal = 4;       // a bug in lawref

}  // namespace lawref::exit_code
