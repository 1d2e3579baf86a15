// Saves the demo catchment as GeoTIFFs (the `spongeflow make-demo OUTDIR` command calls this).
#pragma once

#include <string>
#include <vector>

#include "demo/demo_dem.hpp"

namespace sf::mesh {

/// Writes dem.tif, ground.tif, buildings.tif, manning.tif, land_use.tif and a README.txt that
/// describes them into `out_dir` (created when missing). Returns the paths written.
/// Throws std::runtime_error when a file cannot be written.
std::vector<std::string> write_demo_catchment(const DemoCatchment& catchment,
                                              const std::string& out_dir);

}  // namespace sf::mesh
