#pragma once

#include "util/error.hpp"
#include "util/yaml_value.hpp"

#include <string_view>

namespace ogfeed::util {

// Parses TOML front matter (Hugo's `+++` blocks) whose first line is file
// line `first_line` into the same value tree YAML gives, with positions:
// strings, numbers and booleans become scalars (dates in RFC 3339 form,
// "2024-05-01" for a date alone), arrays sequences, tables maps. Fails with
// the parser's message at its position, or when nested deeper than 64
// levels.
util::Expected<YamlValue> parse_toml(std::string_view text, int first_line);

} // namespace ogfeed::util
