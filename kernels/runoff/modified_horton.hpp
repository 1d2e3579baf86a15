// Modified Horton infiltration (Rossman & Huber 2016, Vol. I sec. 4.2.3; Akan 1992): the capacity
// falls linearly with the water infiltrated above the minimum rate, fp = max(f0 - kd Fe, fmin),
// where Fe is the cumulative infiltration in excess of fmin; while dry, Fe decays as e^{-kr t}.
// SWMM 5.2.4 (infil.c) caps Fe with MAX instead of MIN, so with a MaxInfil > 0 its soil saturates
// after one step; here Fe is capped at MaxInfil as the manual describes.
#pragma once

#include "core/math.hpp"
#include "soil/soil_math.hpp"

namespace sf::runoff {

template <class T>
struct ModifiedHortonParams {
  T f0;          // maximum capacity [m/s]
  T fmin;        // minimum capacity [m/s]
  T decay;       // kd in fp = f0 - kd Fe [1/s]
  T recovery;    // kr [1/s]
  T max_volume;  // cap on Fe [m]; 0 = none
};

/// Infiltration rate [m/s] over a step; `offered` is rain + run-on [m/s], `depth` ponded water [m].
template <class T>
SF_HD inline T modified_horton_rate(T& fe, const ModifiedHortonParams<T>& p, T offered, T depth,
                                    T dt) {
  const T available = offered + depth / dt;
  if (p.decay <= T(0) || p.f0 <= p.fmin) return max_of(min_of(p.f0, available), T(0));
  if (available > T(1e-10) * T(0.3048)) {  // SWMM ZERO, 1e-10 ft/s
    if (p.max_volume > T(0) && fe >= p.max_volume) return T(0);
    const T fp = max_of(p.f0 - p.decay * fe, p.fmin);
    const T f = min_of(available, fp);
    fe += max_of(f - p.fmin, T(0)) * dt;
    if (p.max_volume > T(0)) fe = min_of(fe, p.max_volume);
    return f;
  }
  if (p.recovery > T(0)) fe = max_of(fe * soil::exp_of(-p.recovery * dt), T(0));
  return T(0);
}

}  // namespace sf::runoff
