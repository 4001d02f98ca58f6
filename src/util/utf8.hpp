#pragma once

#include "util/error.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ogfeed::util {

// The first thing in a text that XML cannot carry.
struct TextProblem
{
  enum class Kind {
    invalid_utf8,
    forbidden_char, // valid UTF-8, but a character XML 1.0 forbids (C0...)
  };
  Kind kind = Kind::invalid_utf8;
  int line = 0;           // 1-based, offset by `first_line`
  int column = 0;         // 1-based, in code points
  char32_t c = 0;         // forbidden_char: the character
  unsigned char byte = 0; // invalid_utf8: the first bad byte
};

// True when `text` is valid UTF-8 with only characters XML allows and no
// CR: nearly every post file, which then needs no other check or copy.
// False says nothing more (find_text_problem() tells).
bool is_plain_text(std::string_view text);

// Returns the first problem in `text`, or nullopt when it is clean.
std::optional<TextProblem> find_text_problem(std::string_view text,
                                             int first_line = 1);

// Returns `text` without the characters XML forbids (invalid UTF-8 is kept
// for find_text_problem() to report), and how many it dropped.
std::string drop_forbidden_chars(std::string_view text, std::size_t& dropped);

// The error check_xml_text() gives for `problem`.
Error text_problem_error(const TextProblem& problem,
                         std::string_view advice = "save the file as UTF-8");

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
