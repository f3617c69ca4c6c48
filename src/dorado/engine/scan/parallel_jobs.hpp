#pragma once
// Runs job(i) for i in [0, count) on up to `threads` threads (0: the
// hardware's concurrency, 1: the calling thread), each index exactly once.
// Jobs write only to their own output slot, so the result does not depend on
// scheduling. An exception from a job is rethrown after every thread has
// finished, the lowest index first.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace dorado::engine {

template <typename Job>
void run_parallel(std::size_t count, std::size_t threads, const Job& job) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, count);
  std::vector<std::exception_ptr> errors(count);
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        job(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
  }
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace dorado::engine
