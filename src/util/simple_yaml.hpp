#pragma once

#include "util/yaml_value.hpp"

#include <optional>
#include <string_view>

namespace ogfeed::util {

// Parses the plain shape nearly every front matter block has — top-level
// `key: scalar` lines and block lists of scalars (`tags:` then ` - Docker`),
// with plain, simple single- and double-quoted scalars — about twenty times
// faster than yaml-cpp. Returns nullopt for anything else (flow collections,
// nested maps, escapes, anchors, comments after values, multi-line scalars,
// repeated keys), which the caller then hands to yaml-cpp; when it does
// return a value, that value is what yaml-cpp would give.
std::optional<util::YamlValue> parse_simple_yaml(std::string_view text,
                                                 int first_line);

} // namespace ogfeed::util
