#include "util/split.hpp"

namespace ogfeed::util {

std::vector<std::string_view>
split(std::string_view text, char separator)
{
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = text.find(separator, start);
    out.push_back(text.substr(start, at - start));
    if (at == std::string_view::npos) {
      return out;
    }
    start = at + 1;
  }
}

} // namespace ogfeed::util
