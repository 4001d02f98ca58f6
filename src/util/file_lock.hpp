#pragma once

#include "util/error.hpp"

#include <filesystem>
#include <string>

namespace ogfeed::util {

class Dir;

enum class LockWait {
  no,  // fail at once when another process holds the lock
  yes, // block until it is released
};

// An exclusive flock(2) on a file, held until destruction. The kernel drops
// it when the process dies, so a killed build never leaves a stale lock.
class FileLock
{
public:
  // Creates `path` if needed and locks it. Fails with `busy` set when
  // another process holds it and `wait` is no.
  static Expected<FileLock> acquire(const std::filesystem::path& path,
                                    LockWait wait);

  // The same for the file `name` in `dir`, never through a link.
  static Expected<FileLock>
  acquire(const Dir& dir, const std::string& name, LockWait wait);

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

private:
  static Expected<FileLock> acquire_fd(int dir_fd,
                                       const std::filesystem::path& rel,
                                       const std::filesystem::path& path,
                                       LockWait wait);
  explicit FileLock(int fd);
  int m_fd = -1;
};

} // namespace ogfeed::util
