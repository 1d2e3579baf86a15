// SCS curve-number losses applied incrementally (SCS NEH-4 ch. 10; SWMM's event bookkeeping,
// Rossman & Huber 2016, Vol. I sec. 4.4): within an event the cumulative runoff is
//   Q(P) = (P - Ia)^2 / (P - Ia + S),  Ia = lambda S,  Q = 0 for P <= Ia,
// so the cumulative loss is F(P) = P - Q(P), and a step infiltrates F(P + r dt) - F(P). Unlike
// SWMM (which sets Ia = 0 and leaves it to depression storage) the initial abstraction is part of
// the loss here, so a single cell reproduces NEH-4's Q(P) exactly. Between storms the retention
// S recovers towards S_max at rate regen * S_max; a dry spell of 0.06/regen ends the event.
#pragma once

#include "core/math.hpp"

namespace sf::soil {

template <class T>
struct CurveNumberParams {
  T s_max;                      // potential maximum retention S = 25.4 (1000/CN - 10) mm, in m
  T initial_abstraction_ratio;  // lambda in Ia = lambda S (-), NEH-4: 0.2
  T regen;                      // regeneration constant (1/s): 1 / drying time
};

template <class T>
struct CurveNumberState {
  T retention;          // S, current retention capacity (m)
  T event_rain = T(0);  // P, rain of the current event (m)
  T event_loss = T(0);  // F, infiltrated in the current event (m)
  T dry_time = T(0);    // time without rain (s)
  T event_retention;    // Se, retention fixed at the start of the event (m)
  T last_rate = T(0);   // potential loss rate of the last wet step (m/s), used on ponded water
};

template <class T>
SF_HD inline CurveNumberState<T> curve_number_initial_state(const CurveNumberParams<T>& p) {
  CurveNumberState<T> s;
  s.retention = p.s_max;
  s.event_retention = p.s_max;
  return s;
}

/// NEH-4 cumulative loss F(P) = P - Q(P) for event rain P and retention S (m).
template <class T>
SF_HD inline T curve_number_cumulative_loss(T rain, T retention, T lambda) {
  const T ia = lambda * retention;
  if (rain <= ia) return rain;
  const T excess = rain - ia;
  return rain - excess * excess / (excess + retention);
}

/// Infiltrated depth (m) in a step of dt_s with ponded depth (m) and rain rate (m/s) on the cell.
template <class T>
SF_HD inline T infiltrate(CurveNumberState<T>& s, const CurveNumberParams<T>& p, T ponded_depth_m,
                          T rain_rate_m_s, T dt_s) {
  const T depth = max_of(ponded_depth_m, T(0));
  const T rain = max_of(rain_rate_m_s, T(0)) * dt_s;
  const T available = depth + rain;
  T potential = T(0);
  if (rain > T(0)) {
    const T event_gap = p.regen > T(0) ? T(0.06) / p.regen : T(0);
    if (s.dry_time >= event_gap) {  // a new event: restart the NEH-4 curve from today's S
      s.event_rain = T(0);
      s.event_loss = T(0);
      s.last_rate = T(0);
      s.event_retention = s.retention;
    }
    s.dry_time = T(0);
    const T lambda = p.initial_abstraction_ratio;
    const T before = curve_number_cumulative_loss(s.event_rain, s.event_retention, lambda);
    s.event_rain += rain;
    const T after = curve_number_cumulative_loss(s.event_rain, s.event_retention, lambda);
    potential = max_of(after - before, T(0));
    s.last_rate = potential / dt_s;
  } else if (depth > T(0) && s.retention > T(0)) {
    potential = min_of(s.last_rate * dt_s, s.retention);  // ponded water keeps soaking in
  } else {
    s.dry_time += dt_s;
  }
  const T f = min_of(potential, available);
  if (f > T(0)) {
    s.event_loss += f;
    s.retention = max_of(s.retention - f, T(0));
  } else {
    s.retention = min_of(s.retention + p.regen * p.s_max * dt_s, p.s_max);
  }
  return f;
}

}  // namespace sf::soil
