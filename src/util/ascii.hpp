#pragma once

#include <string>
#include <string_view>

namespace ogfeed::util {

// Returns `s` with ASCII letters in lower case; other bytes (UTF-8 included)
// are kept. For names that are case-insensitive: URL schemes, HTML names,
// encodings, YAML booleans, English month names.
std::string ascii_lower(std::string_view s);
constexpr char
ascii_lower(char c)
{
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// HTML's ASCII whitespace (space, tab, LF, FF, CR): what separates
// attributes and srcset candidates and is stripped around URLs.
bool is_html_space(char c);
std::string_view trim_html_space(std::string_view s);

// XML's white space (space, tab, LF, CR): what XML and feed values may carry
// around them.
bool is_xml_space(char c);
std::string_view trim_xml_space(std::string_view s);

} // namespace ogfeed::util
