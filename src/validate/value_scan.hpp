#pragma once

// Small scanners the value checks share (values.cpp, value_dates.cpp).

#include <algorithm>
#include <cctype>
#include <string_view>

namespace ogfeed::validate::detail {

inline bool
digits(std::string_view s, std::size_t at, std::size_t n)
{
  if (at + n > s.size()) {
    return false;
  }
  for (std::size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
      return false;
    }
  }
  return true;
}

inline int
number(std::string_view s, std::size_t at, std::size_t n)
{
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

inline bool
iequals(std::string_view a, std::string_view b)
{
  return a.size() == b.size()
         && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
              return std::tolower(static_cast<unsigned char>(x))
                     == std::tolower(static_cast<unsigned char>(y));
            });
}

} // namespace ogfeed::validate::detail
