// CUDA launch layer: the same static interface as OmpExec (exec_omp.hpp). Kernels are our own thin
// wrappers, one instantiation per functor: an element-wise launch, and a grid-stride reduction
// whose per-block results are combined on the host - that copy is the step's one synchronisation.
// Included only from .cu translation units.
#pragma once

#include <cuda_runtime.h>

#include <cstdint>
#include <cub/block/block_reduce.cuh>
#include <stdexcept>
#include <string>
#include <vector>

namespace sf::launch {

inline void cuda_check(cudaError_t status, const char* what) {
  if (status != cudaSuccess)
    throw std::runtime_error(std::string("CUDA error in ") + what + ": " +
                             cudaGetErrorString(status));
}

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

template <class R, class Op, class F>
__global__ void __launch_bounds__(kBlock)
    reduce_kernel(std::int64_t n, F f, R init, Op op, R* block_results) {
  R acc = init;
  const std::int64_t stride = std::int64_t(gridDim.x) * kBlock;
  for (std::int64_t k = std::int64_t(blockIdx.x) * kBlock + threadIdx.x; k < n; k += stride)
    acc = op(acc, f(k));
  using BlockReduce = cub::BlockReduce<R, kBlock>;
  __shared__ typename BlockReduce::TempStorage storage;
  const R block = BlockReduce(storage).Reduce(acc, op);
  if (threadIdx.x == 0) block_results[blockIdx.x] = block;
}

inline int reduce_blocks(std::int64_t n) {
  int device = 0, sms = 0;
  cudaGetDevice(&device);
  cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device);
  const int max_blocks = sms > 0 ? 8 * sms : 1024;  // enough resident blocks to fill the GPU
  const std::int64_t needed = (n + kBlock - 1) / kBlock;
  return int(needed < max_blocks ? needed : max_blocks);
}

template <class R, class Op, class F, class Combine>
R reduce(std::int64_t n, F f, R init, Op op, Combine combine) {
  if (n <= 0) return init;
  const int blocks = reduce_blocks(n);
  // Stream-ordered allocation comes from the driver's pool: no allocation cost per step.
  R* partial = nullptr;
  cuda_check(
      cudaMallocAsync(reinterpret_cast<void**>(&partial), sizeof(R) * std::size_t(blocks), 0),
      "cudaMallocAsync");
  reduce_kernel<R><<<blocks, kBlock>>>(n, f, init, op, partial);
  cuda_check(cudaGetLastError(), "reduce kernel launch");
  std::vector<R> host(static_cast<std::size_t>(blocks));
  cuda_check(
      cudaMemcpyAsync(host.data(), partial, sizeof(R) * host.size(), cudaMemcpyDeviceToHost, 0),
      "reduce result copy");
  cuda_check(cudaFreeAsync(partial, 0), "cudaFreeAsync");
  cuda_check(cudaStreamSynchronize(0), "reduce synchronisation");
  R out = init;
  for (R v : host) out = combine(out, v);
  return out;
}

}  // namespace detail

struct CudaExec {
  static constexpr const char* kName = "cuda";
  static constexpr bool kIsDevice = true;

  template <class F>
  static void for_each(std::int64_t n, F f) {
    if (n <= 0) return;
    const std::int64_t blocks = (n + detail::kBlock - 1) / detail::kBlock;
    detail::for_each_kernel<<<unsigned(blocks), detail::kBlock>>>(n, f);
    cuda_check(cudaGetLastError(), "kernel launch");
  }

  template <class R, class F>
  static R max_reduce(std::int64_t n, F f, R init) {
    return detail::reduce<R>(
        n, f, init, detail::MaxOp{}, +[](R a, R b) { return a > b ? a : b; });
  }

  /// General reduction: op is an associative SF_HD functor combining two R values.
  template <class R, class F, class Op>
  static R reduce(std::int64_t n, F f, R init, Op op) {
    return detail::reduce<R>(n, f, init, op, op);
  }

  template <class R, class F>
  static R sum_reduce(std::int64_t n, F f, R init) {
    return detail::reduce<R>(
        n, f, init, detail::SumOp{}, +[](R a, R b) { return a + b; });
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
  static void copy_to_device(void* dst, const void* src, std::size_t bytes) {
    if (bytes) cuda_check(cudaMemcpy(dst, src, bytes, cudaMemcpyHostToDevice), "copy to device");
  }
  static void copy_to_host(void* dst, const void* src, std::size_t bytes) {
    if (bytes) cuda_check(cudaMemcpy(dst, src, bytes, cudaMemcpyDeviceToHost), "copy to host");
  }
  static void copy_on_device(void* dst, const void* src, std::size_t bytes) {
    if (bytes)
      cuda_check(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToDevice), "device copy");
  }
  static void fill_zero(void* dst, std::size_t bytes) {
    if (bytes) cuda_check(cudaMemsetAsync(dst, 0, bytes), "cudaMemset");
  }
  static void synchronize() { cuda_check(cudaDeviceSynchronize(), "synchronize"); }
};

}  // namespace sf::launch
