#pragma once

#include "util/error.hpp"

#include <sys/stat.h>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ogfeed::util {

// Reads a whole regular file. Fails (with the OS reason in `os`) when it
// cannot be opened or read, when it is a folder, FIFO or device (never
// waiting on one), or when it is larger than `max_bytes`.
Expected<std::string> read_file(const std::filesystem::path& path,
                                std::size_t max_bytes);

// Writes all of `bytes` to `fd` (retrying short writes); returns errno on
// failure, 0 on success.
int write_all(int fd, std::string_view bytes);

// What stat(2) says of a file, enough to tell without reading it that it
// has not changed since: caches compare stamps.
struct FileStamp
{
  std::uint64_t size = 0;
  std::uint64_t inode = 0;
  std::int64_t mtime_ns = 0; // nanoseconds since the epoch
  std::int64_t ctime_ns = 0; // status change: a rename or chmod moves it
  bool operator==(const FileStamp&) const = default;
};

// The stamp stat(2) or lstat(2) gave.
FileStamp stamp_of(const struct stat& st);

// read_file() of a native path, with the file's stamp as it was opened
// (before it was read) in `stamp`: one open and one fstat(2), where
// file_stamp() then read_file() look the path up twice.
Expected<std::string> read_file_stamped(const std::string& native_path,
                                        std::size_t max_bytes,
                                        FileStamp& stamp);

// read_file() of a descriptor opened for reading, which it closes; `path`
// names it in errors. Sets `*stamp` when given.
Expected<std::string> read_open_file(int fd,
                                     const std::string& path,
                                     std::size_t max_bytes,
                                     FileStamp* stamp = nullptr);

// read_open_file() into `buffer`, which it grows as needed and never
// shrinks; returns how many bytes of it the file holds.
Expected<std::size_t> read_open_file_into(int fd,
                                          const std::string& path,
                                          std::size_t max_bytes,
                                          std::string& buffer,
                                          FileStamp* stamp = nullptr);

// The stamp of the file at `path` (following symbolic links), or nullopt
// when it cannot be stat'ed.
std::optional<FileStamp> file_stamp(const std::filesystem::path& path);
// file_stamp() of a path as the system spells it, not parsed into a path.
std::optional<FileStamp> native_file_stamp(const std::string& path);

// file_stamp() of file after file, its folder opened once while the next
// file is in the same one (10,000 posts of one folder: one path walk to it,
// not 10,000).
class FolderStamps
{
public:
  FolderStamps() = default;
  FolderStamps(const FolderStamps&) = delete;
  FolderStamps& operator=(const FolderStamps&) = delete;
  ~FolderStamps();

  std::optional<FileStamp> of(const std::string& native_path);

private:
  std::string m_folder; // what m_fd is open on ("" for none)
  int m_fd = -1;
};

// Writes `bytes` to a temporary file beside `path` (creating parent folders),
// flushed to disk, and returns the temporary's path; nothing at `path`
// changes yet.
Expected<std::filesystem::path>
write_temp_file(const std::filesystem::path& path, std::string_view bytes);

// Renames a temporary file from write_temp_file() into place atomically and
// syncs the folder, so the new name survives a crash.
Expected<void> commit_temp_file(const std::filesystem::path& temp,
                                const std::filesystem::path& path);

// Writes `bytes` to `path` through a temporary file and a rename, so readers
// see either the old file or the whole new one.
Expected<void> write_file_atomic(const std::filesystem::path& path,
                                 std::string_view bytes);

// Creates or truncates `path` and writes `bytes` (no temporary, no sync):
// for files that only matter once a later step syncs them.
Expected<void> write_file(const std::filesystem::path& path,
                          std::string_view bytes);

// fsync(2)s a folder, so the names created or renamed in it are durable.
Expected<void> sync_folder(const std::filesystem::path& dir);

} // namespace ogfeed::util
