// Domain-edge boundary conditions. Each edge cell carries a kind and a segment number; time-varying
// segment values are passed by value with every step.
//
// Open edges are characteristic boundaries: in the edge's outward frame (w = outward normal
// velocity, c = sqrt(g h)) the interior carries the outgoing Riemann invariant R = w + 2c to the
// edge whenever w > -c. A subcritical edge needs one condition from outside, a supercritical inflow
// two, a supercritical outflow none. The boundary state (h_b, w_b) is found from R and that
// condition, and the edge flux is the physical flux of the boundary state (Toro 2001, Shock-
// Capturing Methods for Free-Surface Shallow Flows, sec. 12.3; Bristeau & Coussin 2001, INRIA
// RR-4282). The conditions are documented in docs/theory/surface.md, section 8.
#pragma once

#include <cstdint>

#include "core/math.hpp"
#include "swe/face_state.hpp"
#include "swe/friction.hpp"

namespace sf::swe {

enum class EdgeKind : std::uint8_t {
  kWall = 0,      // closed, reflective
  kFree = 1,      // open: uniform (normal-depth) flow on the edge's energy slope; never inflow
  kCritical = 2,  // open: critical flow from the outgoing invariant (a free overfall)
  kLevel = 3,     // open: water level outside (m), value = level
  kInflow = 4,    // inflow: value = unit discharge into the domain (m^2/s)
};

enum Side : int { kWest = 0, kEast = 1, kSouth = 2, kNorth = 3 };

constexpr int kMaxBoundarySegments = 32;

template <class T>
struct SegmentValues {
  T value[kMaxBoundarySegments];
};

/// The state just outside an open edge, in the outward frame: depth h (m), outward velocity w
/// (m/s, < 0 for inflow), and whether the tangential velocity comes from the interior (outflow).
template <class T>
struct EdgeState {
  T h;
  T w;
};

/// Critical flow fed by the outgoing invariant R: w = c = R/3.
template <class T>
SF_HD inline EdgeState<T> critical_from_invariant(T r, T g) {
  if (r <= T(0)) return {T(0), T(0)};
  const T c = r / T(3);
  return {c * c / g, c};
}

/// Free edge: uniform flow on energy slope s (w = U(h) of the friction law) meeting the invariant,
/// U(h) + 2 sqrt(g h) = R, or critical flow where that uniform flow would be supercritical or the
/// law gives no resistance. Monotone in h: bisection on [0, R^2 / (4g)] (a few dozen iterations,
/// edge cells only).
template <class T>
SF_HD inline EdgeState<T> normal_depth_state(T r, T slope, FrictionLaw law, T coefficient, T g) {
  if (r <= T(0)) return {T(0), T(0)};
  const EdgeState<T> crit = critical_from_invariant(r, g);
  // Uniform flow at the critical depth: if it is at least critical, the slope is steep and the
  // edge is a control section at critical depth.
  const T u_crit = uniform_flow_velocity(law, coefficient, crit.h, slope, g);
  if (u_crit < T(0) || u_crit >= crit.w) return crit;
  T lo = crit.h, hi = r * r / (T(4) * g);  // F(lo) < 0 <= F(hi)
  for (int it = 0; it < 60 && hi - lo > T(1e-7) * hi; ++it) {
    const T mid = T(0.5) * (lo + hi);
    const T f =
        uniform_flow_velocity(law, coefficient, mid, slope, g) + T(2) * sqrt_of(g * mid) - r;
    (f < T(0) ? lo : hi) = mid;
  }
  const T h = T(0.5) * (lo + hi);
  return {h, uniform_flow_velocity(law, coefficient, h, slope, g)};
}

/// Level edge: the outside level gives the depth h_out over the edge bed. Subcritical exchange
/// takes h_b = h_out and w_b from the invariant. Where that would be a supercritical inflow, the
/// outside reservoir feeds the edge at critical depth 2/3 h_out (broad-crested weir); where the
/// outside is dry the edge is a free overfall.
template <class T>
SF_HD inline EdgeState<T> level_state(T r, T h_out, T g, T dry_depth) {
  if (h_out <= dry_depth) return critical_from_invariant(r, g);
  const T c_out = sqrt_of(g * h_out);
  const T w = r - T(2) * c_out;
  if (w > c_out) return critical_from_invariant(r, g);  // the level is below the overfall depth
  if (w >= -c_out) return {h_out, w};
  const T hc = h_out * (T(2) / T(3));
  return {hc, -sqrt_of(g * hc)};
}

/// Inflow edge with unit discharge q > 0 into the domain: subcritical inflow solves
/// -q/h + 2 sqrt(g h) = R (monotone in h); a supercritical one takes the given depth, or the
/// critical depth of q when none is given (given_depth <= 0). q <= 0 is handled as a wall by the
/// caller.
template <class T>
SF_HD inline EdgeState<T> inflow_state(T r, T q, T given_depth, T g) {
  const T hc = cbrt_of(q * q / g);
  T lo = T(0), hi = max_of(hc, r * r / (T(4) * g));
  while (-q / hi + T(2) * sqrt_of(g * hi) - r < T(0)) hi *= T(2);
  for (int it = 0; it < 60 && hi - lo > T(1e-7) * hi; ++it) {
    const T mid = T(0.5) * (lo + hi);
    (-q / mid + T(2) * sqrt_of(g * mid) - r < T(0) ? lo : hi) = mid;
  }
  const T h = T(0.5) * (lo + hi);
  if (h >= hc) return {h, -q / h};  // q/h <= sqrt(g h): subcritical
  const T hs = given_depth > T(0) ? given_depth : hc;
  return {hs, -q / hs};
}

/// Boundary state of an open edge from the interior state `own` (axis frame) and the edge's data.
/// `outward` is +1 on east/north edges and -1 on west/south edges; `value` the segment value
/// (level relative to the bed reference, or unit inflow); `depth` the given supercritical inflow
/// depth (<= 0: none); `slope` the free edge's energy slope.
template <class T>
SF_HD inline EdgeState<T> edge_state(EdgeKind kind, const FaceSide<T>& own, T outward, T value,
                                     T depth, T slope, FrictionLaw law, T coefficient, T g,
                                     T dry_depth) {
  const T w = outward * own.un;
  const T c = sqrt_of(g * own.h);
  const T r = w + T(2) * c;
  if (kind == EdgeKind::kInflow) return inflow_state(max_of(r, T(0)), value, depth, g);
  if (own.h > dry_depth && w >= c) return {own.h, w};  // supercritical outflow: fully transmissive
  switch (kind) {
    case EdgeKind::kFree:
      return normal_depth_state(r, slope, law, coefficient, g);
    case EdgeKind::kCritical:
      return critical_from_invariant(r, g);
    case EdgeKind::kLevel:
      return level_state(r, value - own.z, g, dry_depth);
    default:
      return {T(0), T(0)};
  }
}

/// Flux of the boundary state across the edge, in the axis frame (positive along +axis). Outflow
/// carries the interior's tangential velocity, inflow none.
template <class T>
SF_HD inline FaceFlux<T> edge_flux(const EdgeState<T>& b, const FaceSide<T>& own, T outward, T g) {
  const T q_out = b.h * b.w;
  FaceFlux<T> f;
  f.mass = outward * q_out;
  f.mom_n = q_out * b.w + hydrostatic_pressure(b.h, g);
  f.mom_t = q_out > T(0) ? f.mass * own.ut : T(0);
  return f;
}

}  // namespace sf::swe
