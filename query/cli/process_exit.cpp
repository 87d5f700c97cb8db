#include "process_exit.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace lawref::cli {

void end_process(int code) {
  // finish_output has already flushed std::cout and reported a failed write; these flushes
  // only make sure nothing is left in a buffer that _Exit would drop.
  std::cout.flush();
  std::cerr.flush();
  std::clog.flush();
  std::fflush(nullptr);
#if defined(__SANITIZE_ADDRESS__)
  std::exit(code);  // LeakSanitizer reports from an atexit handler
#else
  std::_Exit(code);
#endif
}

}  // namespace lawref::cli
