// A minimal parallel loop: indices [0, n) split into chunks taken by `threads` workers.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace masar::util {

inline unsigned default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

// Calls fn(i) for every i in [0, n); fn must be safe to run concurrently on distinct i.
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn, std::size_t chunk = 32) {
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>((n + chunk - 1) / chunk)));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      const std::size_t begin = next.fetch_add(chunk);
      if (begin >= n) return;
      const std::size_t end = std::min(n, begin + chunk);
      for (std::size_t i = begin; i < end; ++i) fn(i);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

}  // namespace masar::util
