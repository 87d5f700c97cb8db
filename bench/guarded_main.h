#pragma once
// The bench tools are run by people and by bench/run: a missing file, a bad index or a bad
// argument is one line on stderr and exit 1, as in lawref itself, never std::terminate's abort.
#include <cstdio>
#include <exception>

namespace lawref::bench {

template <class Body>
int guarded_main(const char* tool, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", tool, e.what());
  } catch (...) {
    std::fprintf(stderr, "%s: unexpected error\n", tool);
  }
  return 1;
}

}  // namespace lawref::bench
