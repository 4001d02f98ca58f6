#include "cli/data_dir.hpp"

#include <cstdlib>
#include <system_error>

namespace ogfeed::cli {

namespace fs = std::filesystem;

std::filesystem::path
data_dir()
{
  if (const char* dir = std::getenv("OGFEED_DATA_DIR");
      dir != nullptr && *dir != '\0') {
    return dir;
  }
  // Installed: share/ogfeed beside bin/, wherever the prefix was moved.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed =
      (exe.parent_path() / OGFEED_RELATIVE_DATA_DIR).lexically_normal();
    if (fs::is_directory(installed / "templates", ec)) {
      return installed;
    }
  }
  return OGFEED_DATA_DIR; // a build folder's binary: the source tree
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
