#include "cli/data_dir.hpp"

#include <cstdlib>

namespace ogfeed::cli {

std::filesystem::path
data_dir()
{
  if (const char* dir = std::getenv("OGFEED_DATA_DIR");
      dir != nullptr && *dir != '\0') {
    return dir;
  }
  return OGFEED_DATA_DIR;
}

std::vector<std::filesystem::path>
template_dirs(const std::filesystem::path& site_root)
{
  return {site_root / "templates", data_dir() / "templates"};
}

std::vector<std::filesystem::path>
font_dirs(const std::filesystem::path& site_root)
{
  return {site_root / "fonts", data_dir() / "fonts"};
}

} // namespace ogfeed::cli
