#include "util/file_name.hpp"

namespace ogfeed::util {

std::string_view
last_segment(std::string_view path)
{
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view
extension_of(std::string_view name)
{
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view()
                                                   : name.substr(dot);
}

std::string_view
stem_of(std::string_view name)
{
  return name.substr(0, name.size() - extension_of(name).size());
}

} // namespace ogfeed::util
