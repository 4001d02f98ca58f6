#pragma once

#include <filesystem>
#include <vector>

namespace ogfeed::cli {

// Where ogfeed's own templates/ and fonts/ are: $OGFEED_DATA_DIR, else the
// folder ogfeed was built or installed with.
std::filesystem::path data_dir();

// Template folders to search, a site's own first (so a file of the same name
// overrides ogfeed's), and likewise font folders.
std::vector<std::filesystem::path>
template_dirs(const std::filesystem::path& site_root);

std::vector<std::filesystem::path>
font_dirs(const std::filesystem::path& site_root);

} // namespace ogfeed::cli
