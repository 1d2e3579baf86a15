// Slope limiters for MUSCL reconstruction (van Leer 1979). Both are TVD: a face value stays between
// the cell's and its neighbour's values, so reconstructed depths stay non-negative (Audusse et al.
// 2004, sec. 4). minmod takes the smaller one-sided slope; the monotonized-central limiter takes
// the centred slope unless that leaves the range, so on smooth profiles it does not switch between
// the left and the right slope from one cell to the next (the switching that made minmod's steady
// profiles odd-even near Froude 1; docs/theory/surface.md sec. 4).
#pragma once

#include "core/math.hpp"

namespace sf::swe {

template <class T>
SF_HD SF_FORCEINLINE T minmod(T a, T b) {
  if (a * b <= T(0)) return T(0);
  return abs_of(a) < abs_of(b) ? a : b;
}

/// MC limiter: minmod(2a, (a + b) / 2, 2b).
template <class T>
SF_HD SF_FORCEINLINE T monotonized_central(T a, T b) {
  if (a * b <= T(0)) return T(0);
  const T c = T(0.5) * (a + b);
  const T m = min_of(abs_of(c), T(2) * min_of(abs_of(a), abs_of(b)));
  return a > T(0) ? m : -m;
}

}  // namespace sf::swe
