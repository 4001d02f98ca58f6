#pragma once

#include "util/error.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ogfeed::util {

// A git repository, found once, that git is then always run on by name.
struct GitRepository
{
  std::filesystem::path git_dir;   // absolute
  std::filesystem::path work_tree; // absolute
  bool shallow = false;
};

// Finds the repository whose work tree holds `folder`. nullopt when there
// is none (or no git); an error when git refuses the one there (another
// user's: "dubious ownership"; a bare repository the folder's own files
// could have put there), its message saying why and how to allow it.
Expected<std::optional<GitRepository>>
find_git_repository(const std::filesystem::path& folder);

// Runs `git ARGS` on `repo` as data, never as code: the repository and work
// tree named explicitly, no system config, no pager, no fsmonitor, no
// signatures shown (no gpg run), no implicit bare repository, and no GIT_*
// variable of the caller's environment. It runs in `cwd` (inside the work
// tree: relative paths are relative to it). stdout is returned (at most
// `max_bytes`).
Expected<std::string> run_git(const GitRepository& repo,
                              const std::vector<std::string>& args,
                              const std::filesystem::path& cwd,
                              std::size_t max_bytes);

} // namespace ogfeed::util
