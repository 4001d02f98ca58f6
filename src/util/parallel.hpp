#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
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

// Makes item i = make(i) for every i in [0, n) on `jobs` threads of its
// own and hands each to take(i, item) on the caller's thread in order,
// holding at most `window` made items at a time; stops early when take
// returns false. What take does overlaps the making of later items.
template<typename T, typename Make, typename Take>
bool
parallel_in_order(
  std::size_t n, unsigned jobs, std::size_t window, Make&& make, Take&& take)
{
  window = std::max<std::size_t>(1, window);
  std::vector<std::optional<T>> slots(std::min(window, n));
  std::mutex m;
  std::condition_variable made;  // a slot was filled
  std::condition_variable freed; // the caller took an item, or stopped
  std::size_t taken = 0;         // items handed to take
  bool stop = false;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      {
        std::unique_lock lock(m);
        freed.wait(lock, [&] { return stop || i < taken + window; });
        if (stop) {
          return;
        }
      }
      T item = make(i);
      {
        const std::lock_guard lock(m);
        slots[i % window] = std::move(item);
      }
      made.notify_one();
    }
  };
  const std::size_t threads_wanted =
    std::min<std::size_t>(std::max(1U, jobs), n);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < threads_wanted; ++t) {
    threads.emplace_back(worker);
  }
  bool ok = true;
  for (std::size_t i = 0; i < n && ok; ++i) {
    std::optional<T> item;
    {
      std::unique_lock lock(m);
      made.wait(lock, [&] { return slots[i % window].has_value(); });
      item.swap(slots[i % window]);
    }
    ok = take(i, std::move(*item));
    {
      const std::lock_guard lock(m);
      taken = i + 1;
      stop = !ok;
    }
    freed.notify_all();
  }
  for (auto& t : threads) {
    t.join();
  }
  return ok;
}

} // namespace ogfeed::util
