#pragma once

// The folders a build writes: the output folder and its state folder
// (SITE/.ogfeed/NAME: manifest, journal, caches), opened without
// following a link, and the transaction on them.

#include "site/output_transaction.hpp"
#include "site/site_build.hpp"

namespace ogfeed::site {

// The build's transaction on its output and state folders: fails when
// they cannot be opened, or when git tracks the state folder.
util::Expected<OutputTransaction>
open_transaction(const BuildOptions& options,
                 const content::SiteConfig& config,
                 BuildReport& report);

} // namespace ogfeed::site
