#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
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

// Calls fn(begin, end) for consecutive ranges of at most `chunk` indices
// that together cover [0, n), on up to `jobs` threads: for work that
// gathers what its items make and hands it on once a range, not once an
// item.
template<typename Fn>
void
parallel_for_ranges(std::size_t n, unsigned jobs, std::size_t chunk, Fn&& fn)
{
  chunk = std::max<std::size_t>(chunk, 1);
  parallel_for((n + chunk - 1) / chunk, jobs, [&](std::size_t c) {
    fn(c * chunk, std::min(n, (c + 1) * chunk));
  });
}

namespace detail {

// parallel_in_order()'s chunks between its making threads and the caller.
template<typename T> class InOrderChunks
{
public:
  InOrderChunks(std::size_t n, std::size_t window)
    : m_n(n),
      m_chunk(std::clamp<std::size_t>(window / 4, 1, 256)),
      m_chunks((n + m_chunk - 1) / m_chunk),
      m_slots(std::clamp<std::size_t>(
        window / m_chunk, 1, std::max<std::size_t>(m_chunks, 1)))
  {
  }

  std::size_t
  chunks() const
  {
    return m_chunks;
  }

  // A making thread: takes chunk after chunk, makes its items and hands
  // them over, waiting while the caller is a window behind.
  template<typename Make>
  void
  make_all(Make& make)
  {
    for (std::size_t c = m_next++; c < m_chunks; c = m_next++) {
      {
        std::unique_lock lock(m_mutex);
        ++m_makers_waiting;
        m_freed.wait(lock,
                     [&] { return m_stop || c < m_taken + m_slots.size(); });
        --m_makers_waiting;
        if (m_stop) {
          return;
        }
      }
      put(c, make_chunk(c, make));
    }
  }

  // The caller: hands chunk after chunk's items to take, in order, until
  // it returns false; returns whether it never did. A chunk no making
  // thread has begun yet is made here: the caller does not wait for it.
  template<typename Make, typename Take>
  bool
  take_all(Make& make, Take& take)
  {
    bool ok = true;
    for (std::size_t c = 0; c < m_chunks && ok; ++c) {
      std::size_t unclaimed = c;
      std::vector<T> items = m_next.compare_exchange_strong(unclaimed, c + 1)
                               ? make_chunk(c, make)
                               : get(c);
      for (std::size_t k = 0; k < items.size() && ok; ++k) {
        ok = take(c * m_chunk + k, std::move(items[k]));
      }
      bool wake = false;
      {
        const std::lock_guard lock(m_mutex);
        m_taken = c + 1;
        m_stop = !ok;
        wake = m_makers_waiting > 0;
      }
      if (wake) {
        m_freed.notify_all();
      }
    }
    return ok;
  }

private:
  struct Slot
  {
    std::vector<T> items;
    bool ready = false;
  };

  template<typename Make>
  std::vector<T>
  make_chunk(std::size_t c, Make& make) const
  {
    std::vector<T> items;
    const std::size_t end = std::min(m_n, (c + 1) * m_chunk);
    items.reserve(end - c * m_chunk);
    for (std::size_t i = c * m_chunk; i < end; ++i) {
      items.push_back(make(i));
    }
    return items;
  }

  void
  put(std::size_t c, std::vector<T> items)
  {
    bool wake = false;
    {
      const std::lock_guard lock(m_mutex);
      Slot& slot = m_slots[c % m_slots.size()];
      slot.items = std::move(items);
      slot.ready = true;
      wake = m_caller_waits;
    }
    if (wake) {
      m_made.notify_one();
    }
  }

  std::vector<T>
  get(std::size_t c)
  {
    std::unique_lock lock(m_mutex);
    Slot& slot = m_slots[c % m_slots.size()];
    m_caller_waits = true;
    m_made.wait(lock, [&] { return slot.ready; });
    m_caller_waits = false;
    slot.ready = false;
    return std::move(slot.items);
  }

  const std::size_t m_n;
  const std::size_t m_chunk;  // items a chunk
  const std::size_t m_chunks; // chunks in all
  std::vector<Slot> m_slots;  // chunk c in slot c % size
  std::mutex m_mutex;
  std::condition_variable m_made;  // a chunk is ready
  std::condition_variable m_freed; // the caller took a chunk, or stopped
  std::size_t m_taken = 0;         // chunks handed to take
  bool m_stop = false;
  bool m_caller_waits = false;
  std::size_t m_makers_waiting = 0;
  std::atomic<std::size_t> m_next{0};
};

} // namespace detail

// Makes item i = make(i) for every i in [0, n) on `jobs` threads (the
// caller's among them: it makes the next chunk itself when no other thread
// has begun it) and hands each to take(i, item) on the caller's thread in
// order, holding at most about `window` made items at a time; stops early
// when take returns false. What take does overlaps the making of later
// items. Items go in chunks (a quarter of the window, at most 256), so
// threads meet once a chunk, not once an item.
template<typename T, typename Make, typename Take>
bool
parallel_in_order(
  std::size_t n, unsigned jobs, std::size_t window, Make&& make, Take&& take)
{
  detail::InOrderChunks<T> chunks(n, std::max<std::size_t>(1, window));
  const std::size_t threads_wanted =
    std::min<std::size_t>(std::max(1U, jobs) - 1, chunks.chunks());
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < threads_wanted; ++t) {
    threads.emplace_back([&] { chunks.make_all(make); });
  }
  const bool ok = chunks.take_all(make, take);
  for (auto& t : threads) {
    t.join();
  }
  return ok;
}

} // namespace ogfeed::util
