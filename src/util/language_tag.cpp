#include "util/language_tag.hpp"

#include <algorithm>
#include <cctype>

namespace ogfeed::util {

bool
is_language_tag(std::string_view s)
{
  std::size_t part = 0;
  bool first = true;
  if (s.empty()) {
    return false;
  }
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '-') {
      // The primary subtag is a 2-3 letter code, or the i/x singletons.
      if (part == 0 || part > 8
          || (first && part != 2 && part != 3
              && !(part == 1
                   && (s[0] == 'i' || s[0] == 'x' || s[0] == 'I'
                       || s[0] == 'X')))) {
        return false;
      }
      first = false;
      part = 0;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (first ? !std::isalpha(c) : !std::isalnum(c)) {
      return false;
    }
    ++part;
  }
  return true;
}

bool
same_language(std::string_view a, std::string_view b)
{
  const std::string_view pa = a.substr(0, a.find('-'));
  const std::string_view pb = b.substr(0, b.find('-'));
  return pa.size() == pb.size()
         && std::equal(pa.begin(), pa.end(), pb.begin(), [](char x, char y) {
              return std::tolower(static_cast<unsigned char>(x))
                     == std::tolower(static_cast<unsigned char>(y));
            });
}

} // namespace ogfeed::util
