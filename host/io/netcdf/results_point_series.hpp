// The water depth of a results.nc (docs/results-netcdf.md) at a few cells through time: what
// the model says at a sensor's cell, read back from the run's own output.
#pragma once

#include <string>
#include <vector>

namespace sf::io {

struct PointSeries {
  std::vector<double> times_s;             // the file's output times (s since the run's start)
  std::vector<std::vector<double>> depth;  // per asked cell, one depth per time (NaN: no data)
};

/// Depths at the cells (k = row * nx + column, rows from the south as in the file). Throws
/// sf::InputError naming the file and variable when it is not a spongeflow results file.
PointSeries read_results_depth_at(const std::string& path, const std::vector<long long>& cells);

/// Linear interpolation of a series in time; NaN outside [times.front(), times.back()].
double interpolate_in_time(const std::vector<double>& times, const std::vector<double>& values,
                           double t);

}  // namespace sf::io
