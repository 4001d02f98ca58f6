#include "util/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

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

namespace {

std::vector<std::string>
environment_for(const Environment& change)
{
  std::vector<std::string> out;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry = *e;
    bool drop = false;
    for (const auto& prefix : change.unset_prefixes) {
      drop = drop || entry.starts_with(prefix);
    }
    for (const auto& set : change.set) {
      const std::string_view name =
        std::string_view(set).substr(0, set.find('=') + 1);
      drop = drop || entry.starts_with(name);
    }
    if (!drop) {
      out.emplace_back(entry);
    }
  }
  out.insert(out.end(), change.set.begin(), change.set.end());
  return out;
}

// The first line of what a program said on stderr, trimmed, at most 300
// bytes.
std::string
first_line(std::string_view text)
{
  while (!text.empty() && (text.front() == '\n' || text.front() == ' ')) {
    text.remove_prefix(1);
  }
  text = text.substr(0, std::min(text.find('\n'), std::size_t{300}));
  return std::string(text);
}

// Reads the child's stdout (into `out`, at most `max_bytes`) and stderr
// (into `said`, its first 64 KiB) until both close. Returns false when
// stdout wrote more than `max_bytes`.
bool
read_outputs(int out_fd,
             int err_fd,
             std::size_t max_bytes,
             std::string& out,
             std::string& said)
{
  char buffer[65536];
  pollfd polls[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open_count = 2;
  while (open_count > 0) {
    if (::poll(polls, 2, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      return true;
    }
    for (int i = 0; i < 2; ++i) {
      if (polls[i].fd < 0 || polls[i].revents == 0) {
        continue;
      }
      const ssize_t n = ::read(polls[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        polls[i].fd = -1;
        --open_count;
        continue;
      }
      const auto got = static_cast<std::size_t>(n);
      if (i == 1) {
        if (said.size() < 65536) {
          said.append(buffer, std::min(got, 65536 - said.size()));
        }
      } else if (out.size() + got > max_bytes) {
        return false;
      } else {
        out.append(buffer, got);
      }
    }
  }
  return true;
}

} // namespace

Expected<std::string>
run_capture(const std::vector<std::string>& argv,
            const std::filesystem::path& cwd,
            std::size_t max_bytes,
            const Environment& environment)
{
  const std::string name = argv.empty() ? std::string() : argv.front();
  int fds[2];
  int err_fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return tl::unexpected(os_error("create a pipe for", name, errno));
  }
  Fd read_end(fds[0]);
  Fd write_end(fds[1]);
  if (::pipe2(err_fds, O_CLOEXEC) != 0) {
    return tl::unexpected(os_error("create a pipe for", name, errno));
  }
  Fd err_read(err_fds[0]);
  Fd err_write(err_fds[1]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, write_end.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, err_write.get(), 2);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<char*> args;
  for (const auto& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);
  const std::vector<std::string> env = environment_for(environment);
  std::vector<char*> envp;
  for (const auto& e : env) {
    envp.push_back(const_cast<char*>(e.c_str()));
  }
  envp.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(
    &pid, name.c_str(), &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  write_end.reset();
  err_write.reset();
  if (rc != 0) {
    return tl::unexpected(os_error("run", name, rc));
  }
  std::string out;
  std::string said; // stderr, the first 64 KiB
  const bool too_much =
    !read_outputs(read_end.get(), err_read.get(), max_bytes, out, said);
  if (too_much) {
    ::kill(pid, SIGKILL);
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
    const std::string line = first_line(said);
    return tl::unexpected(make_error(
      "'" + name + "' failed"
      + (WIFEXITED(status)
           ? " with exit status " + std::to_string(WEXITSTATUS(status))
           : std::string(" (killed)"))
      + (line.empty() ? std::string() : ": " + line)));
  }
  return out;
}

} // namespace ogfeed::util
