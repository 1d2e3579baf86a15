// Slope limiter for MUSCL reconstruction. minmod keeps face values between neighbour values, so
// reconstructed depths stay non-negative (van Leer 1979; Audusse et al. 2004, sec. 4).
#pragma once

#include "core/math.hpp"

namespace sf::swe {

template <class T>
SF_HD SF_FORCEINLINE T minmod(T a, T b) {
  if (a * b <= T(0)) return T(0);
  return abs_of(a) < abs_of(b) ? a : b;
}

}  // namespace sf::swe
