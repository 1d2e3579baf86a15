// Reads the event maps of a spongeflow results.nc (docs/results-netcdf.md) back into
// assess::EventMaps for post-processing (waterlogging spots, risk maps, forecasts).
#pragma once

#include <string>

#include "assess/waterlogging_spots.hpp"

namespace sf::io {

/// Which of the run's duration maps goes with the spot threshold.
enum class DurationMap { kFloodThreshold, kUserThreshold };

struct ResultsEventMaps {
  assess::EventMaps maps;    // mask = active cells (max_depth not a fill value)
  double threshold_m = 0.0;  // the threshold of the chosen duration map
  double flood_threshold_m = 0.0, user_threshold_m = -1.0;  // -1: the file has no user map
  std::string crs_wkt;                                      // empty without a crs variable
  double end_time_s = 0.0;                                  // last time in the file
};

/// Throws sf::InputError naming the file and the variable when the file is not a spongeflow
/// results file, lacks a map, or the chosen duration map is absent.
ResultsEventMaps read_results_event_maps(const std::string& path, DurationMap which);

}  // namespace sf::io
