// Owning, typed page-locked host memory of a backend (plain host memory for OpenMP): the staging
// area of copies that must not make the host wait (Exec::copy_to_device_async / _to_host_async).
#pragma once

#include <cstddef>
#include <utility>

namespace sf::launch {

template <class T, class Exec>
class PinnedBuffer {
 public:
  PinnedBuffer() = default;
  explicit PinnedBuffer(std::size_t n)
      : data_(static_cast<T*>(Exec::allocate_pinned(n * sizeof(T)))), size_(n) {}
  PinnedBuffer(const PinnedBuffer&) = delete;
  PinnedBuffer& operator=(const PinnedBuffer&) = delete;
  PinnedBuffer(PinnedBuffer&& o) noexcept { swap(o); }
  PinnedBuffer& operator=(PinnedBuffer&& o) noexcept {
    PinnedBuffer tmp(std::move(o));
    swap(tmp);
    return *this;
  }
  ~PinnedBuffer() { Exec::deallocate_pinned(data_); }

  void swap(PinnedBuffer& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
  }
  T* data() { return data_; }
  const T* data() const { return data_; }
  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace sf::launch
