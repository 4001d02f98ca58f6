#pragma once

#include "util/error.hpp"

#include <string>
#include <string_view>

namespace ogfeed::content {

// A post file split into its YAML front matter and its Markdown body.
struct FrontMatter
{
  std::string_view yaml; // without the --- lines
  int yaml_line = 0;     // 1-based file line of the first YAML line
  std::string_view body;
  int body_line = 0; // 1-based file line of the first body line
};

// Returns `text` with a leading UTF-8 BOM dropped and CRLF line ends turned
// into LF, so positions stay the same lines and columns.
std::string normalize_text(std::string_view text);

// Splits normalized text. The block opens with a `---` line on line 1 and
// closes with `---` or `...`; a `---` right after `...` (pandoc's habit) is
// consumed too. Fails when the opening or closing line is missing.
util::Expected<FrontMatter> split_front_matter(std::string_view text);

} // namespace ogfeed::content
