#pragma once

#include "util/beneath.hpp"
#include "util/error.hpp"

#include <filesystem>
#include <functional>
#include <string_view>

namespace ogfeed::util {

// One name met by walk_tree().
struct WalkEntry
{
  std::string_view rel;  // '/'-separated below the walked folder
  std::string_view name; // its last segment
  FileKind kind;         // a link is a link, never what it points to
};

enum class WalkStep {
  go_on,
  skip, // a folder: do not look inside it
};

// Calls `visit` for every name below `root` (not "." or ".."), depth
// first, in the order the folders list them, and looks inside each folder
// `visit` does not skip. Never follows a symbolic link: a link is reported
// as one and nothing below it is read. Fails naming the folder that could
// not be opened or read.
Expected<void>
walk_tree(const std::filesystem::path& root,
          const std::function<WalkStep(const WalkEntry&)>& visit);

} // namespace ogfeed::util
