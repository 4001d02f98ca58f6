#include "util/beneath.hpp"
#include "util/beneath_detail.hpp"
#include "util/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

// Dir's writing: new files, files replaced through a temporary, moves.
namespace ogfeed::util {

namespace fs = std::filesystem;

using detail::bad_path;
using detail::joined;
using detail::temp_name;

namespace {

// Starts writing `fd`'s pages to disk (`length` bytes from `from`; 0: to
// the end) without waiting for it. A build commits its outputs after
// syncing them (each file's fsync(2), or one syncfs(2) of their file system
// for a commit of many); started here, a megabyte at a time as a file is
// written, that disk work runs meanwhile instead of all at the commit
// (publishing a 10,000-post build: 15-20 -> 7-12 ms). Only a hint: an
// error shows at the sync.
void
start_writeback(int fd, off_t from = 0, off_t length = 0)
{
#if defined(SYNC_FILE_RANGE_WRITE)
  (void)::sync_file_range(fd, from, length, SYNC_FILE_RANGE_WRITE);
#else
  (void)fd;
  (void)from;
  (void)length;
#endif
}

constexpr off_t k_writeback_step = off_t{1} << 20;

// What a file written here is to the disk.
enum class Durable : std::uint8_t {
  // Synced before it counts (an output the build commits): its writeback
  // is started as it is written, so the sync finds most of it done.
  soon,
  // Written back whenever the kernel likes (a cache): nothing is started,
  // and the build spends no time on it.
  whenever,
};

// Writes to `fd` what `produce` hands over, a piece at a time. Returns the
// first write's errno, ECANCELED when `produce` gave up, else 0.
int
write_produced(
  int fd,
  const std::function<bool(const std::function<bool(std::string_view)>&)>&
    produce,
  Durable durable)
{
  int err = 0;
  off_t written = 0;
  off_t started = 0; // bytes whose writeback has been started
  const bool made = produce([&](std::string_view piece) {
    err = err == 0 ? write_all(fd, piece) : err;
    written += static_cast<off_t>(piece.size());
    if (err == 0 && durable == Durable::soon
        && written - started >= k_writeback_step) {
      start_writeback(fd, started, written - started);
      started = written;
    }
    return err == 0;
  });
  return !made && err == 0 ? ECANCELED : err;
}

} // namespace

Expected<void>
Dir::write_new(std::string_view name, std::string_view bytes) const
{
  return write_new_from(
    name, [&](const std::function<bool(std::string_view)>& write) {
      return write(bytes);
    });
}

Expected<void>
Dir::write_new_from(
  std::string_view name,
  const std::function<bool(const std::function<bool(std::string_view)>&)>&
    produce) const
{
  if (!is_plain_relative(name) || name.find('/') != std::string_view::npos) {
    return tl::unexpected(bad_path(m_path, name));
  }
  const std::string n(name);
  const int fd = ::openat(m_fd,
                          n.c_str(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                          0644);
  if (fd < 0) {
    return tl::unexpected(os_error("create", joined(m_path, name), errno));
  }
  int err = write_produced(fd, produce, Durable::soon);
  if (err == 0) {
    start_writeback(fd);
  }
  if (::close(fd) != 0 && err == 0) {
    err = errno;
  }
  if (err != 0) {
    ::unlinkat(m_fd, n.c_str(), 0);
    return tl::unexpected(os_error("write", joined(m_path, name), err));
  }
  return {};
}

Expected<void>
Dir::write_replacing(std::string_view rel,
                     std::string_view bytes,
                     Sync sync) const
{
  return write_replacing_from(
    rel,
    [&](const std::function<bool(std::string_view)>& write) {
      return write(bytes);
    },
    sync);
}

Expected<void>
Dir::write_replacing_from(
  std::string_view rel,
  const std::function<bool(const std::function<bool(std::string_view)>&)>&
    produce,
  Sync sync) const
{
  auto parent = parent_of(rel, Create::yes);
  if (!parent) {
    return tl::unexpected(parent.error());
  }
  const Dir& dir = parent->first;
  const std::string& name = parent->second;
  const std::string temp = temp_name(name);
  const int fd = ::openat(dir.fd(),
                          temp.c_str(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                          0644);
  if (fd < 0) {
    return tl::unexpected(os_error("write", joined(m_path, rel), errno));
  }
  int err = write_produced(
    fd, produce, sync == Sync::yes ? Durable::soon : Durable::whenever);
  if (err == 0 && sync == Sync::yes && ::fsync(fd) != 0) {
    err = errno;
  }
  if (::close(fd) != 0 && err == 0) {
    err = errno;
  }
  if (err == 0
      && ::renameat(dir.fd(), temp.c_str(), dir.fd(), name.c_str()) != 0) {
    err = errno;
  }
  if (err != 0) {
    ::unlinkat(dir.fd(), temp.c_str(), 0);
    return tl::unexpected(os_error("write", joined(m_path, rel), err));
  }
  if (sync == Sync::yes) {
    return dir.sync();
  }
  return {};
}

Expected<void>
Dir::move_to(std::string_view from,
             const Dir& target,
             std::string_view to) const
{
  auto src = parent_of(from, Create::no);
  if (!src) {
    return tl::unexpected(src.error());
  }
  auto dst = target.parent_of(to, Create::yes);
  if (!dst) {
    return tl::unexpected(dst.error());
  }
  if (::renameat(src->first.fd(),
                 src->second.c_str(),
                 dst->first.fd(),
                 dst->second.c_str())
      == 0) {
    return {};
  }
  if (errno != EXDEV) {
    return tl::unexpected(
      os_error("replace", joined(target.path(), to), errno));
  }
  // Another file system: copy beside the target, synced, then rename.
  auto bytes = read(from, std::size_t{1} << 31);
  if (!bytes) {
    return tl::unexpected(bytes.error());
  }
  TRY(dst->first.write_replacing(dst->second, *bytes, Sync::yes));
  ::unlinkat(src->first.fd(), src->second.c_str(), 0);
  return {};
}

} // namespace ogfeed::util
