// Green-Ampt infiltration with Mein-Larson ponding, in SWMM's formulation (Rossman & Huber 2016,
// Vol. I sec. 4.3): before ponding all water offered infiltrates; ponding starts once the
// cumulative infiltration reaches Fs = Ks (psi + d) IMD / (i - Ks) (Mein & Larson 1973); after it,
// the integrated Green-Ampt equation
//   Ks dt = F2 - F1 - (psi + d) IMD ln((F2 + (psi + d) IMD) / (F1 + (psi + d) IMD))
// gives the step's infiltration. A shallow upper zone of depth Lu = 4 sqrt(Ks[in/h]) inches
// (Mein's rule as SWMM uses it) drains between events and restores the moisture deficit.
#pragma once

#include "core/math.hpp"
#include "soil/soil_math.hpp"

namespace sf::soil {

template <class T>
struct GreenAmptParams {
  T ks;       // saturated hydraulic conductivity (m/s), > 0
  T suction;  // psi, capillary suction head at the wetting front (m)
  T imd_max;  // initial (maximum) moisture deficit, porosity - initial moisture (-), in [0, 1]
  /// SWMM's MODIFIED_GREEN_AMPT: rain below Ks never starts a new event (only dry weather
  /// does), so a long spell of light rain keeps the event's deficit and cumulative infiltration.
  bool modified = false;
};

template <class T>
struct GreenAmptState {
  T imd;                       // moisture deficit of the current event (-)
  T volume = T(0);             // F, cumulative infiltration of the current event (m)
  T upper_zone = T(0);         // Fu, water held in the upper zone (m)
  T time_to_new_event = T(0);  // s; <= 0 means the next wet spell starts a new event
  T saturated = T(0);          // 1 while the surface is ponded (Green-Ampt regime), else 0
};

template <class T>
SF_HD inline GreenAmptState<T> green_ampt_initial_state(const GreenAmptParams<T>& p) {
  GreenAmptState<T> s;
  s.imd = p.imd_max;
  return s;
}

/// Mein's upper-zone depth Lu (m): 4 sqrt(Ks) inches with Ks in in/h, an empirical rule.
template <class T>
SF_HD inline T green_ampt_upper_zone_depth(T ks) {
  const T ks_in_per_h = ks * T(3600.0 / 0.0254);
  return T(4) * sqrt_of(ks_in_per_h) * T(0.0254);
}

/// Infiltration after time ts in the ponded regime from F1, with c1 = (psi + d) IMD (m).
/// Newton on g(x) = x - c1 ln(1 + x/(F1 + c1)) - Ks ts for the increment x = F2 - F1; g is
/// convex and increasing, so Newton from a point with g >= 0 converges monotonically from above.
template <class T>
SF_HD inline T green_ampt_ponded_increment(T f1, T c1, T ks, T ts) {
  const T least = ks * ts;
  if (c1 <= T(0) || ts <= T(0)) return least;
  const T base = f1 + c1;
  auto g = [&](T x) { return x - c1 * log1p_of(x / base) - least; };
  // Upper start: the increment from F1 = 0 (sqrt(2 c1 Ks t) + Ks t bounds it) or the explicit
  // rate times ts, whichever is smaller; doubled until g >= 0 as a safeguard.
  T x = least + sqrt_of(T(2) * c1 * least);
  if (f1 > T(0)) x = min_of(x, least * (T(1) + c1 / f1));
  for (int it = 0; it < 60 && g(x) < T(0); ++it) x *= T(2);
  for (int it = 0; it < 60; ++it) {
    const T dg = (f1 + x) / (base + x);
    if (dg <= T(0)) break;
    const T step = g(x) / dg;
    x -= step;
    if (abs_of(step) <= kNewtonRelTol<T> * x) break;
  }
  return max_of(x, least);
}

/// Infiltrated depth (m) in a step of dt_s with ponded depth (m) and rain rate (m/s) on the cell.
template <class T>
SF_HD inline T infiltrate(GreenAmptState<T>& s, const GreenAmptParams<T>& p, T ponded_depth_m,
                          T rain_rate_m_s, T dt_s) {
  const T depth = max_of(ponded_depth_m, T(0));
  const T available = depth + max_of(rain_rate_m_s, T(0)) * dt_s;
  const T ia = available / dt_s;  // rate at which water is offered (m/s)
  const T lu = green_ampt_upper_zone_depth(p.ks);
  const T fu_max = p.imd_max * lu;
  // SWMM's empirical recovery constants, Ks in in/h: kr = sqrt(Ks)/75 per hour for draining the
  // upper zone, and 4.5/sqrt(Ks) hours of dry weather to end an event.
  const T ks_root = sqrt_of(p.ks * T(3600.0 / 0.0254));
  const T drain_rate = ks_root / T(75.0 * 3600.0);                        // 1/s
  const T event_gap = ks_root > T(0) ? T(4.5 * 3600.0) / ks_root : T(0);  // s
  s.time_to_new_event -= dt_s;

  auto add = [&](T df) {
    s.volume += df;
    s.upper_zone = min_of(s.upper_zone + df, fu_max);
    return df;
  };
  auto ponded_step = [&](T ts) {  // Green-Ampt regime over the last ts seconds of the step
    s.time_to_new_event = event_gap;
    const T c1 = (p.suction + depth) * s.imd;
    T df = green_ampt_ponded_increment(s.volume, c1, p.ks, ts);
    if (df >= available) {  // the supply, not the soil, limits: the surface dries out
      df = available;
      s.saturated = T(0);
    }
    return add(df);
  };

  if (s.saturated > T(0)) return available > T(0) ? ponded_step(dt_s) : T(0);

  if (available <= T(0)) {  // dry: drain the upper zone, restoring the deficit
    if (s.upper_zone <= T(0)) return T(0);
    const T dF = drain_rate * fu_max * dt_s;
    s.volume = max_of(s.volume - dF, T(0));
    s.upper_zone -= dF;
    if (s.upper_zone <= T(0)) {
      s.upper_zone = T(0);
      s.volume = T(0);
      s.imd = p.imd_max;
    } else if (s.time_to_new_event <= T(0) && lu > T(0)) {
      s.imd = (fu_max - s.upper_zone) / lu;
      s.volume = T(0);
    }
    return T(0);
  }
  if (ia <= p.ks) {  // the soil takes everything; a long gap before this starts a new event
    const T df = add(available);
    if (!p.modified && s.time_to_new_event <= T(0) && lu > T(0)) {
      s.imd = (fu_max - s.upper_zone) / lu;
      s.volume = T(0);
    }
    return df;
  }
  s.time_to_new_event = event_gap;
  // Mein-Larson: cumulative infiltration at which the surface ponds under supply rate ia.
  const T fs = p.ks * (p.suction + depth) * s.imd / (ia - p.ks);
  if (s.volume > fs) {
    s.saturated = T(1);
    return ponded_step(dt_s);
  }
  if (s.volume + available < fs) return add(available);
  // Ponding starts within the step: supply-limited until Fs, Green-Ampt for the remainder ts.
  const T ts = max_of(dt_s - (fs - s.volume) / ia, T(0));
  const T c1 = (p.suction + depth) * s.imd;
  const T before = fs - s.volume;
  const T after = min_of(green_ampt_ponded_increment(fs, c1, p.ks, ts), ia * ts);
  s.saturated = T(1);
  return add(min_of(before + after, available));
}

}  // namespace sf::soil
