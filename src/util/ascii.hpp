#pragma once

#include <string>
#include <string_view>

namespace ogfeed::util {

// Returns `s` with ASCII letters in lower case; other bytes (UTF-8 included)
// are kept. For names that are case-insensitive: URL schemes, HTML names,
// encodings, YAML booleans, English month names.
std::string ascii_lower(std::string_view s);

} // namespace ogfeed::util
