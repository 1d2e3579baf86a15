// Persistent memory of the CUDA reductions: device scratch for the per-block partial results and
// the total, and a pinned host slot that the total is copied into. Owned by one CudaExec
// instance (so by the solver or engine that holds it): allocated on its first reduction, grown
// only when a wider result type needs more, then reused by every step without allocating.
#pragma once

#include <cuda_runtime.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace sf::launch {

inline void cuda_check(cudaError_t status, const char* what) {
  if (status != cudaSuccess)
    throw std::runtime_error(std::string("CUDA error in ") + what + ": " +
                             cudaGetErrorString(status));
}

namespace detail {

class ReduceScratch {
 public:
  ReduceScratch() = default;
  ReduceScratch(const ReduceScratch&) = delete;
  ReduceScratch& operator=(const ReduceScratch&) = delete;
  ReduceScratch(ReduceScratch&& o) noexcept { swap(o); }
  ReduceScratch& operator=(ReduceScratch&& o) noexcept {
    ReduceScratch tmp(std::move(o));
    swap(tmp);
    return *this;
  }
  ~ReduceScratch() {
    // Destructors must not throw: a failure here can only leak, and the context is ending.
    if (device_) cudaFree(device_);
    if (host_) cudaFreeHost(host_);
  }

  /// At least `bytes` of device memory; the contents do not survive a growth.
  void* device(std::size_t bytes) {
    if (bytes > device_bytes_) {
      // The previous owner of this memory may still be read by a queued kernel.
      if (device_) {
        cuda_check(cudaStreamSynchronize(0), "scratch growth");
        cudaFree(device_);
        device_ = nullptr;
      }
      cuda_check(cudaMalloc(&device_, bytes), "cudaMalloc (reduction scratch)");
      device_bytes_ = bytes;
    }
    return device_;
  }

  /// At least `bytes` of pinned host memory, so a device-to-host copy into it is a true DMA.
  void* host(std::size_t bytes) {
    if (bytes > host_bytes_) {
      if (host_) {
        cuda_check(cudaStreamSynchronize(0), "pinned scratch growth");
        cudaFreeHost(host_);
        host_ = nullptr;
      }
      cuda_check(cudaMallocHost(&host_, bytes), "cudaMallocHost (reduction result)");
      host_bytes_ = bytes;
    }
    return host_;
  }

 private:
  void swap(ReduceScratch& o) noexcept {
    std::swap(device_, o.device_);
    std::swap(device_bytes_, o.device_bytes_);
    std::swap(host_, o.host_);
    std::swap(host_bytes_, o.host_bytes_);
  }

  void* device_ = nullptr;
  std::size_t device_bytes_ = 0;
  void* host_ = nullptr;
  std::size_t host_bytes_ = 0;
};

}  // namespace detail
}  // namespace sf::launch
