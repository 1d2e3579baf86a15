// Adapts a functor that returns a value (for a fused reduction) to a plain for_each body.
#pragma once

#include <cstdint>

#include "core/hd.hpp"

namespace sf::launch {

template <class F>
struct DiscardResult {
  F f;
  SF_HD void operator()(std::int64_t k) const { (void)f(k); }
};

template <class T>
struct AsDouble {
  const T* a;
  SF_HD double operator()(std::int64_t k) const { return double(a[k]); }
};

}  // namespace sf::launch
