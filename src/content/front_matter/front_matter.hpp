#pragma once

#include "util/error.hpp"

#include <string>
#include <string_view>

namespace ogfeed::content {

// The languages front matter is written in.
enum class FrontMatterFormat {
  yaml,       // --- ... --- (or ... to close, pandoc/Hakyll)
  toml,       // +++ ... +++ (Hugo)
  json,       // { ... } (Hugo), or ---json ... --- (Eleventy)
  javascript, // ---js ... --- (Eleventy): code, which ogfeed never runs
  none,       // no front matter: the whole file is the body
};

// Whether a file must open with front matter.
enum class Opening {
  required, // else an error
  optional, // else FrontMatterFormat::none (generators publish such files)
};

// A post file split into its front matter and its Markdown body.
struct FrontMatter
{
  FrontMatterFormat format = FrontMatterFormat::yaml;
  std::string_view data; // without the opening and closing lines
  int data_line = 0;     // 1-based file line of the first data line
  std::string_view body;
  int body_line = 0; // 1-based file line of the first body line
};

// Returns `text` with a leading UTF-8 BOM dropped and CRLF line ends turned
// into LF, so positions stay the same lines and columns.
std::string normalize_text(std::string_view text);

// Splits normalized text. YAML opens with a `---` line on line 1 and closes
// with `---` or `...` (a `---` right after `...`, pandoc's habit, is consumed
// too); `---json`, `---yaml` and `---js` open Eleventy's blocks, closed by
// `---`; `+++` opens and closes TOML; a `{` at the start of line 1 opens a
// JSON object, closed by its matching `}`. Blank lines before the opening
// line are skipped. Fails when the closing line is missing, or the opening
// one and `opening` requires it.
util::Expected<FrontMatter>
split_front_matter(std::string_view text, Opening opening = Opening::required);

} // namespace ogfeed::content
