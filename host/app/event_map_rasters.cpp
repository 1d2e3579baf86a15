#include "app/event_map_rasters.hpp"

#include <algorithm>
#include <cmath>

#include "common/input_error.hpp"
#include "meshes/raster_gdal.hpp"

namespace sf::app {

std::vector<unsigned char> road_mask(const std::string& land_use,
                                     const std::vector<int>& road_classes,
                                     const assess::EventMaps& m) {
  const mesh::Raster lu = mesh::read_raster(land_use);
  const double tol = 1e-6 * m.dx;
  if (lu.nx != m.nx || lu.ny != m.ny || std::fabs(lu.dx - m.dx) > tol ||
      std::fabs(lu.x0 - m.x0) > tol || std::fabs(lu.y0 - m.y0) > tol)
    throw InputError(InputIssue{land_use, 0, "--land-use", "",
                                "grid " + std::to_string(lu.nx) + " x " + std::to_string(lu.ny) +
                                    " cells of " + std::to_string(lu.dx) +
                                    " m does not match the results grid " + std::to_string(m.nx) +
                                    " x " + std::to_string(m.ny) + " of " + std::to_string(m.dx) +
                                    " m; expected the land-use raster of the case"});
  std::vector<unsigned char> mask(m.mask);
  if (mask.empty()) mask.assign(std::size_t(m.nx) * std::size_t(m.ny), 1);
  for (std::size_t k = 0; k < mask.size(); ++k) {
    const bool road =
        lu.valid[k] && std::find(road_classes.begin(), road_classes.end(),
                                 static_cast<int>(std::lround(lu.values[k]))) != road_classes.end();
    mask[k] = mask[k] && road;
  }
  return mask;
}

mesh::Raster results_grid_raster(const assess::EventMaps& m, const std::string& crs) {
  mesh::Raster r;
  r.nx = m.nx;
  r.ny = m.ny;
  r.dx = m.dx;
  r.x0 = m.x0;
  r.y0 = m.y0;
  r.crs_wkt = crs;
  return r;
}

}  // namespace sf::app
