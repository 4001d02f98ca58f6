#pragma once

#include "util/error.hpp"
#include "util/yaml_value.hpp"

#include <string_view>

namespace ogfeed::content {

// Reads Eleventy's `---js` front matter without running it: each line
// `const name = value;` (or let/var, `export` allowed) whose value is a
// literal (a quoted string without `${`, a number, true/false/null, or a
// one-line array or object of such) becomes `name: value`, like
// Eleventy's own reading of it. Blank and `//` comment lines are skipped.
// Any other line is code: an error at that line saying what is read.
util::Expected<util::YamlValue> parse_js_front_matter(std::string_view text,
                                                      int first_line);

} // namespace ogfeed::content
