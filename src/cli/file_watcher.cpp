#include "cli/file_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <utility>

namespace ogfeed::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t k_mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM
                                 | IN_CREATE | IN_DELETE | IN_DELETE_SELF;

bool
scratch_name(const std::string& name)
{
  return name.empty() || name.starts_with('.') || name.ends_with('~')
         || name.ends_with(".swp") || name.ends_with(".swx") || name == "4913";
}

} // namespace

struct FileWatcher::State
{
  int fd = -1;
  fs::path root;
  fs::path output_dir; // absolute, normal
  std::size_t max_folders = 0;
  std::map<int, fs::path> folders; // watch descriptor -> folder
  std::vector<std::string> notes;
  bool warned = false;
};

FileWatcher::FileWatcher(int fd,
                         fs::path root,
                         fs::path output_dir,
                         std::size_t max_folders)
  : m(std::make_unique<State>())
{
  m->fd = fd;
  m->root = std::move(root);
  m->output_dir = std::move(output_dir);
  m->max_folders = max_folders;
}

FileWatcher::~FileWatcher()
{
  if (m && m->fd >= 0) {
    ::close(m->fd);
  }
}

std::unique_ptr<FileWatcher>
FileWatcher::open(const fs::path& root,
                  const fs::path& output_dir,
                  std::string& error,
                  std::size_t max_folders)
{
  const int fd = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (fd < 0) {
    error = std::string("cannot watch for changes: ") + std::strerror(errno);
    return nullptr;
  }
  std::error_code ec;
  std::unique_ptr<FileWatcher> w(new FileWatcher(
    fd, root, fs::weakly_canonical(fs::absolute(output_dir), ec), max_folders));
  w->add_tree(root);
  return w;
}

bool
FileWatcher::skipped(const fs::path& dir) const
{
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(dir), ec);
  return abs == m->output_dir;
}

void
FileWatcher::add_tree(const fs::path& dir)
{
  if (skipped(dir)) {
    return;
  }
  std::vector<fs::path> todo{dir};
  while (!todo.empty()) {
    const fs::path d = todo.back();
    todo.pop_back();
    if (m->folders.size() >= m->max_folders) {
      if (!m->warned) {
        m->warned = true;
        m->notes.push_back("watching only the first "
                           + std::to_string(m->max_folders)
                           + " folders of the site; changes in the others "
                             "need a build by hand");
      }
      return;
    }
    const int wd = ::inotify_add_watch(m->fd, d.c_str(), k_mask);
    if (wd < 0) {
      continue; // gone already, or not readable: nothing to watch
    }
    m->folders[wd] = d;
    std::error_code ec;
    for (fs::directory_iterator it(d, ec), end; !ec && it != end;
         it.increment(ec)) {
      std::error_code type_ec;
      const std::string name = it->path().filename().string();
      if (it->is_directory(type_ec) && !it->is_symlink(type_ec)
          && !name.starts_with('.') && name != "node_modules"
          && !skipped(it->path())) {
        todo.push_back(it->path());
      }
    }
  }
}

void
FileWatcher::read_events(std::vector<std::string>& changed)
{
  alignas(struct inotify_event) char buf[16384];
  for (;;) {
    const ssize_t n = ::read(m->fd, buf, sizeof buf);
    if (n <= 0) {
      return; // EAGAIN: read them all
    }
    for (char* p = buf; p < buf + n;) {
      const auto* e = reinterpret_cast<const struct inotify_event*>(p);
      p += sizeof(struct inotify_event) + e->len;
      const auto it = m->folders.find(e->wd);
      if (it == m->folders.end()) {
        continue;
      }
      if ((e->mask & (IN_IGNORED | IN_DELETE_SELF)) != 0) {
        m->folders.erase(it);
        continue;
      }
      const std::string name = e->len > 0 ? std::string(e->name) : "";
      if (scratch_name(name)) {
        continue;
      }
      const fs::path path = it->second / name;
      if ((e->mask & IN_ISDIR) != 0) {
        if ((e->mask & (IN_CREATE | IN_MOVED_TO)) != 0) {
          add_tree(path);
        }
        if (skipped(path) || name == "node_modules") {
          continue;
        }
      }
      changed.push_back(path.lexically_relative(m->root).generic_string());
    }
  }
}

std::vector<std::string>
FileWatcher::wait(std::chrono::milliseconds quiet, const volatile bool& stop)
{
  std::vector<std::string> changed;
  struct pollfd pfd
  {
    m->fd, POLLIN, 0
  };
  while (!stop) {
    const int timeout = changed.empty() ? -1 : static_cast<int>(quiet.count());
    const int ready = ::poll(&pfd, 1, timeout);
    if (ready < 0 && errno != EINTR) {
      return {};
    }
    if (ready == 0) {
      break; // quiet long enough after a change
    }
    if (ready > 0) {
      read_events(changed);
    }
  }
  if (stop) {
    return {};
  }
  // Each path once, first change first; paths still there before the
  // temporaries an editor or sed renamed away.
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& c : changed) {
    if (seen.insert(c).second) {
      unique.push_back(std::move(c));
    }
  }
  std::stable_partition(
    unique.begin(), unique.end(), [&](const std::string& rel) {
      std::error_code ec;
      return fs::exists(m->root / rel, ec);
    });
  return unique;
}

std::vector<std::string>
FileWatcher::take_notes()
{
  return std::exchange(m->notes, {});
}

} // namespace ogfeed::cli
