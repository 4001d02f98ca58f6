#pragma once

#include <filesystem>
#include <vector>

namespace ogfeed::cli {

// Where ogfeed's own templates/ and fonts/ are: $OGFEED_DATA_DIR, else
// share/ogfeed beside the installed binary (bin/../share/ogfeed, so a moved
// prefix works), else the source tree a build folder's binary came from.
std::filesystem::path data_dir();

// Template folders to search, a site's own first (so a file of the same name
// overrides ogfeed's), and likewise font folders.
std::vector<std::filesystem::path>
template_dirs(const std::filesystem::path& site_root);

std::vector<std::filesystem::path>
font_dirs(const std::filesystem::path& site_root);

} // namespace ogfeed::cli
