#pragma once

// The folders a build writes: the output folder and its state folder
// (SITE/.ogfeed/NAME: manifest, journal, caches), opened without
// following a link, and the transaction on them.

#include "site/output_transaction.hpp"
#include "site/site_build.hpp"

#include <future>

namespace ogfeed::site {

// Whether git tracks anything in the site's own state folder (SITE/.ogfeed;
// nothing to check with --state-dir), asked on a thread of its own: git
// runs while the site's settings load. Its answer is open_transaction()'s.
std::future<util::Expected<void>>
check_state_untracked(const BuildOptions& options);

// The build's transaction on its output and state folders: fails when
// they cannot be opened, or when `untracked` says git tracks the state
// folder.
util::Expected<OutputTransaction>
open_transaction(const BuildOptions& options,
                 const content::SiteConfig& config,
                 std::future<util::Expected<void>>& untracked,
                 BuildReport& report);

} // namespace ogfeed::site
