#pragma once

#include "util/error.hpp"

#include <filesystem>
#include <string>
#include <string_view>

// What beneath.cpp and beneath_write.cpp share; not for other files.
namespace ogfeed::util::detail {

// `rel` below `base`, for messages ("" is `base` itself).
std::string joined(const std::filesystem::path& base, std::string_view rel);

// The error for a path that is not plain (absolute, "..", empty segments).
Error bad_path(const std::filesystem::path& base, std::string_view rel);

// A temporary's name beside `name`, unique within this process.
std::string temp_name(std::string_view name);

} // namespace ogfeed::util::detail
