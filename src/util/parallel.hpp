#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace ogfeed::util {

// Calls fn(i) for every i in [0, n) on up to `jobs` threads (the caller's
// included), handing out indices one at a time; returns when all are done.
template<typename Fn>
void
parallel_for(std::size_t n, unsigned jobs, Fn&& fn)
{
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      fn(i);
    }
  };
  const std::size_t threads_wanted =
    std::min<std::size_t>(std::max(1U, jobs), n);
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < threads_wanted; ++t) {
    threads.emplace_back(worker);
  }
  worker();
  for (auto& t : threads) {
    t.join();
  }
}

} // namespace ogfeed::util
