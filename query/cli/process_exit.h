// Ending the lawref process once its command has answered.
#pragma once

namespace lawref::cli {

// Flushes every output stream, then ends the process with `code` at once: static
// destructors and atexit handlers are skipped (the built-in thesaurus and glossary, the
// CLI's option tree, each shared library's finaliser), since the kernel frees the memory
// and closes the files anyway. Call it only once the command's output is complete and its
// exit code final (finish_output). Under AddressSanitizer the process ends normally, so
// that the leak check at exit still runs.
[[noreturn]] void end_process(int code);

}  // namespace lawref::cli
