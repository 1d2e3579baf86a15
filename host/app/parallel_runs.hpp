// Independent network runs side by side: `spongeflow capacity` (one per return period) and
// `spongeflow scenarios` (one per variant and storm) share this pool.
#pragma once

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace sf::app {

/// Calls job(k) for every k < count, `parallel` at a time (in index order as workers free up),
/// each worker with its share of the OpenMP threads. Rethrows the first job's failure (by
/// index) once every job has ended.
inline void run_in_parallel(std::size_t count, int parallel,
                            const std::function<void(std::size_t)>& job) {
  std::vector<std::exception_ptr> failures(count);
  std::atomic<std::size_t> next{0};
  const int workers = std::max(1, std::min<int>(parallel, static_cast<int>(count)));
  const int threads_each = std::max(1, omp_get_max_threads() / workers);
  auto work = [&]() {
    omp_set_num_threads(threads_each);
    for (std::size_t k; (k = next++) < count;) {
      try {
        job(k);
      } catch (...) {
        failures[k] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (int w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& f : failures)
    if (f) std::rethrow_exception(f);
}

}  // namespace sf::app
