// Bed friction laws, applied semi-implicitly in the unit discharge. Each law writes the momentum
// sink g h S_f as K(h, |q|) q with K >= 0 (s^-1), so
//   dq/dt = -K q   =>   q_new = q* / (1 + dt K(h, |q*|)),
// a factor in (0, 1]: friction only slows the flow and never reverses it, however shallow the water
// (Liang & Marche 2009, Adv. Water Resour. 32:873; Caleffi et al. 2003). The laws and their
// coefficients follow SWASHES (Delestre et al. 2013, Int. J. Numer. Meth. Fluids 72:269, sec. 2):
//   Manning          S_f = n^2 u|u| / h^(4/3)    n (s m^-1/3)      K = g n^2 |q| / h^(7/3)
//   Chezy            S_f = u|u| / (C^2 h)        C (m^1/2 s^-1)    K = g |q| / (C^2 h^2)
//   Darcy-Weisbach   S_f = f u|u| / (8 g h)      f (-)             K = f |q| / (8 h^2)
//   laminar          S_f = kappa u / (g h^2)     kappa (m^2 s^-1)  K = kappa / h^2
//   linear           S_f = tau u / g             tau (s^-1)        K = tau
// A zero coefficient means no friction for every law (for Chezy: C = 0 is read as "none", not as
// infinite resistance).
#pragma once

#include <cstdint>

#include "core/math.hpp"

namespace sf::swe {

enum class FrictionLaw : std::uint8_t {
  kManning = 0,
  kChezy = 1,
  kDarcyWeisbach = 2,
  kLaminar = 3,
  kLinear = 4,
};

/// K(h, |q|) of the law (s^-1): the momentum sink is K q. h > 0.
template <class T>
SF_HD SF_FORCEINLINE T friction_rate(FrictionLaw law, T coefficient, T h, T q_abs, T g) {
  if (coefficient <= T(0)) return T(0);
  switch (law) {
    case FrictionLaw::kManning:
      return g * coefficient * coefficient * q_abs / (h * h * cbrt_of(h));  // h^(7/3)
    case FrictionLaw::kChezy:
      return g * q_abs / (coefficient * coefficient * h * h);
    case FrictionLaw::kDarcyWeisbach:
      return coefficient * q_abs / (T(8) * h * h);
    case FrictionLaw::kLaminar:
      return coefficient / (h * h);
    case FrictionLaw::kLinear:
      return coefficient;
  }
  return T(0);
}

/// Factor multiplying both unit discharges after the flux update: 1 / (1 + dt K).
template <class T>
SF_HD SF_FORCEINLINE T friction_factor(FrictionLaw law, T coefficient, T h, T qx, T qy, T dt, T g) {
  const T q = sqrt_of(qx * qx + qy * qy);
  return T(1) / (T(1) + dt * friction_rate(law, coefficient, h, q, g));
}

/// Velocity of uniform flow at depth h on energy slope s > 0 (wide channel, g h s = g h S_f), m/s.
/// Returns a negative value when the law gives no resistance (zero coefficient): then no finite
/// uniform velocity exists and the caller falls back to critical flow.
template <class T>
SF_HD SF_FORCEINLINE T uniform_flow_velocity(FrictionLaw law, T coefficient, T h, T s, T g) {
  if (coefficient <= T(0)) return T(-1);
  switch (law) {
    case FrictionLaw::kManning:
      return cbrt_of(h * h) * sqrt_of(s) / coefficient;
    case FrictionLaw::kChezy:
      return coefficient * sqrt_of(h * s);
    case FrictionLaw::kDarcyWeisbach:
      return sqrt_of(T(8) * g * h * s / coefficient);
    case FrictionLaw::kLaminar:
      return g * h * h * s / coefficient;
    case FrictionLaw::kLinear:
      return g * s / coefficient;
  }
  return T(-1);
}

}  // namespace sf::swe
