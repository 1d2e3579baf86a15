// The maximum-depth field of a coupled capacity run (docs/capacity.md, "Coupled mode"): taken
// from the surface at the run's last step and written as an ESRI ASCII grid that GIS software and
// the report (viz/capacity_report.py, numpy only) read alike.
#pragma once

#include <string>
#include <vector>

#include "engine/snapshot.hpp"

namespace sf {
class Simulation;
}

namespace sf::app {

struct MaxDepthField {
  GridGeometry grid;
  std::vector<unsigned char> active;  // 0 = nodata
  std::vector<double> hmax;           // m, nx * ny, row 0 = south
  bool empty() const { return hmax.empty(); }
};

/// The surface's maximum depth so far (read back from the solver).
MaxDepthField take_max_depth(Simulation& sim);

/// Writes `path` (ESRI ASCII grid: north row first, inactive cells -9999, depths to 0.1 mm) and,
/// when the grid's CRS is known, its WKT in a .prj beside it. Both appear complete or not at all.
void write_max_depth_ascii(const std::string& path, const MaxDepthField& field);

}  // namespace sf::app
