#pragma once

#include "util/error.hpp"

#include <filesystem>

namespace ogfeed::util {

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

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

private:
  explicit FileLock(int fd);
  int m_fd = -1;
};

} // namespace ogfeed::util
