// A georeferenced raster on a uniform square grid, in the engine's orientation:
// cell (i, j) has index j * nx + i, i grows east, j grows NORTH (row 0 is the southern row).
// Readers of north-up files (GeoTIFF, ESRI ASCII) flip rows when they fill this struct.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sf::mesh {

struct Raster {
  int nx = 0;                       // columns
  int ny = 0;                       // rows
  double dx = 0.0;                  // cell size (m); square cells only
  double x0 = 0.0;                  // x of the western edge of column 0 (m, in the raster's CRS)
  double y0 = 0.0;                  // y of the southern edge of row 0 (m, in the raster's CRS)
  std::vector<double> values;       // nx * ny values; undefined where valid[k] == 0
  std::vector<std::uint8_t> valid;  // 1 = has data, 0 = nodata
  std::string crs_wkt;              // coordinate reference system as WKT; empty when unknown
  std::string source;               // path it was read from (for messages)

  std::size_t size() const { return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny); }
  std::size_t index(int i, int j) const {
    return static_cast<std::size_t>(j) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(i);
  }
  double x_center(int i) const { return x0 + (i + 0.5) * dx; }
  double y_center(int j) const { return y0 + (j + 0.5) * dx; }
};

}  // namespace sf::mesh
