// Builds the engine's SurfaceSetup from a checked case: reads the rasters and the rain file.
#pragma once

#include <optional>

#include "config/case_config.hpp"
#include "engine/surface_setup.hpp"

namespace sf::config {

struct GaugeCell {
  std::string name;
  double x = 0, y = 0;
  long long cell = -1;  // index into the grid
  double ground = 0;    // bed elevation of that cell (m)
};

struct LoadedCase {
  SurfaceSetup setup;
  std::vector<GaugeCell> gauges;
};

/// The active cell under the gauge's point ([output] gauges, sensors of the forecast loop), or
/// nothing when the point is off the grid or on an inactive cell.
std::optional<GaugeCell> locate_gauge(const SurfaceSetup& setup, const GaugeConfig& gauge);

/// Throws sf::InputError naming the file/key of any problem (unreadable raster, grids that do not
/// match, negative roughness, sources or gauges outside the active grid, ...).
LoadedCase load_case(const CaseConfig& config);

}  // namespace sf::config
