#include "util/beneath.hpp"

#include "util/beneath_detail.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <vector>

namespace ogfeed::util {

namespace fs = std::filesystem;

namespace detail {

std::string
joined(const fs::path& base, std::string_view rel)
{
  // What base / rel gives for a plain relative `rel`, without a path's
  // parsing (every post read names its file for the errors it may meet).
  const std::string& b = base.native();
  std::string out;
  out.reserve(b.size() + 1 + rel.size()); // one allocation
  out += b;
  if (rel.empty()) {
    return out;
  }
  if (!out.empty() && out.back() != '/') {
    out += '/';
  }
  out += rel;
  return out;
}

Error
bad_path(const fs::path& base, std::string_view rel)
{
  return make_error("'" + std::string(rel) + "' is not a plain path below '"
                    + base.string() + "'");
}

std::string
temp_name(std::string_view name)
{
  static std::atomic<unsigned> counter{0};
  return "." + std::string(name) + ".tmp-" + std::to_string(::getpid()) + "-"
         + std::to_string(counter.fetch_add(1));
}

} // namespace detail

using detail::bad_path;
using detail::joined;

namespace {

std::vector<std::string_view>
segments(std::string_view rel)
{
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= rel.size()) {
    const std::size_t slash = std::min(rel.find('/', start), rel.size());
    out.push_back(rel.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

Error
link_error(const fs::path& base, std::string_view rel)
{
  return make_error("'" + joined(base, rel)
                    + "' is a symbolic link; ogfeed never reads or writes "
                      "through one in a site, its output or its state: remove "
                      "it");
}

// openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS; -1 with errno ENOSYS
// where the kernel lacks it (before Linux 5.6) or a filter refuses it.
int
openat2_beneath(int dirfd, const char* rel, int flags)
{
#ifdef SYS_openat2
  static std::atomic<bool> missing{false};
  if (!missing.load(std::memory_order_relaxed)) {
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
    const long fd = ::syscall(SYS_openat2, dirfd, rel, &how, sizeof how);
    if (fd >= 0 || (errno != ENOSYS && errno != EPERM)) {
      return static_cast<int>(fd);
    }
    missing.store(true, std::memory_order_relaxed);
  }
#endif
  errno = ENOSYS;
  return -1;
}

// Opens `rel` below `dirfd` with `flags`, following no link at any
// component. On failure returns -1 with errno; ELOOP means a link was met.
int
open_beneath(int dirfd, std::string_view rel, int flags)
{
  const std::string path(rel);
  if (path.find('/') == std::string::npos && !path.empty() && path != "."
      && path != "..") {
    // One plain name: nothing to resolve but itself, and O_NOFOLLOW keeps
    // that from being a link (ELOOP), as openat2 would (and is cheaper:
    // every post is opened so).
    return ::openat(dirfd, path.c_str(), flags | O_NOFOLLOW);
  }
  const int fd = openat2_beneath(dirfd, path.c_str(), flags);
  if (fd >= 0 || errno != ENOSYS) {
    // openat2 says EXDEV for a ".." or an absolute link, ELOOP for a link.
    if (fd < 0 && errno == EXDEV) {
      errno = ELOOP;
    }
    return fd;
  }
  const auto parts = segments(rel);
  int at = dirfd;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string part(parts[i]);
    const int next = ::openat(
      at, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int err = errno;
    if (at != dirfd) {
      ::close(at);
    }
    if (next < 0) {
      errno = err == ENOTDIR ? ELOOP : err;
      return -1;
    }
    at = next;
  }
  const std::string last(parts.back());
  const int fd2 = ::openat(at, last.c_str(), flags | O_NOFOLLOW);
  const int err = errno;
  if (at != dirfd) {
    ::close(at);
  }
  errno = err;
  return fd2;
}

// Tells a link (or a file where a folder should be) from other failures,
// for the message: returns the error to report for `rel`'s failure `err`.
Error
open_error(
  const char* action, const Dir& dir, std::string_view rel, int err, int at_fd)
{
  // Find the first segment that is a link, to name it.
  std::string so_far;
  for (const auto part : segments(rel)) {
    so_far += so_far.empty() ? "" : "/";
    so_far += part;
    struct stat st
    {
    };
    const int fd = so_far.find('/') == std::string::npos
                     ? at_fd
                     : open_beneath(at_fd,
                                    so_far.substr(0, so_far.rfind('/')),
                                    O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      break;
    }
    const std::string leaf = so_far.substr(so_far.rfind('/') + 1);
    const int r = ::fstatat(fd, leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW);
    if (fd != at_fd) {
      ::close(fd);
    }
    if (r != 0) {
      break;
    }
    if (S_ISLNK(st.st_mode)) {
      return link_error(dir.path(), so_far);
    }
  }
  return os_error(
    action, joined(dir.path(), rel), err == ELOOP ? ENOTDIR : err);
}

// Reads up to `size` bytes (fewer only at the end of the file); -1 on an
// error.
ssize_t
read_fully(int fd, char* buf, std::size_t size)
{
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::read(fd, buf + got, size - got);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return -1;
    }
    if (n == 0) {
      break;
    }
    got += static_cast<std::size_t>(n);
  }
  return static_cast<ssize_t>(got);
}

} // namespace

bool
is_plain_relative(std::string_view rel)
{
  if (rel.empty() || rel.front() == '/'
      || rel.find('\0') != std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= rel.size()) {
    const std::size_t slash = std::min(rel.find('/', start), rel.size());
    const std::string_view part = rel.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") {
      return false;
    }
    start = slash + 1;
  }
  return true;
}

Dir::Dir(int fd, fs::path path)
  : m_fd(fd),
    m_path(std::move(path))
{
}

Dir::Dir(Dir&& other) noexcept
  : m_fd(other.m_fd),
    m_path(std::move(other.m_path))
{
  other.m_fd = -1;
}

Dir&
Dir::operator=(Dir&& other) noexcept
{
  if (this != &other) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = other.m_fd;
    m_path = std::move(other.m_path);
    other.m_fd = -1;
  }
  return *this;
}

Dir::~Dir()
{
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

Expected<Dir>
Dir::open(const fs::path& path, Create create)
{
  if (create == Create::yes) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) {
      return tl::unexpected(
        os_error("create folder", path.string(), ec.value()));
    }
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return tl::unexpected(os_error("open folder", path.string(), errno));
  }
  return Dir(fd, path);
}

Expected<Dir>
Dir::sub(std::string_view rel, Create create) const
{
  if (!is_plain_relative(rel)) {
    return tl::unexpected(bad_path(m_path, rel));
  }
  constexpr int k_flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
  int fd = open_beneath(m_fd, rel, k_flags);
  if (fd < 0 && errno == ENOENT && create == Create::yes) {
    // Create one segment at a time, each from its opened parent.
    int at = ::fcntl(m_fd, F_DUPFD_CLOEXEC, 0);
    std::string so_far;
    for (const auto part : segments(rel)) {
      const std::string name(part);
      so_far += (so_far.empty() ? "" : "/") + name;
      if (::mkdirat(at, name.c_str(), 0755) != 0 && errno != EEXIST) {
        const int err = errno;
        ::close(at);
        return tl::unexpected(
          os_error("create folder", joined(m_path, so_far), err));
      }
      const int next = ::openat(at, name.c_str(), k_flags | O_NOFOLLOW);
      const int err = errno;
      ::close(at);
      if (next < 0) {
        return tl::unexpected(
          open_error("open folder", *this, so_far, err, m_fd));
      }
      at = next;
    }
    fd = at;
  }
  if (fd < 0) {
    return tl::unexpected(open_error("open folder", *this, rel, errno, m_fd));
  }
  return Dir(fd, m_path / fs::u8path(rel));
}

Expected<std::pair<Dir, std::string>>
Dir::parent_of(std::string_view rel, Create create) const
{
  if (!is_plain_relative(rel)) {
    return tl::unexpected(bad_path(m_path, rel));
  }
  const std::size_t slash = rel.rfind('/');
  if (slash == std::string_view::npos) {
    const int fd = ::fcntl(m_fd, F_DUPFD_CLOEXEC, 0);
    return std::pair<Dir, std::string>(Dir(fd, m_path), std::string(rel));
  }
  auto parent = sub(rel.substr(0, slash), create);
  if (!parent) {
    return tl::unexpected(parent.error());
  }
  return std::pair<Dir, std::string>(std::move(*parent),
                                     std::string(rel.substr(slash + 1)));
}

Expected<std::string>
Dir::read(std::string_view rel, std::size_t max_bytes, FileStamp* stamp) const
{
  std::string out;
  TRY_ASSIGN(bytes, read_into(rel, max_bytes, out, stamp));
  out.resize(bytes.size());
  return out;
}

Expected<std::string_view>
Dir::read_into(std::string_view rel,
               std::size_t max_bytes,
               std::string& buffer,
               FileStamp* stamp) const
{
  if (!is_plain_relative(rel)) {
    return tl::unexpected(bad_path(m_path, rel));
  }
  const int fd =
    open_beneath(m_fd, rel, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  if (fd < 0) {
    return tl::unexpected(open_error("open", *this, rel, errno, m_fd));
  }
  TRY_ASSIGN(
    n, read_open_file_into(fd, joined(m_path, rel), max_bytes, buffer, stamp));
  return std::string_view(buffer.data(), n);
}

Expected<std::optional<struct stat>>
Dir::lstat(std::string_view rel) const
{
  auto parent = parent_of(rel, Create::no);
  if (!parent) {
    if (parent.error().os && parent.error().os->error_number == ENOENT) {
      return std::optional<struct stat>();
    }
    return tl::unexpected(parent.error());
  }
  struct stat st
  {
  };
  if (::fstatat(
        parent->first.fd(), parent->second.c_str(), &st, AT_SYMLINK_NOFOLLOW)
      != 0) {
    if (errno == ENOENT) {
      return std::optional<struct stat>();
    }
    return tl::unexpected(os_error("stat", joined(m_path, rel), errno));
  }
  return std::optional<struct stat>(st);
}

Expected<FileKind>
Dir::kind_of(std::string_view rel) const
{
  TRY_ASSIGN(st, lstat(rel));
  if (!st) {
    return FileKind::missing;
  }
  if (S_ISREG(st->st_mode)) {
    return FileKind::file;
  }
  if (S_ISDIR(st->st_mode)) {
    return FileKind::folder;
  }
  return S_ISLNK(st->st_mode) ? FileKind::link : FileKind::other;
}

bool
Dir::is_file(std::string_view rel) const
{
  return kind_of(rel).value_or(FileKind::missing) == FileKind::file;
}

bool
Dir::same_bytes(std::string_view rel,
                const Dir& other,
                std::string_view other_rel) const
{
  const int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW;
  const int a = is_plain_relative(rel) ? open_beneath(m_fd, rel, flags) : -1;
  const int b = is_plain_relative(other_rel)
                  ? open_beneath(other.m_fd, other_rel, flags)
                  : -1;
  struct stat sa
  {
  };
  struct stat sb
  {
  };
  bool same = a >= 0 && b >= 0 && ::fstat(a, &sa) == 0 && ::fstat(b, &sb) == 0
              && S_ISREG(sa.st_mode) && S_ISREG(sb.st_mode)
              && sa.st_size == sb.st_size;
  std::vector<char> pa(1 << 16);
  std::vector<char> pb(pa.size());
  while (same) {
    const ssize_t na = read_fully(a, pa.data(), pa.size());
    const ssize_t nb = read_fully(b, pb.data(), pb.size());
    same =
      na >= 0 && na == nb
      && std::memcmp(pa.data(), pb.data(), static_cast<std::size_t>(na)) == 0;
    if (na <= 0) {
      break;
    }
  }
  for (const int fd : {a, b}) {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  return same;
}

Expected<void>
Dir::remove(std::string_view rel) const
{
  auto parent = parent_of(rel, Create::no);
  if (!parent) {
    return tl::unexpected(parent.error());
  }
  if (::unlinkat(parent->first.fd(), parent->second.c_str(), 0) != 0
      && errno != ENOENT) {
    return tl::unexpected(os_error("remove", joined(m_path, rel), errno));
  }
  return {};
}

void
Dir::remove_tree(std::string_view rel) const
{
  auto parent = parent_of(rel, Create::no);
  if (!parent) {
    return;
  }
  const Dir& at = parent->first;
  const std::string& name = parent->second;
  if (::unlinkat(at.fd(), name.c_str(), 0) == 0 || errno == ENOENT) {
    return; // a file or a link: gone
  }
  auto folder = at.sub(name, Create::no);
  if (folder) {
    const int fd = ::fcntl(folder->fd(), F_DUPFD_CLOEXEC, 0);
    if (DIR* d = ::fdopendir(fd)) {
      std::vector<std::string> names;
      while (const dirent* e = ::readdir(d)) {
        const std::string_view n = e->d_name;
        if (n != "." && n != "..") {
          names.emplace_back(n);
        }
      }
      ::closedir(d);
      for (const auto& n : names) {
        folder->remove_tree(n);
      }
    } else {
      ::close(fd);
    }
  }
  ::unlinkat(at.fd(), name.c_str(), AT_REMOVEDIR);
}

void
Dir::remove_empty_parents(std::string_view rel) const
{
  for (std::size_t slash = rel.rfind('/'); slash != std::string_view::npos;
       slash = rel.rfind('/')) {
    rel = rel.substr(0, slash);
    auto parent = parent_of(rel, Create::no);
    if (!parent
        || ::unlinkat(parent->first.fd(), parent->second.c_str(), AT_REMOVEDIR)
             != 0) {
      return;
    }
  }
}

Expected<void>
Dir::sync() const
{
  if (::fsync(m_fd) != 0) {
    return tl::unexpected(os_error("sync", m_path.string(), errno));
  }
  return {};
}

Expected<void>
Dir::sync(std::string_view rel) const
{
  const int fd = open_beneath(m_fd, rel, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return tl::unexpected(os_error("sync", joined(m_path, rel), errno));
  }
  const int err = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  if (err != 0) {
    return tl::unexpected(os_error("sync", joined(m_path, rel), err));
  }
  return {};
}

Expected<void>
Dir::sync_file_system() const
{
  if (::syncfs(m_fd) != 0) {
    return tl::unexpected(os_error("sync", m_path.string(), errno));
  }
  return {};
}

bool
Dir::same_file_system(const Dir& other) const
{
  struct stat a
  {
  };
  struct stat b
  {
  };
  return ::fstat(m_fd, &a) == 0 && ::fstat(other.m_fd, &b) == 0
         && a.st_dev == b.st_dev;
}

} // namespace ogfeed::util
