#pragma once

#include "util/error.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace ogfeed::util {

// Reads a whole file. Fails (with the OS reason) when it cannot be opened or
// read, or when it is larger than `max_bytes`.
Expected<std::string> read_file(const std::filesystem::path& path,
                                std::size_t max_bytes);

// Writes `bytes` to a temporary file beside `path` (creating parent folders)
// and returns the temporary's path; nothing at `path` changes yet.
Expected<std::filesystem::path>
write_temp_file(const std::filesystem::path& path, std::string_view bytes);

// Renames a temporary file from write_temp_file() into place atomically.
Expected<void> commit_temp_file(const std::filesystem::path& temp,
                                const std::filesystem::path& path);

// Writes `bytes` to `path` through a temporary file and a rename, so readers
// see either the old file or the whole new one.
Expected<void> write_file_atomic(const std::filesystem::path& path,
                                 std::string_view bytes);

} // namespace ogfeed::util
