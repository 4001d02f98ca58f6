#pragma once

#include "site/site_build.hpp"

#include <string>

namespace ogfeed::site {

// The machine-readable account of a build (`ogfeed build --report`), for a
// CI step: the settings used, every post (published, or why not), every
// output (path below the output folder, kind, bytes, SHA-256 of the file
// as it is now, whether this build changed it), every card (drawn or taken
// from the cache), every diagnostic, and seconds per stage. The schema is
// in docs/report.md.
std::string build_report_json(const BuildReport& report);

} // namespace ogfeed::site
