// Elementary functions the soil physics needs beyond core/math.hpp, callable on host and device.
// expm1/log1p keep the small differences of Horton and Green-Ampt accurate in fp32.
#pragma once

#include <cmath>

#include "core/hd.hpp"

namespace sf::soil {

template <class T>
SF_HD SF_FORCEINLINE T exp_of(T a) {
  using std::exp;
  return exp(a);
}
template <class T>
SF_HD SF_FORCEINLINE T expm1_of(T a) {
  using std::expm1;
  return expm1(a);
}
template <class T>
SF_HD SF_FORCEINLINE T log1p_of(T a) {
  using std::log1p;
  return log1p(a);
}

/// Relative tolerance of the Newton solvers: a few ulps of T, so fp32 and fp64 both converge.
template <class T>
constexpr T kNewtonRelTol = sizeof(T) == 4 ? T(4e-7) : T(1e-13);

}  // namespace sf::soil
