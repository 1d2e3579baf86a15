// Domain-edge boundary conditions as ghost states or imposed fluxes. Each edge cell carries a kind
// and a segment number; time-varying segment values are passed by value with every step.
#pragma once

#include <cstdint>

#include "core/math.hpp"
#include "swe/face_state.hpp"

namespace sf::swe {

enum class EdgeKind : std::uint8_t {
  kWall = 0,          // closed, reflective
  kTransmissive = 1,  // free outflow, zero gradient; a wall for water moving inwards
  kCritical = 2,      // free outflow at critical depth for the local specific energy
  kLevel = 3,         // fixed water level (m), value = level
  kInflow = 4,        // inflow hydrograph, value = unit discharge into the domain (m^2/s)
};

enum Side : int { kWest = 0, kEast = 1, kSouth = 2, kNorth = 3 };

constexpr int kMaxBoundarySegments = 32;

template <class T>
struct SegmentValues {
  T value[kMaxBoundarySegments];
};

/// Ghost state beyond an edge for the non-flux kinds. `own` is the interior face state in the
/// axis frame; `outward` is +1 on east/north edges and -1 on west/south edges.
template <class T>
SF_HD inline FaceSide<T> edge_ghost(EdgeKind kind, const FaceSide<T>& own, T outward, T value, T g,
                                    T dry_depth) {
  FaceSide<T> ghost = own;
  switch (kind) {
    case EdgeKind::kWall:
      ghost.un = -own.un;
      break;
    case EdgeKind::kTransmissive:
      break;
    case EdgeKind::kCritical: {
      const T u_out = max_of(T(0), outward * own.un);
      const T energy = own.h + u_out * u_out / (T(2) * g);
      const T hc = energy * (T(2) / T(3));
      if (hc <= dry_depth) {
        ghost.un = -own.un;
      } else {
        ghost.h = hc;
        ghost.un = outward * sqrt_of(g * hc);
      }
      break;
    }
    case EdgeKind::kLevel:
      ghost.h = max_of(T(0), value - own.z);
      break;
    case EdgeKind::kInflow:
      break;  // handled as an imposed flux, see inflow_edge_flux
  }
  return ghost;
}

/// Imposed flux of an inflow edge: the mass flux is exactly q (m^2/s) into the domain; the
/// momentum flux uses the larger of the interior depth and the critical depth of q.
template <class T>
SF_HD inline FaceFlux<T> inflow_edge_flux(const FaceSide<T>& own, T outward, T q_in, T g) {
  const T hc = cbrt_of(q_in * q_in / g);
  const T hb = max_of(own.h, hc);
  const T u_in = hb > T(0) ? q_in / hb : T(0);
  FaceFlux<T> f;
  f.mass = -outward * q_in;
  f.mom_n = hb * u_in * u_in + hydrostatic_pressure(hb, g);
  f.mom_t = T(0);
  return f;
}

}  // namespace sf::swe
