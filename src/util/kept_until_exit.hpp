#pragma once

#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

namespace ogfeed::util {

// Hands a value the process is done with to its exit: the value is moved
// onto the heap and never destroyed, and a reference to it is returned.
//
// For a process about to end (one `ogfeed build`): freeing what a build of
// 10,000 posts holds, string by string, takes milliseconds of its critical
// path, while the exit gives the kernel all its memory back at once (as a
// compiler does with -disable-free). A process that goes on (--watch, the
// tests) frees as usual and does not call this.
//
// Every value kept stays reachable, from one list, so a leak checker does
// not report it as lost.
template<class T>
std::decay_t<T>&
kept_until_exit(T&& value)
{
  // Neither is ever destroyed: a value kept is still there at exit.
  static auto* const mutex = new std::mutex();
  static auto* const kept = new std::vector<std::shared_ptr<void>>();
  auto held = std::make_shared<std::decay_t<T>>(std::forward<T>(value));
  std::decay_t<T>& ref = *held;
  const std::lock_guard lock(*mutex);
  kept->push_back(std::move(held));
  return ref;
}

} // namespace ogfeed::util
