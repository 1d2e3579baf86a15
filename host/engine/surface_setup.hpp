// A surface case as the engine sees it: grid arrays, boundaries, sources, rain and numerics, all in
// SI units and free of any file format. host/config builds it from a case file; tests build it in
// code.
#pragma once

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/rain_field.hpp"
#include "sponge/soil_model.hpp"

#include "core/physical_constants.hpp"
#include "engine/snapshot.hpp"
#include "engine/time_series.hpp"
#include "swe/boundary.hpp"
#include "swe/friction.hpp"
#include "engine/defaults.hpp"

namespace sf {

struct BoundarySegmentSpec {
  std::string name;
  swe::EdgeKind kind = swe::EdgeKind::kWall;
  swe::Side side = swe::kWest;
  // Coordinate range along the edge (y for west/east, x for south/north), in the grid's CRS (m).
  double from = -std::numeric_limits<double>::infinity();
  double to = std::numeric_limits<double>::infinity();
  TimeSeries series;  // kLevel: water level (m); kInflow: discharge (m^3/s); else unused
  // kInflow: depth (m) of a supercritical inflow; empty = the critical depth of the discharge.
  TimeSeries inflow_depth;
  // kFree: energy slope (-) of the uniform flow leaving the edge; NaN = the local bed slope
  // (over the last few cells towards the edge), never below min_slope.
  double slope = std::numeric_limits<double>::quiet_NaN();
  double min_slope = 1e-3;
};

struct SourceSpec {
  std::string name;
  double x = 0.0, y = 0.0;  // centre (m, grid CRS)
  double radius = 0.0;      // 0 = the cell containing (x, y); else all cells with centre within
  TimeSeries discharge;     // m^3/s, negative = sink
};

struct NumericsSpec {
  int order = 1;              // 1 = first order; 2 = MUSCL-minmod + Heun
  double cfl = 0.5;           // Courant number, 0 < cfl <= 0.5 (the positivity bound)
  double max_dt = 10.0;       // s
  double dry_depth = 1e-6;    // m; velocities are zero below it (raised in fp32, see Simulation)
  double gravity = kGravity;  // m s^-2
};

struct SurfaceSetup {
  std::string name;
  GridGeometry grid;
  std::vector<double> z;              // bed elevation (m)
  std::vector<unsigned char> active;  // 0 = nodata (wall)
  swe::FrictionLaw friction_law = swe::FrictionLaw::kManning;
  std::vector<double> roughness;                // friction coefficient per cell; empty = uniform
  double roughness_uniform = 0.03;              // unit of the law (Manning n: s m^-1/3)
  std::vector<double> h0;                       // initial depth (m); empty = dry
  std::vector<double> qx0, qy0;                 // initial unit discharges (m^2/s); empty = at rest
  std::vector<BoundarySegmentSpec> boundaries;  // edges not covered are walls
  std::vector<SourceSpec> sources;
  TimeSeries rain;                              // uniform rain intensity (m/s)
  std::shared_ptr<RainFieldSource> rain_field;  // spatial rain; replaces `rain` when set
  struct Soil {
    soil::SoilModel model;
    std::vector<std::uint8_t> cell_class;  // index into model.classes, per cell
    double evaporation_rate = 0.0;         // m/s, from LID measures
  };
  std::optional<Soil> soil;  // absent: sealed surface, no infiltration
  NumericsSpec numerics;
  double start_time = 0.0;        // s
  double duration = 0.0;          // s
  double output_interval = 0.0;   // s; 0 = only the initial and final states
  double flood_threshold = kDefaultFloodThreshold;  // m, depth counted as flooded
  bool track_event_stats = true;  // max speed/hazard, times and durations per cell
  double wet_threshold = 0.01;    // m, "wet" for the time of first wetting
  double user_threshold = kDefaultUserThreshold;  // m, second duration threshold
};

}  // namespace sf
