// Whole-file reads with a size cap, and writes that never leave a half-written file:
// the data goes to a temporary file beside the target, which is then renamed over it.
#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lawref {

// Larger inputs are refused rather than read: no statute comes near this.
inline constexpr std::uintmax_t kMaxSourceBytes = 64u << 20;

// A file that cannot be read or written. what() is one line, "PATH: reason", with the
// system's reason (strerror) where there is one.
struct FileError : std::runtime_error {
  FileError(std::filesystem::path path, std::string reason)
      : std::runtime_error(path.string() + ": " + reason), path(std::move(path)), reason(std::move(reason)) {}
  std::filesystem::path path;
  std::string reason;  // "cannot open (Permission denied)", "is a directory", …
};

// Reads a regular file; a directory, device, FIFO or socket is refused without blocking on it.
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes = kMaxSourceBytes);

// Writes through a symlink to its target; refuses to replace anything but a regular file (a
// directory, /dev/full, a FIFO). The replaced file keeps its permissions. Throws FileError.
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

// Removes NAME.tmp-PID files a killed writer left in `dir` (those of a live process stay).
// Returns how many were removed; a folder that cannot be read is left alone.
std::size_t remove_stale_temporaries(const std::filesystem::path& dir);

// "a directory", "a character device", "a FIFO (named pipe)", … for messages.
std::string describe_file_type(std::filesystem::file_type type);

}  // namespace lawref
