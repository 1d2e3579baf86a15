// Horton infiltration in SWMM's cumulative form (Rossman & Huber 2016, Vol. I sec. 4.2): the
// capacity curve f(t) = fmin + (f0 - fmin) e^{-kd t} is integrated over the step instead of being
// sampled at its start, and the state is the time tp "on the curve" rather than wall-clock time.
// When the water offered is less than the capacity, tp advances only as far as the cumulative
// curve F(tp) grew (Newton on F), so a light rain does not wear the soil down as a heavy one would.
// When dry, the capacity regenerates towards f0 with rate kr (SWMM's drying-time form).
#pragma once

#include "core/math.hpp"
#include "soil/soil_math.hpp"

namespace sf::soil {

template <class T>
struct HortonParams {
  T f0;          // maximum (initial) infiltration capacity (m/s)
  T fmin;        // minimum (final) capacity (m/s), <= f0
  T decay;       // kd, decay constant of the capacity (1/s)
  T recovery;    // kr, regeneration constant when dry (1/s); SWMM: -ln(0.02) / drying time
  T max_volume;  // Fmax, largest cumulative infiltration (m); +infinity for none
};

template <class T>
struct HortonState {
  T tp = T(0);      // time on the capacity curve (s)
  T volume = T(0);  // cumulative infiltration counted against max_volume (m)
};

/// F(t) = fmin t + (f0 - fmin)/kd (1 - e^{-kd t}), cumulative capacity since tp = 0 (m).
template <class T>
SF_HD inline T horton_cumulative(const HortonParams<T>& p, T t) {
  return p.fmin * t - (p.f0 - p.fmin) / p.decay * expm1_of(-p.decay * t);
}

/// F(tp + s) - F(tp) written without cancellation, so fp32 keeps it accurate at large tp (m).
template <class T>
SF_HD inline T horton_increment(const HortonParams<T>& p, T tp, T s) {
  return p.fmin * s - (p.f0 - p.fmin) / p.decay * exp_of(-p.decay * tp) * expm1_of(-p.decay * s);
}

/// Infiltrated depth (m) in a step of dt_s with ponded depth (m) and rain rate (m/s) on the cell.
template <class T>
SF_HD inline T infiltrate(HortonState<T>& s, const HortonParams<T>& p, T ponded_depth_m,
                          T rain_rate_m_s, T dt_s) {
  const T available = max_of(ponded_depth_m, T(0)) + max_of(rain_rate_m_s, T(0)) * dt_s;
  const T room = max_of(p.max_volume - s.volume, T(0));
  if (p.decay <= T(0) || p.f0 <= p.fmin) {  // constant capacity: the curve has no time axis
    const T f = min_of(min_of(p.f0 * dt_s, available), room);
    s.volume += f;
    return f;
  }
  if (available <= T(0)) {
    // Regeneration: the deficit 1 - e^{-kd tp} decays by e^{-kr dt}; solve back for tp.
    const T deficit = -expm1_of(-p.decay * s.tp) * exp_of(-p.recovery * dt_s);
    s.tp = -log1p_of(-deficit) / p.decay;
    s.volume = min_of(s.volume, horton_cumulative(p, s.tp));
    return T(0);
  }
  const T capacity = horton_increment(p, s.tp, dt_s);
  T f;
  if (capacity <= available) {
    f = capacity;
    s.tp += dt_s;
  } else {
    // Find the time ds with F(tp + ds) - F(tp) = available. G(ds) is increasing and concave, so
    // Newton from ds = 0 approaches the root from below without overshooting.
    f = available;
    const T e_tp = exp_of(-p.decay * s.tp);
    T ds = T(0);
    for (int it = 0; it < 50; ++it) {
      const T g = horton_increment(p, s.tp, ds) - available;
      const T dg = p.fmin + (p.f0 - p.fmin) * e_tp * exp_of(-p.decay * ds);
      const T step = -g / dg;
      ds = min_of(ds + step, dt_s);
      if (abs_of(step) <= kNewtonRelTol<T> * dt_s) break;
    }
    s.tp += max_of(ds, T(0));
  }
  f = min_of(f, room);
  s.volume += f;
  return f;
}

}  // namespace sf::soil
