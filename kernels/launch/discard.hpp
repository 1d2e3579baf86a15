// Reads an array as doubles, for reductions summed in double precision.
#pragma once

#include <cstdint>

#include "core/hd.hpp"

namespace sf::launch {

template <class T>
struct AsDouble {
  const T* a;
  SF_HD double operator()(std::int64_t k) const { return double(a[k]); }
};

}  // namespace sf::launch
