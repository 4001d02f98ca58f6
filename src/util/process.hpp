#pragma once

#include "util/error.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace ogfeed::util {

// Runs `argv` (argv[0] looked up in PATH, no shell) in folder `cwd` with
// stdin and stderr on /dev/null, and returns what it wrote to stdout. Fails
// when it cannot be started, writes more than `max_bytes`, is killed, or
// exits with a status other than 0.
Expected<std::string> run_capture(const std::vector<std::string>& argv,
                                  const std::filesystem::path& cwd,
                                  std::size_t max_bytes);

} // namespace ogfeed::util
