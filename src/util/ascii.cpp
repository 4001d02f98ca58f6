#include "util/ascii.hpp"

#include <cctype>

namespace ogfeed::util {

std::string
ascii_lower(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

} // namespace ogfeed::util
