#pragma once

#include "util/error.hpp"

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace ogfeed::util {

// A whole regular file mapped read-only into memory: pages are read as they
// are touched, so a 7 MB font costs nothing until a glyph is drawn. Fails as
// read_file() does: not a regular file (never waiting on a FIFO), larger
// than `max_bytes`, or unreadable. A file truncated by another process while
// mapped faults on access: map only files nothing rewrites during a run
// (fonts), never outputs.
class MappedFile
{
public:
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  static Expected<MappedFile> open(const std::filesystem::path& path,
                                   std::size_t max_bytes);

  std::string_view
  view() const
  {
    return {static_cast<const char*>(m_data), m_size};
  }
  const char*
  data() const
  {
    return static_cast<const char*>(m_data);
  }
  std::size_t
  size() const
  {
    return m_size;
  }

private:
  void* m_data = nullptr;
  std::size_t m_size = 0;
};

} // namespace ogfeed::util
