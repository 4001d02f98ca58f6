#pragma once

#include <string_view>
#include <vector>

namespace ogfeed::util {

// Returns the pieces of `text` between `separator`s, empty ones included:
// "a\tb\t" -> {"a", "b", ""}. The pieces point into `text`.
std::vector<std::string_view> split(std::string_view text, char separator);

} // namespace ogfeed::util
