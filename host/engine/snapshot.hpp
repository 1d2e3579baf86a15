// What the engine hands to writers: plain host arrays in SI units, engine orientation
// (index j * nx + i, j = 0 is the southern row). Writers never see device memory.
#pragma once

#include <string>
#include <vector>

#include "engine/defaults.hpp"

namespace sf {

struct GridGeometry {
  int nx = 0, ny = 0;
  double dx = 0.0;            // m
  double x0 = 0.0, y0 = 0.0;  // south-west corner of cell (0,0) (m)
  std::string crs_wkt;        // may be empty
};

struct SurfaceSnapshot {
  double time_s = 0.0;  // simulated seconds since start
  int index = 0;        // 0, 1, 2 ... output number
  const GridGeometry* grid = nullptr;
  // Each nx*ny; inactive (nodata) cells are flagged by active[k] == 0.
  std::vector<unsigned char> active;
  std::vector<double> bed;        // z, bed elevation (m)
  std::vector<double> depth;      // h (m)
  std::vector<double> level;      // eta = z + h (m)
  std::vector<double> u, v;       // velocity (m/s), zero below the dry-depth threshold
  std::vector<double> speed;      // |u| (m/s)
  std::vector<double> max_depth;  // running maximum of h since the start (m)
  // Event statistics since the start (filled when the run tracks them; empty otherwise).
  // Times are simulated seconds since the start; -1 where the event never happened.
  std::vector<double> max_speed;            // running maximum of |u| (m/s)
  std::vector<double> max_hazard;           // running maximum of h (|u| + 0.5) (m^2/s)
  std::vector<double> time_of_max_depth;    // s
  std::vector<double> time_first_wet;       // s, first time h exceeded the wet threshold
  std::vector<double> duration_flooded;     // s with h above the flood threshold
  std::vector<double> duration_above_user;  // s with h above the user threshold
  double wet_threshold_m = 0.0;             // thresholds behind the fields above
  double flood_threshold_m = kDefaultFloodThreshold;
  double user_threshold_m = 0.0;
};

/// A sink for snapshots (VTK, netCDF...). Implementations must leave every file they already
/// wrote valid if the run stops between two calls.
class SnapshotWriter {
 public:
  virtual ~SnapshotWriter() = default;
  virtual void write(const SurfaceSnapshot& snapshot) = 0;
  virtual void close() {}
};

}  // namespace sf
