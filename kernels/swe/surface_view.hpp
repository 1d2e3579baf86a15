// Views passed by value into the surface kernels: raw device pointers plus grid sizes.
// Cell (i, j) has index j * nx + i; j = 0 is the southern row.
#pragma once

#include <cstdint>

#include "swe/boundary.hpp"
#include "swe/friction.hpp"

namespace sf::swe {

template <class T>
struct SurfaceView {
  int nx = 0, ny = 0;
  T dx = T(0);                           // cell size (m)
  T g = T(kGravity);                     // gravity (m s^-2)
  T dry_depth = T(0);                    // below this depth (m) velocities are set to zero
  const T* z = nullptr;                  // bed elevation minus a reference level (m)
  const std::uint8_t* active = nullptr;  // 0 = inactive (nodata) cell, acts as a wall
  FrictionLaw friction_law = FrictionLaw::kManning;
  const T* roughness = nullptr;              // friction coefficient per cell (friction.hpp), or
  T roughness_uniform = T(0);                // this one everywhere when roughness == nullptr
  const std::uint8_t* edge_kind[4] = {};     // per edge cell, EdgeKind, indexed by Side
  const std::uint8_t* edge_segment[4] = {};  // per edge cell, segment number
  const T* edge_slope[4] = {};               // per edge cell, energy slope of a free edge (-)
  const T* rain = nullptr;  // rain per cell (m/s); nullptr: StageParams::rain_rate everywhere
};

/// Running event statistics per cell, updated in the last stage of each step; all pointers null
/// when the run does not track them (then they cost no memory traffic).
template <class T>
struct EventStats {
  T* max_speed = nullptr;          // m/s
  T* max_hazard = nullptr;         // h (|u| + 0.5), m^2/s
  T* time_of_max_depth = nullptr;  // s since start; -1 never wet
  T* time_first_wet = nullptr;     // s since start; -1 never wet
  T* duration_flooded = nullptr;   // s above flood_threshold
  T* duration_user = nullptr;      // s above user_threshold
  T wet_threshold = T(0.01);       // m
  T flood_threshold = T(0);        // m, set by the solver from the case
  T user_threshold = T(0.3);       // m
};

template <class T>
struct StateIn {
  const T* h;
  const T* qx;
  const T* qy;
};

template <class T>
struct StateOut {
  T* h;
  T* qx;
  T* qy;
};

template <class T>
struct StageParams {
  T dt = T(0);                    // time step (s)
  T rain_rate = T(0);             // uniform rain intensity (m/s)
  double flux_weight = 1;         // share of this stage in the step's boundary volumes (1 or 1/2)
  SegmentValues<T> segment = {};  // level (m) or unit inflow (m^2/s) per boundary segment
  SegmentValues<T> segment_depth = {};  // given supercritical inflow depth (m), <= 0: none
  T time_end = T(0);  // simulated time at the end of the step (s), for event statistics
};

}  // namespace sf::swe
