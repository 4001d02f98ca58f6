#pragma once

#include "util/error.hpp"

#include <filesystem>
#include <vector>

namespace ogfeed::card {

// Which files a card may be drawn from. A build runs on a repository it
// must not trust: a template, logo, avatar or background the repository
// names is read only from below the site's folder, never through a
// symbolic link, so a pull request cannot put `../../home/runner/x.png` or
// a link to it into a deployed card. ogfeed's own templates and fonts, and
// files named on the command line, are trusted wherever they are.
class FileScope
{
public:
  // A scope that allows nothing.
  FileScope() = default;
  FileScope(std::filesystem::path site,
            std::vector<std::filesystem::path> trusted);

  // A scope that allows every file: for tests and tools that read only
  // what their user names.
  static FileScope anywhere();

  // Nothing when `file` may be read: it is a trusted file or below a trusted
  // folder, or it is
  // a regular file below the site reached through no link. Else an error
  // that says why.
  util::Expected<void> check(const std::filesystem::path& file) const;

  bool
  allows(const std::filesystem::path& file) const
  {
    return check(file).has_value();
  }

private:
  bool m_anywhere = false;
  std::filesystem::path m_site;
  std::vector<std::filesystem::path> m_trusted;
};

} // namespace ogfeed::card
