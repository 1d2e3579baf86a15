// Owning, typed memory on the backend's device (host memory for OpenMP, GPU memory for CUDA).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace sf::launch {

template <class T, class Exec>
class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  explicit DeviceBuffer(std::size_t n) : size_(n) {
    data_ = static_cast<T*>(Exec::allocate(n * sizeof(T)));
    Exec::fill_zero(data_, n * sizeof(T));
  }
  explicit DeviceBuffer(const std::vector<T>& host) : DeviceBuffer(host.size()) { upload(host); }
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
  DeviceBuffer(DeviceBuffer&& o) noexcept { swap(o); }
  DeviceBuffer& operator=(DeviceBuffer&& o) noexcept {
    DeviceBuffer tmp(std::move(o));
    swap(tmp);
    return *this;
  }
  ~DeviceBuffer() { Exec::deallocate(data_); }

  void swap(DeviceBuffer& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
  }
  T* data() { return data_; }
  const T* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  void upload(const std::vector<T>& host) {
    if (host.size() != size_) *this = DeviceBuffer(host.size());
    Exec::copy_to_device(data_, host.data(), size_ * sizeof(T));
  }
  void download(std::vector<T>& host) const {
    host.resize(size_);
    Exec::copy_to_host(host.data(), data_, size_ * sizeof(T));
  }
  std::vector<T> to_host() const {
    std::vector<T> host;
    download(host);
    return host;
  }
  void zero() { Exec::fill_zero(data_, size_ * sizeof(T)); }
  void copy_from(const DeviceBuffer& o) { Exec::copy_on_device(data_, o.data_, size_ * sizeof(T)); }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace sf::launch
