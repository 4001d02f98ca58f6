#include "util/ascii.hpp"

#include <cctype>

namespace ogfeed::util {

std::string
ascii_lower(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    out += ascii_lower(c);
  }
  return out;
}

bool
is_html_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool
is_xml_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

namespace {

std::string_view
trim_if(std::string_view s, bool (*space)(char))
{
  while (!s.empty() && space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

} // namespace

std::string_view
trim_html_space(std::string_view s)
{
  return trim_if(s, &is_html_space);
}

std::string_view
trim_xml_space(std::string_view s)
{
  return trim_if(s, &is_xml_space);
}

} // namespace ogfeed::util
