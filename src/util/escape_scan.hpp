#pragma once

#include <cstddef>
#include <string_view>

namespace ogfeed::util {

// The bytes escaping changes: a JSON string's (control characters, '"',
// '\\'), and with Escapes::json_and_html also HTML text's and attribute
// values' ('&', '<', '>').
enum class Escapes {
  json,
  json_and_html,
};

// The index of the first byte of `text` at or after `from` that `escapes`
// changes, or std::string_view::npos when there is none (most titles,
// descriptions and URLs). Eight bytes are looked at a time.
std::size_t
first_escaped(std::string_view text, Escapes escapes, std::size_t from = 0);

} // namespace ogfeed::util
