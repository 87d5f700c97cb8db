// The index on disk: <db> is a symlink to <db>.versions/<version>; a build (full or
// incremental) writes a new version beside the live one and swaps the symlink atomically.
#pragma once
#include <filesystem>
#include <string>

namespace lawref {

// Unique per build: time, pid, and a counter for builds of one process within a millisecond.
std::string version_stamp();

// <db> must be absent or a symlink we made; throws IndexError for anything else.
void check_db_path(const std::filesystem::path& db);

// Points <db> at `version_dir` with one rename(2); throws IndexError.
void swap_in(const std::filesystem::path& db, const std::filesystem::path& version_dir);

// Old versions and interrupted builds: everything in .versions but `keep`. Call under the
// index lock, so that no other build is writing there.
void remove_stale_versions(const std::filesystem::path& versions, const std::filesystem::path& keep);

// After a failed build: removes what it wrote, and .versions itself when nothing is left.
void remove_leftovers(const std::filesystem::path& db, const std::filesystem::path& versions, const std::filesystem::path& building,
                      const std::filesystem::path& version_dir);

// Called from a catch block of a failed build (`what`: "build", "update"): removes what it
// wrote (remove_leftovers) and throws the exception again, a Xapian or filesystem error as an
// IndexError naming what failed, anything else as it is.
[[noreturn]] void abandon_build(const std::filesystem::path& db, const std::filesystem::path& versions, const std::filesystem::path& building,
                                const std::filesystem::path& version_dir, const std::string& what);

}  // namespace lawref
