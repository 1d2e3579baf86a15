// Rasters on the grid of a run's event maps (results.nc), shared by `spongeflow waterlogging`
// and `spongeflow forecast`: the road mask from a land-use raster and empty rasters to fill.
#pragma once

#include <string>
#include <vector>

#include "assess/waterlogging_spots.hpp"
#include "meshes/raster.hpp"

namespace sf::app {

/// The maps' mask restricted to road cells: cells whose land-use value (from `land_use`, a
/// raster on the results grid) is one of `road_classes`. Throws sf::InputError naming the file
/// when its grid is another.
std::vector<unsigned char> road_mask(const std::string& land_use,
                                     const std::vector<int>& road_classes,
                                     const assess::EventMaps& maps);

/// An empty raster on the results grid.
mesh::Raster results_grid_raster(const assess::EventMaps& maps, const std::string& crs_wkt);

}  // namespace sf::app
