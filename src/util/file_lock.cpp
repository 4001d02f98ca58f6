#include "util/file_lock.hpp"

#include "util/beneath.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace ogfeed::util {

Expected<FileLock>
FileLock::acquire(const std::filesystem::path& path, LockWait wait)
{
  return acquire_fd(AT_FDCWD, path, path, wait);
}

Expected<FileLock>
FileLock::acquire(const Dir& dir, const std::string& name, LockWait wait)
{
  return acquire_fd(dir.fd(), name, dir.path() / name, wait);
}

Expected<FileLock>
FileLock::acquire_fd(int dir_fd,
                     const std::filesystem::path& rel,
                     const std::filesystem::path& path,
                     LockWait wait)
{
  const int fd =
    ::openat(dir_fd,
             rel.c_str(),
             O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK,
             0644);
  if (fd < 0) {
    return tl::unexpected(os_error("open lock file", path.string(), errno));
  }
  const int how = LOCK_EX | (wait == LockWait::no ? LOCK_NB : 0);
  while (::flock(fd, how) != 0) {
    if (errno == EINTR) {
      continue;
    }
    const int err = errno;
    ::close(fd);
    return tl::unexpected(os_error("lock", path.string(), err));
  }
  return FileLock(fd);
}

FileLock::FileLock(int fd)
  : m_fd(fd)
{
}

FileLock::FileLock(FileLock&& other) noexcept
  : m_fd(std::exchange(other.m_fd, -1))
{
}

FileLock&
FileLock::operator=(FileLock&& other) noexcept
{
  if (this != &other) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = std::exchange(other.m_fd, -1);
  }
  return *this;
}

FileLock::~FileLock()
{
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

} // namespace ogfeed::util
