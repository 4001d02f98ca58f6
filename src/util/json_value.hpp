#pragma once

#include "util/error.hpp"
#include "util/yaml_value.hpp"

#include <string_view>

namespace ogfeed::util {

// Parses a JSON file ogfeed reads for a site (a generator's config.json,
// Eleventy's directory data) strictly, by RFC 8259 (util::parse_json:
// RapidJSON), into the same value tree YAML gives, with positions: objects
// become maps, arrays sequences, strings quoted scalars, numbers and
// booleans plain scalars, null null; a byte order mark is skipped. (YAML
// would also take comments, trailing commas and a second document.)
util::Expected<YamlValue> parse_json_value(std::string_view text);

} // namespace ogfeed::util
