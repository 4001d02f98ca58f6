#include "util/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace ogfeed::util {

namespace fs = std::filesystem;

namespace {

Error
os_error(const std::string& what, const fs::path& path, int err)
{
  Error e =
    make_error(what + " '" + path.string() + "': " + std::strerror(err));
  return e;
}

} // namespace

Expected<std::string>
read_file(const fs::path& path, std::size_t max_bytes)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return tl::unexpected(os_error("cannot open", path, errno));
  }
  // Read straight into a buffer of the file's size; keep reading past it
  // in case the file grew.
  struct stat st
  {
  };
  std::size_t want = 64 * 1024;
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    want = static_cast<std::size_t>(st.st_size) + 1;
  }
  std::string out;
  std::size_t used = 0;
  for (;;) {
    if (want > max_bytes + 1) {
      want = max_bytes + 1;
    }
    out.resize(want);
    const ssize_t n = ::read(fd, out.data() + used, want - used);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int err = errno;
      ::close(fd);
      return tl::unexpected(os_error("cannot read", path, err));
    }
    used += static_cast<std::size_t>(n);
    if (used > max_bytes) {
      ::close(fd);
      return tl::unexpected(
        make_error("file '" + path.string() + "' is larger than "
                   + std::to_string(max_bytes / (1024 * 1024)) + " MiB"));
    }
    if (n == 0) {
      break;
    }
    if (used == want) {
      want *= 2;
    }
  }
  out.resize(used);
  ::close(fd);
  return out;
}

Expected<fs::path>
write_temp_file(const fs::path& path, std::string_view bytes)
{
  std::error_code ec;
  if (path.has_parent_path()) {
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      return tl::unexpected(
        os_error("cannot create folder", path.parent_path(), ec.value()));
    }
  }
  std::string templ = path.string() + ".tmp-XXXXXX";
  const int fd = ::mkstemp(templ.data());
  if (fd < 0) {
    return tl::unexpected(os_error("cannot create", templ, errno));
  }
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int err = errno;
      ::close(fd);
      ::unlink(templ.c_str());
      return tl::unexpected(os_error("cannot write", templ, err));
    }
    done += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; outputs are published files, so use the usual mode.
  ::fchmod(fd, 0644);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(templ.c_str());
    return tl::unexpected(os_error("cannot write", templ, err));
  }
  return fs::path(templ);
}

Expected<void>
commit_temp_file(const fs::path& temp, const fs::path& path)
{
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return tl::unexpected(os_error("cannot replace", path, err));
  }
  return {};
}

Expected<void>
write_file_atomic(const fs::path& path, std::string_view bytes)
{
  TRY_ASSIGN(temp, write_temp_file(path, bytes));
  return commit_temp_file(temp, path);
}

} // namespace ogfeed::util
