#pragma once

#include "util/error.hpp"
#include "util/file.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ogfeed::util {

enum class Create {
  no,
  yes,
};

enum class FileKind {
  missing,
  file,
  folder,
  link,
  other, // a FIFO, socket or device
};

enum class Sync {
  no,
  yes,
};

// An open folder that every path below it is resolved from without ever
// following a symbolic link: openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)
// where the kernel has it, else one openat(O_NOFOLLOW) per component. A
// symbolic link met on the way is an error naming it, and nothing is read or
// written through it. Paths are relative, '/'-separated, with no "." or ".."
// segment. Only the folder opened with open() may itself be reached through
// a link: its path comes from the command line, which ogfeed trusts.
class Dir
{
public:
  // Opens `path` (creating it and its parents with Create::yes).
  static Expected<Dir> open(const std::filesystem::path& path, Create create);

  Dir(Dir&& other) noexcept;
  Dir& operator=(Dir&& other) noexcept;
  Dir(const Dir&) = delete;
  Dir& operator=(const Dir&) = delete;
  ~Dir();

  const std::filesystem::path&
  path() const
  {
    return m_path;
  }
  int
  fd() const
  {
    return m_fd;
  }

  // The folder `rel` below this one (created with Create::yes).
  Expected<Dir> sub(std::string_view rel, Create create) const;

  // A regular file's bytes; a link, folder or device is an error. `stamp`,
  // when given, gets the file's stamp as it was opened.
  Expected<std::string> read(std::string_view rel,
                             std::size_t max_bytes,
                             FileStamp* stamp = nullptr) const;

  // read() into `buffer` (grown as needed, never shrunk): the bytes are
  // the view's, valid until the buffer's next use.
  Expected<std::string_view> read_into(std::string_view rel,
                                       std::size_t max_bytes,
                                       std::string& buffer,
                                       FileStamp* stamp = nullptr) const;

  // What `rel` is, never following a link at it; a link in a folder above
  // it is an error.
  Expected<FileKind> kind_of(std::string_view rel) const;

  // True when `rel` exists and is a regular file (never following a link).
  bool is_file(std::string_view rel) const;

  // Writes `bytes` to `rel` through a new temporary file (O_EXCL |
  // O_NOFOLLOW) in the same folder renamed over it; with Sync::yes the file
  // and the folder are synced first (with Sync::no the kernel writes it
  // back in its own time).
  Expected<void> write_replacing(std::string_view rel,
                                 std::string_view bytes,
                                 Sync sync) const;
  // As write_replacing, with the bytes made in pieces: `produce` hands
  // each to the writer it is given and returns false to give up (nothing is
  // replaced then).
  Expected<void> write_replacing_from(
    std::string_view rel,
    const std::function<bool(const std::function<bool(std::string_view)>&)>&
      produce,
    Sync sync) const;

  // Creates `name` (a plain file name in this folder, which must not exist)
  // and writes `bytes`, starting its writeback as it goes (for a sync to
  // come: an output a build commits).
  Expected<void> write_new(std::string_view name, std::string_view bytes) const;

  // As write_new, with the bytes made in pieces (as write_replacing_from);
  // nothing is left at `name` when it fails or `produce` gives up.
  Expected<void> write_new_from(
    std::string_view name,
    const std::function<bool(const std::function<bool(std::string_view)>&)>&
      produce) const;

  // True when `rel` here and `other_rel` below `other` are both regular
  // files (no link followed) holding the same bytes; read a piece at a
  // time, so neither is ever held whole.
  bool same_bytes(std::string_view rel,
                  const Dir& other,
                  std::string_view other_rel) const;

  // Moves `from` (below this folder) to `to` below `target`, creating the
  // folders `to` needs. Across file systems, copies to a temporary beside
  // `to` and renames that.
  Expected<void>
  move_to(std::string_view from, const Dir& target, std::string_view to) const;

  // Removes the file `rel` (a link is removed, never followed).
  Expected<void> remove(std::string_view rel) const;

  // Removes `rel` and everything below it, never following a link.
  void remove_tree(std::string_view rel) const;

  // Removes the empty folders `rel` leaves, from its parent upwards.
  void remove_empty_parents(std::string_view rel) const;

  // fsync(2) of this folder.
  Expected<void> sync() const;

  // fsync(2) of the file or folder `rel` below this folder (no link
  // followed).
  Expected<void> sync(std::string_view rel) const;

  // syncfs(2) of the file system holding this folder: one call instead of
  // one fsync per file when a build stages thousands.
  Expected<void> sync_file_system() const;

  // True when `other` is on the same file system (a rename can join them).
  bool same_file_system(const Dir& other) const;

private:
  Dir(int fd, std::filesystem::path path);
  // lstat(2) of `rel` (nullopt when it does not exist), its folders
  // reached without links.
  Expected<std::optional<struct stat>> lstat(std::string_view rel) const;
  // The folder holding `rel`'s last segment, and that segment.
  Expected<std::pair<Dir, std::string>> parent_of(std::string_view rel,
                                                  Create create) const;
  int m_fd = -1;
  std::filesystem::path m_path;
};

// True when `rel` is a relative '/'-separated path with no empty, "." or
// ".." segment (and no NUL): one that stays below the folder it is joined to.
bool is_plain_relative(std::string_view rel);

} // namespace ogfeed::util
