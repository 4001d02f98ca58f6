// Times one command as GNU time does (the clock read just before fork and
// just after the child is reaped; its peak memory from wait4's rusage), to
// the microsecond rather than time's hundredths of a second.
//   ogfeed-timed OUT_FILE COMMAND [ARG...]
// Writes "WALL_SECONDS MAXRSS_KB" to OUT_FILE; exits with the command's
// status (128 + the signal when one killed it).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

int
main(int argc, char** argv)
{
  if (argc < 3) {
    std::fprintf(stderr, "usage: ogfeed-timed OUT_FILE COMMAND [ARG...]\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = ::fork();
  if (child < 0) {
    std::perror("fork");
    return 2;
  }
  if (child == 0) {
    ::execvp(argv[2], argv + 2);
    std::perror(argv[2]);
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage
  {
  };
  if (::wait4(child, &status, 0, &usage) != child) {
    std::perror("wait4");
    return 2;
  }
  const std::chrono::duration<double> wall =
    std::chrono::steady_clock::now() - start;
  std::FILE* out = std::fopen(argv[1], "w");
  if (out == nullptr) {
    std::perror(argv[1]);
    return 2;
  }
  std::fprintf(out, "%.6f %ld\n", wall.count(), usage.ru_maxrss);
  std::fclose(out);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
