// CUDA launch layer: the same interface as OmpExec (exec_omp.hpp). Kernels are our own thin
// wrappers, one instantiation per functor: an element-wise launch, and a two-pass reduction (a
// grid-stride pass leaves one partial per block, one block combines them) whose total either
// comes back to the host - one copy into pinned memory, the reduction's one synchronisation - or
// is handed to a device functor without any synchronisation (reduce_into).
// A CudaExec instance owns the reductions' scratch; element-wise launches and memory functions
// need no state and are static. Included only from .cu translation units.
#pragma once

#include <cuda_runtime.h>

#include <cstdint>
#include <cub/block/block_reduce.cuh>

#include "launch/reduce_scratch.cuh"

namespace sf::launch {

namespace detail {

constexpr int kBlock = 256;

template <class F>
__global__ void __launch_bounds__(kBlock) for_each_kernel(std::int64_t n, F f) {
  const std::int64_t k = std::int64_t(blockIdx.x) * kBlock + threadIdx.x;
  if (k < n) f(k);
}

struct MaxOp {
  template <class R>
  __device__ R operator()(R a, R b) const {
    return a > b ? a : b;
  }
};
struct SumOp {
  template <class R>
  __device__ R operator()(R a, R b) const {
    return a + b;
  }
};

/// Pass 1: each block folds a grid-stride share of f(0..n) into one partial. Threads start from
/// `identity` (zero for sums, init for maxima) so that init is applied once, in pass 2.
template <class R, class Op, class F>
__global__ void __launch_bounds__(kBlock)
    reduce_kernel(std::int64_t n, F f, R identity, Op op, R* partial) {
  R acc = identity;
  const std::int64_t stride = std::int64_t(gridDim.x) * kBlock;
  for (std::int64_t k = std::int64_t(blockIdx.x) * kBlock + threadIdx.x; k < n; k += stride)
    acc = op(acc, f(k));
  using BlockReduce = cub::BlockReduce<R, kBlock>;
  __shared__ typename BlockReduce::TempStorage storage;
  const R block = BlockReduce(storage).Reduce(acc, op);
  if (threadIdx.x == 0) partial[blockIdx.x] = block;
}

/// Pass 2, one block: combines the partials with init and hands the total to sink(total).
template <class R, class Op, class Sink>
__global__ void __launch_bounds__(kBlock)
    combine_kernel(int count, const R* partial, R identity, R init, Op op, Sink sink) {
  R acc = identity;
  for (int b = threadIdx.x; b < count; b += kBlock) acc = op(acc, partial[b]);
  using BlockReduce = cub::BlockReduce<R, kBlock>;
  __shared__ typename BlockReduce::TempStorage storage;
  const R total = BlockReduce(storage).Reduce(acc, op);
  if (threadIdx.x == 0) sink(op(init, total));
}

/// Writes a reduction's total to device memory.
template <class R>
struct StoreTotal {
  R* out;
  __device__ void operator()(const R& total) const { *out = total; }
};

}  // namespace detail

class CudaExec {
 public:
  static constexpr const char* kName = "cuda";
  static constexpr bool kIsDevice = true;

  template <class F>
  static void for_each(std::int64_t n, F f) {
    if (n <= 0) return;
    const std::int64_t blocks = (n + detail::kBlock - 1) / detail::kBlock;
    detail::for_each_kernel<<<unsigned(blocks), detail::kBlock>>>(n, f);
    cuda_check(cudaGetLastError(), "kernel launch");
  }

  /// max(init, f(0), ..., f(n-1)); f(i) may also write its outputs. One host synchronisation.
  template <class R, class F>
  R max_reduce(std::int64_t n, F f, R init) {
    return to_host(n, f, init, init, detail::MaxOp{});
  }

  /// init + f(0) + ... + f(n-1); R{} must be zero. One host synchronisation.
  /// General reduction to the host: op is an associative SF_HD functor and init its identity.
  template <class R, class F, class Op>
  R reduce(std::int64_t n, F f, R init, Op op) {
    return to_host(n, f, init, init, op);
  }

  template <class R, class F>
  R sum_reduce(std::int64_t n, F f, R init) {
    return to_host(n, f, R{}, init, detail::SumOp{});
  }

  /// Calls sink(init + f(0) + ... + f(n-1)) once, on the device, in stream order: no host
  /// synchronisation. sink must be an SF_HD functor writing device memory.
  template <class R, class F, class Sink>
  void sum_reduce_into(std::int64_t n, F f, R init, Sink sink) {
    reduce(n, f, R{}, init, detail::SumOp{}, sink);
  }

  static void* allocate(std::size_t bytes) {
    if (bytes == 0) return nullptr;
    void* p = nullptr;
    cuda_check(cudaMalloc(&p, bytes), "cudaMalloc");
    return p;
  }
  static void deallocate(void* p) {
    if (p) cudaFree(p);
  }
  /// Page-locked host memory: the source of copy_to_device_async.
  static void* allocate_pinned(std::size_t bytes) {
    if (bytes == 0) return nullptr;
    void* p = nullptr;
    cuda_check(cudaMallocHost(&p, bytes), "cudaMallocHost");
    return p;
  }
  static void deallocate_pinned(void* p) {
    if (p) cudaFreeHost(p);
  }
  static void copy_to_device(void* dst, const void* src, std::size_t bytes) {
    if (bytes) cuda_check(cudaMemcpy(dst, src, bytes, cudaMemcpyHostToDevice), "copy to device");
  }
  /// Queued in stream order without waiting; src must be pinned (allocate_pinned) and must not
  /// change until the stream has passed the copy (the next synchronisation).
  static void copy_to_device_async(void* dst, const void* src, std::size_t bytes) {
    if (bytes)
      cuda_check(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyHostToDevice), "async copy to device");
  }
  static void copy_to_host(void* dst, const void* src, std::size_t bytes) {
    if (bytes) cuda_check(cudaMemcpy(dst, src, bytes, cudaMemcpyDeviceToHost), "copy to host");
  }
  /// Queued in stream order; dst must be pinned; valid after the next synchronize().
  static void copy_to_host_async(void* dst, const void* src, std::size_t bytes) {
    if (bytes)
      cuda_check(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToHost), "async copy to host");
  }
  static void copy_on_device(void* dst, const void* src, std::size_t bytes) {
    if (bytes)
      cuda_check(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToDevice), "device copy");
  }
  static void fill_zero(void* dst, std::size_t bytes) {
    if (bytes) cuda_check(cudaMemsetAsync(dst, 0, bytes), "cudaMemset");
  }
  static void synchronize() { cuda_check(cudaStreamSynchronize(0), "synchronize"); }

 private:
  static int reduce_blocks(std::int64_t n) {
    int device = 0, sms = 0;
    cudaGetDevice(&device);
    cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device);
    const int max_blocks = sms > 0 ? 8 * sms : 1024;  // enough resident blocks to fill the GPU
    const std::int64_t needed = (n + detail::kBlock - 1) / detail::kBlock;
    return int(needed < max_blocks ? needed : max_blocks);
  }

  /// Partials first, the total after them, each aligned for any R.
  static std::size_t total_offset(int blocks) {
    return (std::size_t(blocks) * 64 + 255) / 256 * 256;  // 64 B per partial covers every R here
  }

  template <class R, class Op, class F, class Sink>
  void reduce(std::int64_t n, F f, R identity, R init, Op op, Sink sink) {
    static_assert(sizeof(R) <= 64, "reduction results are at most 64 bytes");
    const int blocks = n > 0 ? reduce_blocks(n) : 0;
    R* partial = static_cast<R*>(scratch_.device(total_offset(blocks) + sizeof(R)));
    if (blocks > 0) {
      detail::reduce_kernel<R><<<blocks, detail::kBlock>>>(n, f, identity, op, partial);
      cuda_check(cudaGetLastError(), "reduce kernel launch");
    }
    detail::combine_kernel<R><<<1, detail::kBlock>>>(blocks, partial, identity, init, op, sink);
    cuda_check(cudaGetLastError(), "combine kernel launch");
  }

  template <class R, class Op, class F>
  R to_host(std::int64_t n, F f, R identity, R init, Op op) {
    if (n <= 0) return init;
    const int blocks = reduce_blocks(n);
    void* base = scratch_.device(total_offset(blocks) + sizeof(R));
    R* total = reinterpret_cast<R*>(static_cast<char*>(base) + total_offset(blocks));
    reduce(n, f, identity, init, op, detail::StoreTotal<R>{total});
    R* host = static_cast<R*>(scratch_.host(sizeof(R)));
    copy_to_host_async(host, total, sizeof(R));
    synchronize();
    return *host;
  }

  detail::ReduceScratch scratch_;
};

}  // namespace sf::launch
