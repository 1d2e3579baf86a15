// Geometry of the simulation grid that rain inputs are mapped onto: the sf::mesh::Raster layout
// without the values (engine orientation: cell (i, j) has index j * nx + i, row 0 is the SOUTH
// row).
#pragma once

#include <cstddef>
#include <string>

namespace sf::rain {

struct GridGeometry {
  int nx = 0;           // columns
  int ny = 0;           // rows
  double dx = 0.0;      // square cell size (m, in the CRS below)
  double x0 = 0.0;      // x of the western edge of column 0 (m)
  double y0 = 0.0;      // y of the southern edge of row 0 (m)
  std::string crs_wkt;  // CRS of x0/y0/dx as WKT; empty = "same CRS as the rain input"

  std::size_t size() const { return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny); }
  double x_center(int i) const { return x0 + (i + 0.5) * dx; }
  double y_center(int j) const { return y0 + (j + 0.5) * dx; }

  /// Works for sf::mesh::Raster or any struct with the same members.
  template <class RasterLike>
  static GridGeometry of(const RasterLike& r) {
    return GridGeometry{r.nx, r.ny, r.dx, r.x0, r.y0, r.crs_wkt};
  }
};

}  // namespace sf::rain
