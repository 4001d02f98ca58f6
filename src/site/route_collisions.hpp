#pragma once

#include "content/config/site_config.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace ogfeed::site {

// ogfeed's outputs (paths below the output folder, which the site
// publishes at its base URL) that the generator also builds from a file of
// its own (`config.generator_routes`): the site gets only one of the two.
// One warning for each, at that file, with the fix.
util::Diagnostics route_collisions(const content::SiteConfig& config,
                                   const std::vector<std::string>& outputs,
                                   const std::filesystem::path& site_root);

} // namespace ogfeed::site
