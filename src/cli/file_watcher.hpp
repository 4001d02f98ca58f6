#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ogfeed::cli {

// Watches a site's folders for changes with inotify, for `build --watch`:
// every folder below the root but hidden ones (.git, .ogfeed), node_modules
// and the output folder, and the folders created later. Editors' scratch
// files (".x.swp", "x~", "4913") do not count as changes.
class FileWatcher
{
public:
  // Fails (with a message) when inotify is not available. Watches at most
  // `max_folders` folders and says so when there are more.
  static std::unique_ptr<FileWatcher>
  open(const std::filesystem::path& root,
       const std::filesystem::path& output_dir,
       std::string& error,
       std::size_t max_folders = 8192);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Waits for a change, then until `quiet` passes with none more (an
  // editor saves in several steps, git checks out many files). Returns the
  // changed paths (relative to the root, first ones first), or nothing when
  // `stop` became true (a signal) or the watch broke.
  std::vector<std::string> wait(std::chrono::milliseconds quiet,
                                const volatile bool& stop);

  // Warnings from watching (too many folders), once each.
  std::vector<std::string> take_notes();

private:
  FileWatcher(int fd,
              std::filesystem::path root,
              std::filesystem::path output_dir,
              std::size_t max_folders);
  void add_tree(const std::filesystem::path& dir);
  bool skipped(const std::filesystem::path& dir) const;
  void read_events(std::vector<std::string>& changed);

  struct State;
  std::unique_ptr<State> m;
};

} // namespace ogfeed::cli
