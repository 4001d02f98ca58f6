#pragma once

#include "util/error.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace ogfeed::util {

// Checks that `text` is valid UTF-8 and holds only characters XML 1.0 allows
// (tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF). Returns an
// error at the first offending character's 1-based line and column (columns
// count code points), offset by `first_line` for text that starts mid-file.
Expected<void> check_xml_text(std::string_view text, int first_line = 1);

// Replaces every character XML 1.0 forbids, and every invalid UTF-8 sequence,
// with U+FFFD. Text that is already clean comes back unchanged.
std::string replace_non_xml_chars(std::string_view text);

// Returns the 1-based column (in code points) of byte `offset` in `line`.
int column_of(std::string_view line, std::size_t offset);

// Returns the longest prefix of `text` of at most `max_bytes` bytes that does
// not split a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

// Returns the number of code points in valid UTF-8 `text`.
std::size_t utf8_length(std::string_view text);

// Returns `utf8` decoded to code points; invalid bytes become U+FFFD.
std::u32string decode_utf8(std::string_view utf8);

// Returns `text` encoded as UTF-8.
std::string encode_utf8(std::u32string_view text);

// Returns "U+00E9" for a code point (at least four hex digits).
std::string code_point_name(char32_t c);

} // namespace ogfeed::util
