#include "util/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace ogfeed::util {

namespace fs = std::filesystem;

MappedFile::MappedFile(MappedFile&& other) noexcept
  : m_data(std::exchange(other.m_data, nullptr)),
    m_size(std::exchange(other.m_size, 0))
{
}

MappedFile&
MappedFile::operator=(MappedFile&& other) noexcept
{
  if (this != &other) {
    MappedFile old(std::move(*this));
    m_data = std::exchange(other.m_data, nullptr);
    m_size = std::exchange(other.m_size, 0);
  }
  return *this;
}

MappedFile::~MappedFile()
{
  if (m_data != nullptr) {
    ::munmap(m_data, m_size);
  }
}

Expected<MappedFile>
MappedFile::open(const fs::path& path, std::size_t max_bytes)
{
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return tl::unexpected(os_error("open", path.string(), errno));
  }
  struct stat st
  {
  };
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return tl::unexpected(os_error("read", path.string(), err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return tl::unexpected(
      make_error("'" + path.string() + "' is "
                 + (S_ISDIR(st.st_mode) ? "a folder" : "not a regular file")));
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes) {
    ::close(fd);
    return tl::unexpected(make_error("'" + path.string() + "' is larger than "
                                     + std::to_string(max_bytes / (1024 * 1024))
                                     + " MiB"));
  }
  MappedFile out;
  if (size > 0) {
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      return tl::unexpected(os_error("read", path.string(), err));
    }
    out.m_data = p;
    out.m_size = size;
  }
  ::close(fd);
  return out;
}

} // namespace ogfeed::util
