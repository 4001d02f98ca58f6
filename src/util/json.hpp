#pragma once

#include <string>
#include <string_view>

namespace ogfeed::util {

// Returns `text` as a JSON string literal, quotes included; control
// characters are escaped, other UTF-8 passes through.
std::string json_string(std::string_view text);

// Returns a JSON number for `value` with at most two decimals ("980.5").
std::string json_number(double value);

} // namespace ogfeed::util
