#pragma once

#include "util/error.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace ogfeed::util {

// How run_capture() changes the environment it passes on.
struct Environment
{
  std::vector<std::string> unset_prefixes; // drop every NAME starting so
  std::vector<std::string> set;            // then add "NAME=value"
};

// Runs `argv` (argv[0] looked up in PATH, no shell) in folder `cwd` with
// stdin on /dev/null, and returns what it wrote to stdout. Fails when it
// cannot be started, writes more than `max_bytes`, is killed, or exits with
// a status other than 0; the error then ends with the first line it wrote
// to stderr (after ": "), if any.
Expected<std::string> run_capture(const std::vector<std::string>& argv,
                                  const std::filesystem::path& cwd,
                                  std::size_t max_bytes,
                                  const Environment& environment = {});

} // namespace ogfeed::util
