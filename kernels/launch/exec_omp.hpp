// OpenMP launch layer: runs point functions over an index range with Thrust's OMP system.
// The CUDA twin is exec_cuda.cuh; both expose the same interface so that engine code is written
// once as templates over the Exec type: static element-wise launches and memory functions, and
// reductions called on an instance (the CUDA one owns its scratch; this one holds nothing).
#pragma once

#include <thrust/for_each.h>
#include <thrust/functional.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/system/omp/execution_policy.h>
#include <thrust/transform_reduce.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

namespace sf::launch {

class OmpExec {
 public:
  static constexpr const char* kName = "cpu";
  static constexpr bool kIsDevice = false;
  // Below this many items a fork/join costs more than the work (pipe networks of a few hundred
  // links run thousands of tiny loops per simulated hour), so the loop runs on the calling thread.
  static constexpr std::int64_t kSerialBelow = 4096;

  template <class F>
  static void for_each(std::int64_t n, F f) {
    if (n <= 0) return;
    if (n < kSerialBelow) {
      for (std::int64_t k = 0; k < n; ++k) f(k);
      return;
    }
    thrust::for_each(thrust::omp::par, thrust::counting_iterator<std::int64_t>(0),
                     thrust::counting_iterator<std::int64_t>(n), f);
  }

  /// f(i) may write its outputs and returns a value; the maximum over i (and init) is returned.
  template <class R, class F>
  R max_reduce(std::int64_t n, F f, R init) const {
    if (n <= 0) return init;
    if (n < kSerialBelow) {
      R m = init;
      for (std::int64_t k = 0; k < n; ++k) {
        const R v = f(k);
        m = v > m ? v : m;
      }
      return m;
    }
    return thrust::transform_reduce(thrust::omp::par, thrust::counting_iterator<std::int64_t>(0),
                                    thrust::counting_iterator<std::int64_t>(n), f, init,
                                    thrust::maximum<R>());
  }

  /// General reduction: op is an associative SF_HD functor combining two R values.
  template <class R, class F, class Op>
  R reduce(std::int64_t n, F f, R init, Op op) const {
    if (n <= 0) return init;
    if (n < kSerialBelow) {
      R acc = init;
      for (std::int64_t k = 0; k < n; ++k) acc = op(acc, f(k));
      return acc;
    }
    return thrust::transform_reduce(thrust::omp::par, thrust::counting_iterator<std::int64_t>(0),
                                    thrust::counting_iterator<std::int64_t>(n), f, init, op);
  }

  /// Reduction over blocks of rows, for launches that sweep rows in order (each face solved
  /// once): f(j0, j1) handles rows [j0, j1) and returns their R. Blocks of rows_per_block rows
  /// are shared out dynamically (wet and dry rows cost differently) and their results combined in
  /// row order, so the result does not depend on the thread count or the schedule. Below
  /// kSerialBelow items in all the blocks run on the calling thread.
  template <class R, class F, class Op>
  R reduce_row_blocks(int rows, int rows_per_block, std::int64_t items, F f, R init, Op op) const {
    if (rows <= 0) return init;
    const int blocks = (rows + rows_per_block - 1) / rows_per_block;
    std::vector<R> part(std::size_t(blocks), init);
    auto run = [&](int b) {
      const int j0 = b * rows_per_block;
      part[std::size_t(b)] = f(j0, j0 + rows_per_block < rows ? j0 + rows_per_block : rows);
    };
    if (blocks == 1 || items < kSerialBelow) {
      for (int b = 0; b < blocks; ++b) run(b);
    } else {
#pragma omp parallel for schedule(dynamic)
      for (int b = 0; b < blocks; ++b) run(b);
    }
    R acc = init;
    for (const R& r : part) acc = op(acc, r);
    return acc;
  }

  template <class R, class F>
  R sum_reduce(std::int64_t n, F f, R init) const {
    if (n <= 0) return init;
    if (n < kSerialBelow) {
      R sum = init;
      for (std::int64_t k = 0; k < n; ++k) sum = sum + f(k);
      return sum;
    }
    return thrust::transform_reduce(thrust::omp::par, thrust::counting_iterator<std::int64_t>(0),
                                    thrust::counting_iterator<std::int64_t>(n), f, init,
                                    thrust::plus<R>());
  }

  /// Calls sink(sum) once; on this backend at once, on the calling thread (CudaExec: on the
  /// device, without a host synchronisation).
  template <class R, class F, class Sink>
  void sum_reduce_into(std::int64_t n, F f, R init, Sink sink) const {
    sink(sum_reduce(n, f, init));
  }

  static void* allocate(std::size_t bytes) {
    if (bytes == 0) return nullptr;
    void* p = std::aligned_alloc(64, (bytes + 63) / 64 * 64);
    if (!p) throw std::bad_alloc();
    return p;
  }
  static void deallocate(void* p) { std::free(p); }
  static void copy_to_device(void* dst, const void* src, std::size_t bytes) {
    if (bytes) std::memcpy(dst, src, bytes);
  }
  static void* allocate_pinned(std::size_t bytes) { return allocate(bytes); }
  static void deallocate_pinned(void* p) { deallocate(p); }
  static void copy_to_device_async(void* dst, const void* src, std::size_t bytes) {
    copy_to_device(dst, src, bytes);
  }
  static void copy_to_host_async(void* dst, const void* src, std::size_t bytes) {
    if (bytes) std::memcpy(dst, src, bytes);
  }
  static void copy_to_host(void* dst, const void* src, std::size_t bytes) {
    if (bytes) std::memcpy(dst, src, bytes);
  }
  static void copy_on_device(void* dst, const void* src, std::size_t bytes) {
    if (bytes) std::memcpy(dst, src, bytes);
  }
  static void fill_zero(void* dst, std::size_t bytes) {
    if (bytes) std::memset(dst, 0, bytes);
  }
  static void synchronize() {}
};

}  // namespace sf::launch
