// Whole-file reads with a size cap, and writes that never leave a half-written file:
// the data goes to a temporary file beside the target, which is then renamed over it.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace lawref {

// Larger inputs are refused rather than read: no statute comes near this.
inline constexpr std::uintmax_t kMaxSourceBytes = 64u << 20;

// Throws std::runtime_error with a one-line message on failure.
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes = kMaxSourceBytes);
void write_file_atomic(const std::filesystem::path& path, std::string_view data);

}  // namespace lawref
