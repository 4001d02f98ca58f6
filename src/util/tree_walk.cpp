#include "util/tree_walk.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <string>

namespace ogfeed::util {

namespace fs = std::filesystem;

namespace {

using Visit = std::function<WalkStep(const WalkEntry&)>;

Error
folder_error(const fs::path& root, const std::string& rel, int err)
{
  const fs::path p = rel.empty() ? root : root / fs::u8path(rel);
  return os_error("read folder", p.lexically_normal().string(), err);
}

// What a folder entry is, from readdir's d_type when it knows.
FileKind
kind_of(DIR* dir, const dirent& e)
{
  switch (e.d_type) {
  case DT_REG:
    return FileKind::file;
  case DT_DIR:
    return FileKind::folder;
  case DT_LNK:
    return FileKind::link;
  case DT_UNKNOWN:
    break;
  default:
    return FileKind::other;
  }
  struct stat st
  {
  };
  if (::fstatat(::dirfd(dir), e.d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    return FileKind::missing; // gone meanwhile
  }
  if (S_ISREG(st.st_mode)) {
    return FileKind::file;
  }
  if (S_ISDIR(st.st_mode)) {
    return FileKind::folder;
  }
  return S_ISLNK(st.st_mode) ? FileKind::link : FileKind::other;
}

// Walks the open folder `fd` (`rel` below `root`), which it closes.
Expected<void>
walk_folder(int fd,
            const std::string& rel,
            const fs::path& root,
            const Visit& visit)
{
  DIR* raw = ::fdopendir(fd);
  if (raw == nullptr) {
    const int err = errno;
    ::close(fd);
    return tl::unexpected(folder_error(root, rel, err));
  }
  const std::unique_ptr<DIR, int (*)(DIR*)> dir(raw, &::closedir);
  std::string child;
  for (;;) {
    errno = 0;
    const dirent* e = ::readdir(dir.get());
    if (e == nullptr) {
      break;
    }
    const std::string_view name = e->d_name;
    if (name == "." || name == "..") {
      continue;
    }
    const FileKind kind = kind_of(dir.get(), *e);
    child = rel.empty() ? std::string(name) : rel + "/" + std::string(name);
    if (visit({child, name, kind}) == WalkStep::skip
        || kind != FileKind::folder) {
      continue;
    }
    const int sub = ::openat(::dirfd(dir.get()),
                             e->d_name,
                             O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) {
      return tl::unexpected(folder_error(root, child, errno));
    }
    TRY(walk_folder(sub, child, root, visit));
  }
  if (errno != 0) {
    return tl::unexpected(folder_error(root, rel, errno));
  }
  return {};
}

} // namespace

Expected<void>
walk_tree(const fs::path& root, const Visit& visit)
{
  const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return tl::unexpected(folder_error(root, "", errno));
  }
  return walk_folder(fd, "", root, visit);
}

} // namespace ogfeed::util
