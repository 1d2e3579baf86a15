// Manning bed friction, semi-implicit in the unit discharge:
//   dq/dt = -g n^2 |q| q / h^(7/3)   =>   q_new = q* / (1 + dt g n^2 |q*| / h^(7/3))
// The factor is >= 1, so friction only slows the flow and never reverses it, however shallow the
// water (Liang & Marche 2009, Adv. Water Resour. 32:873; Caleffi et al. 2003).
#pragma once

#include "core/math.hpp"

namespace sf::swe {

template <class T>
SF_HD SF_FORCEINLINE T manning_friction_factor(T h, T qx, T qy, T n, T dt, T g) {
  if (n <= T(0)) return T(1);
  const T q = sqrt_of(qx * qx + qy * qy);
  const T h73 = h * h * cbrt_of(h);  // h^(7/3)
  return T(1) / (T(1) + dt * g * n * n * q / h73);
}

}  // namespace sf::swe
