// CUDA launch layer: the same static interface as OmpExec (exec_omp.hpp), backed by Thrust's CUDA
// system. Included only from .cu translation units.
#pragma once

#include <cuda_runtime.h>
#include <thrust/functional.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/system/cuda/execution_policy.h>
#include <thrust/for_each.h>
#include <thrust/transform_reduce.h>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace sf::launch {

inline void cuda_check(cudaError_t status, const char* what) {
  if (status != cudaSuccess)
    throw std::runtime_error(std::string("CUDA error in ") + what + ": " +
                             cudaGetErrorString(status));
}

struct CudaExec {
  static constexpr const char* kName = "cuda";
  static constexpr bool kIsDevice = true;

  template <class F>
  static void for_each(std::int64_t n, F f) {
    if (n <= 0) return;
    thrust::for_each(thrust::cuda::par_nosync, thrust::counting_iterator<std::int64_t>(0),
                     thrust::counting_iterator<std::int64_t>(n), f);
  }

  // The reduction returns its value to the host: this is the one synchronisation of a step.
  template <class R, class F>
  static R max_reduce(std::int64_t n, F f, R init) {
    if (n <= 0) return init;
    return thrust::transform_reduce(thrust::cuda::par, thrust::counting_iterator<std::int64_t>(0),
                                    thrust::counting_iterator<std::int64_t>(n), f, init,
                                    thrust::maximum<R>());
  }

  template <class R, class F>
  static R sum_reduce(std::int64_t n, F f, R init) {
    if (n <= 0) return init;
    return thrust::transform_reduce(thrust::cuda::par, thrust::counting_iterator<std::int64_t>(0),
                                    thrust::counting_iterator<std::int64_t>(n), f, init,
                                    thrust::plus<R>());
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
