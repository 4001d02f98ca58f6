#include "util/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace ogfeed::util {

namespace {

class Fd
{
public:
  explicit Fd(int fd = -1)
    : m_fd(fd)
  {
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd()
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  int
  get() const
  {
    return m_fd;
  }
  void
  reset(int fd = -1)
  {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_fd = fd;
  }

private:
  int m_fd;
};

} // namespace

Expected<std::string>
run_capture(const std::vector<std::string>& argv,
            const std::filesystem::path& cwd,
            std::size_t max_bytes)
{
  const std::string name = argv.empty() ? std::string() : argv.front();
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return tl::unexpected(os_error("create a pipe for", name, errno));
  }
  Fd read_end(fds[0]);
  Fd write_end(fds[1]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, write_end.get(), 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<char*> args;
  for (const auto& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc =
    ::posix_spawnp(&pid, name.c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  write_end.reset();
  if (rc != 0) {
    return tl::unexpected(os_error("run", name, rc));
  }
  std::string out;
  char buffer[65536];
  bool too_much = false;
  for (;;) {
    const ssize_t n = ::read(read_end.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      too_much = true;
      ::kill(pid, SIGKILL);
      break;
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (too_much) {
    return tl::unexpected(make_error("'" + name + "' wrote more than "
                                     + std::to_string(max_bytes >> 20)
                                     + " MiB"));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return tl::unexpected(make_error(
      "'" + name + "' failed"
      + (WIFEXITED(status)
           ? " with exit status " + std::to_string(WEXITSTATUS(status))
           : std::string(" (killed)"))));
  }
  return out;
}

} // namespace ogfeed::util
