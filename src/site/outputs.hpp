#pragma once

#include "util/error.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace ogfeed::site {

// A file a build writes.
struct OutputFile
{
  std::filesystem::path path;
  std::string bytes;
};

// Writes every output to a temporary file first, then renames them all into
// place; on the first failure the temporaries are removed and nothing was
// replaced.
util::Expected<void> replace_outputs(const std::vector<OutputFile>& outputs);

} // namespace ogfeed::site
