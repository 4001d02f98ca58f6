#pragma once

#include "util/error.hpp"
#include "util/time_zone.hpp"

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ogfeed::content {

// When git saw a file: the author date of the commit that added it
// (following renames) and of the last commit that touched it.
struct FileDates
{
  util::UtcSeconds created{};
  util::UtcSeconds modified{};
};

// Where the dates of posts without a `date` come from (Zenn, Qiita CLI,
// Hugo's enableGitInfo).
class FileHistory
{
public:
  virtual ~FileHistory() = default;
  // The dates of `file` (a path below the site root, as the loader has
  // it), or nullopt when the history has none for it.
  virtual std::optional<FileDates>
  dates_of(const std::filesystem::path& file) const = 0;
  // Whether there is a history at all (after the first dates_of()).
  virtual bool available() const = 0;
};

// The git history of a site's posts, read with one `git log` over the
// content folders, the first time a post asks (so sites whose posts all
// have dates never run git). Safe to ask from several threads.
class GitHistory : public FileHistory
{
public:
  GitHistory(std::filesystem::path site_root,
             std::vector<std::string> content_dirs);

  std::optional<FileDates>
  dates_of(const std::filesystem::path& file) const override;

  // After the first dates_of(): whether git had a history to read, and
  // whether it is a shallow clone (dates then come from its oldest
  // commit, not the one that added the file).
  bool used() const;
  bool available() const override;
  bool shallow() const;
  // Why git's history could not be read although there is a repository
  // (git refused it), or empty.
  const std::string& refusal() const;

private:
  void read() const;

  std::filesystem::path m_root;
  std::vector<std::string> m_dirs;
  mutable std::once_flag m_once;
  mutable bool m_used = false;
  mutable bool m_available = false;
  mutable bool m_shallow = false;
  mutable std::string m_refusal;
  mutable std::map<std::string, FileDates> m_dates; // by path below root
};

// Parses `git log --format=%x01%at --name-status -z -M` output (newest
// commit first) into the dates of each file, by its path today: renames
// are followed back to the commit that added the first name.
std::map<std::string, FileDates> parse_git_log(std::string_view log);

} // namespace ogfeed::content
