// Small math helpers usable on host and device, generic in the real type.
#pragma once

#include <cmath>

#include "core/hd.hpp"
#include "core/physical_constants.hpp"

namespace sf {

template <class T>
SF_HD SF_FORCEINLINE T max_of(T a, T b) {
  return a > b ? a : b;
}
template <class T>
SF_HD SF_FORCEINLINE T min_of(T a, T b) {
  return a < b ? a : b;
}
template <class T>
SF_HD SF_FORCEINLINE T abs_of(T a) {
  return a < T(0) ? -a : a;
}
template <class T>
SF_HD SF_FORCEINLINE T sqrt_of(T a) {
  using std::sqrt;
  return sqrt(a);
}
template <class T>
SF_HD SF_FORCEINLINE T cbrt_of(T a) {
  using std::cbrt;
  return cbrt(a);
}
template <class T>
SF_HD SF_FORCEINLINE T pow_of(T a, T b) {
  using std::pow;
  return pow(a, b);
}

}  // namespace sf
