#include "util/git.hpp"

#include "util/process.hpp"

namespace ogfeed::util {

namespace fs = std::filesystem;

namespace {

// Settings no user or repository config may change here: none of them can
// then run a program or change what `git log` prints.
const std::vector<std::string> k_safe_settings = {
  "--no-pager",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "safe.bareRepository=explicit",
  "-c",
  "log.showSignature=false",
  "-c",
  "core.quotePath=false",
};

const Environment k_environment = {
  {"GIT_"}, {"GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0"}};

std::vector<std::string>
git_argv(const std::vector<std::string>& args)
{
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), k_safe_settings.begin(), k_safe_settings.end());
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

} // namespace

Expected<std::optional<GitRepository>>
find_git_repository(const fs::path& folder)
{
  auto found = run_capture(git_argv({"rev-parse",
                                     "--absolute-git-dir",
                                     "--show-toplevel",
                                     "--is-shallow-repository"}),
                           folder,
                           1 << 16,
                           k_environment);
  if (!found) {
    const std::string& why = found.error().message;
    if (found.error().os
        || why.find("not a git repository") != std::string::npos
        || why.find(": ") == std::string::npos) {
      return std::nullopt; // no git, or no repository: nothing to refuse
    }
    const fs::path shown = fs::absolute(folder).lexically_normal();
    std::string message = "git refuses the repository holding '"
                          + shown.string() + "' ("
                          + why.substr(why.find(": ") + 2) + ")";
    if (why.find("dubious ownership") != std::string::npos) {
      message += "; if you trust it, run `git config --global --add "
                 "safe.directory "
                 + shown.string() + "`";
    }
    return tl::unexpected(make_error(std::move(message)));
  }
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < found->size()) {
    const std::size_t nl = std::min(found->find('\n', start), found->size());
    lines.push_back(found->substr(start, nl - start));
    start = nl + 1;
  }
  if (lines.size() != 3 || lines[0].empty() || lines[0].front() != '/'
      || lines[1].empty() || lines[1].front() != '/'
      || (lines[2] != "true" && lines[2] != "false")) {
    return std::nullopt; // not what this git says: read no history
  }
  return GitRepository{lines[0], lines[1], lines[2] == "true"};
}

Expected<std::string>
run_git(const GitRepository& repo,
        const std::vector<std::string>& args,
        const fs::path& cwd,
        std::size_t max_bytes)
{
  std::vector<std::string> named = {"--git-dir=" + repo.git_dir.string(),
                                    "--work-tree=" + repo.work_tree.string()};
  named.insert(named.end(), args.begin(), args.end());
  return run_capture(git_argv(named), cwd, max_bytes, k_environment);
}

} // namespace ogfeed::util
