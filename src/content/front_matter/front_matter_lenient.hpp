#pragma once

// Reading a post's front matter as leniently as its generator does, and
// the text problems a post may have (other encodings, stray control
// characters). Internal to src/content.

#include "content/front_matter/front_matter.hpp"
#include "util/error.hpp"
#include "util/utf8.hpp"
#include "util/yaml_value.hpp"

#include <string>
#include <string_view>

namespace ogfeed::content::detail {

// Parses front matter; YAML that fails only because a plain value holds
// ": " (`title: Tips: vim`, which Jekyll's own parser also refuses, losing
// the post's title) is read as the text it plainly is, with a warning at
// each such line.
util::Expected<util::YamlValue>
parse_front_matter_leniently(const FrontMatter& fm, util::Diagnostics& notes);

// Stray control characters (U+0008 from a copy and paste) are harmless:
// `cleaned` gets `text` without them, and the warning for `first` (the first
// of them) comes back.
util::Diagnostic drop_control_chars(std::string_view text,
                                    const util::TextProblem& first,
                                    std::string& cleaned);

// What a file that is not UTF-8 looks like, and the command that converts
// it ("" when it looks like nothing known).
std::string encoding_advice(std::string_view raw, const std::string& path);

} // namespace ogfeed::content::detail
