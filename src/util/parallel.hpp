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
// holding at most about `window` made items at a time; stops early when
// take returns false. What take does overlaps the making of later items.
// Items go in chunks (a quarter of the window, at most 256), so threads
// meet once a chunk, not once an item.
template<typename T, typename Make, typename Take>
bool
parallel_in_order(
  std::size_t n, unsigned jobs, std::size_t window, Make&& make, Take&& take)
{
  const std::size_t chunk = std::clamp<std::size_t>(window / 4, 1, 256);
  const std::size_t chunks = (n + chunk - 1) / chunk;
  const std::size_t ahead = std::max<std::size_t>(1, window / chunk);
  struct Slot
  {
    std::vector<T> items;
    bool ready = false;
  };
  std::vector<Slot> slots(std::min(ahead, std::max<std::size_t>(chunks, 1)));
  std::mutex m;
  std::condition_variable made;  // a chunk is ready
  std::condition_variable freed; // the caller took a chunk, or stopped
  std::size_t taken = 0;         // chunks handed to take
  bool stop = false;
  bool caller_waits = false;
  std::size_t makers_waiting = 0;
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t c = next++; c < chunks; c = next++) {
      {
        std::unique_lock lock(m);
        ++makers_waiting;
        freed.wait(lock, [&] { return stop || c < taken + slots.size(); });
        --makers_waiting;
        if (stop) {
          return;
        }
      }
      std::vector<T> items;
      const std::size_t end = std::min(n, (c + 1) * chunk);
      items.reserve(end - c * chunk);
      for (std::size_t i = c * chunk; i < end; ++i) {
        items.push_back(make(i));
      }
      bool wake = false;
      {
        const std::lock_guard lock(m);
        Slot& slot = slots[c % slots.size()];
        slot.items = std::move(items);
        slot.ready = true;
        wake = caller_waits;
      }
      if (wake) {
        made.notify_one();
      }
    }
  };
  const std::size_t threads_wanted =
    std::min<std::size_t>(std::max(1U, jobs), chunks);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < threads_wanted; ++t) {
    threads.emplace_back(worker);
  }
  bool ok = true;
  for (std::size_t c = 0; c < chunks && ok; ++c) {
    std::vector<T> items;
    {
      std::unique_lock lock(m);
      Slot& slot = slots[c % slots.size()];
      caller_waits = true;
      made.wait(lock, [&] { return slot.ready; });
      caller_waits = false;
      items.swap(slot.items);
      slot.ready = false;
    }
    for (std::size_t k = 0; k < items.size() && ok; ++k) {
      ok = take(c * chunk + k, std::move(items[k]));
    }
    bool wake = false;
    {
      const std::lock_guard lock(m);
      taken = c + 1;
      stop = !ok;
      wake = makers_waiting > 0;
    }
    if (wake) {
      freed.notify_all();
    }
  }
  for (auto& t : threads) {
    t.join();
  }
  return ok;
}

} // namespace ogfeed::util
