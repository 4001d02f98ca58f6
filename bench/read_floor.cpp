// The reading floor of a cold build: open, fstat, read and close every
// regular file of one folder (openat beside a folder descriptor, no link
// followed), on 2 threads, into a buffer each thread reuses; nothing else.
// The least any feed builder that reads every post whole can spend on it.
//   ogfeed-read-floor FOLDER [THREADS]
// Prints the files and bytes read and the wall time in ms.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

int
main(int argc, char** argv)
{
  if (argc < 2) {
    std::fprintf(stderr, "usage: ogfeed-read-floor FOLDER [THREADS]\n");
    return 2;
  }
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  const auto start = std::chrono::steady_clock::now();
  const int dir = ::open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR* list = dir < 0 ? nullptr : ::fdopendir(::dup(dir));
  if (list == nullptr) {
    std::perror(argv[1]);
    return 1;
  }
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(list)) {
    if (e->d_type == DT_REG) {
      names.emplace_back(e->d_name);
    }
  }
  ::closedir(list);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> bytes{0};
  auto work = [&] {
    std::vector<char> buffer(1 << 20);
    std::size_t sum = 0;
    for (std::size_t i = next++; i < names.size(); i = next++) {
      const int fd =
        ::openat(dir, names[i].c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
      struct stat st
      {
      };
      if (fd < 0 || ::fstat(fd, &st) != 0) {
        continue;
      }
      for (ssize_t n; (n = ::read(fd, buffer.data(), buffer.size())) > 0;) {
        sum += static_cast<std::size_t>(n);
      }
      ::close(fd);
    }
    bytes += sum;
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) {
    pool.emplace_back(work);
  }
  work();
  for (auto& t : pool) {
    t.join();
  }
  const double ms = std::chrono::duration<double, std::milli>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  std::printf("read-floor files=%zu bytes=%zu threads=%d wall_ms=%.1f\n",
              names.size(),
              bytes.load(),
              threads,
              ms);
  return 0;
}
