#pragma once

#include <pthread.h>

#include <cstddef>
#include <exception>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace ogfeed::util {

// Runs fn() on a thread of its own whose stack may grow to `bytes`, and
// returns what it returns (or throws what it throws). For work whose depth
// grows with its input: std::regex recurses once per character it matches,
// so a config with a megabyte-long token would overflow the 8 MiB of a
// usual stack. The stack is reserved, not used: only the pages a call
// touches take memory.
template<typename Fn>
std::invoke_result_t<Fn&>
on_large_stack(std::size_t bytes, Fn&& fn)
{
  using Result = std::invoke_result_t<Fn&>;
  struct Job
  {
    Fn* fn;
    std::optional<Result> result;
    std::exception_ptr error;
  } job{&fn, std::nullopt, nullptr};
  auto run = [](void* p) -> void* {
    auto* j = static_cast<Job*>(p);
    try {
      j->result.emplace((*j->fn)());
    } catch (...) {
      j->error = std::current_exception();
    }
    return nullptr;
  };
  pthread_attr_t attr;
  pthread_t thread;
  bool started = pthread_attr_init(&attr) == 0;
  if (started) {
    started = pthread_attr_setstacksize(&attr, bytes) == 0
              && pthread_create(&thread, &attr, run, &job) == 0;
    pthread_attr_destroy(&attr);
  }
  if (!started) {
    return fn(); // no thread to be had: on this one's stack
  }
  pthread_join(thread, nullptr);
  if (job.error) {
    std::rethrow_exception(job.error);
  }
  return std::move(*job.result);
}

} // namespace ogfeed::util
