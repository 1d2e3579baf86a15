#include "results_event_maps.hpp"

#include <cmath>
#include <limits>

#include "common/input_error.hpp"
#include "netcdf_file.hpp"

namespace sf::io {
namespace {

const char* kSection = "";  // the file is not a case file: "<file>: <variable>: ..."

[[noreturn]] void fail(const std::string& path, const std::string& variable,
                       const std::string& message) {
  throw InputError(InputIssue{path, 0, kSection, variable, message});
}

int require(const nc::File& f, const std::string& name, const std::string& why) {
  const int id = f.find_variable(name);
  if (id < 0)
    fail(f.path(), name, "variable is missing; expected a spongeflow results file (" + why + ")");
  return id;
}

/// A (y, x) map with fill values (and values beyond 1e30) as NaN.
std::vector<double> read_map(const nc::File& f, const std::string& name, std::size_t n) {
  const int id = require(f, name, "a (y, x) map");
  if (f.dimensions(id).size() != 2) fail(f.path(), name, "is not a (y, x) map");
  std::vector<double> v = f.read_all(id);
  if (v.size() != n)
    fail(f.path(), name,
         "has " + std::to_string(v.size()) + " values; expected " + std::to_string(n));
  const std::vector<double> fill = f.number_attribute(id, "_FillValue");
  for (double& x : v)
    if ((!fill.empty() && x == fill[0]) || !(std::fabs(x) < 1e30))
      x = std::numeric_limits<double>::quiet_NaN();
  return v;
}

double scalar(const nc::File& f, const std::string& name) {
  const std::vector<double> v = f.read_all(require(f, name, "the threshold of a map"));
  if (v.size() != 1) fail(f.path(), name, "is not a scalar");
  return v[0];
}

}  // namespace

ResultsEventMaps read_results_event_maps(const std::string& path, DurationMap which) {
  nc::File f(path, kSection);
  ResultsEventMaps r;
  const std::vector<double> x = f.read_all(require(f, "x", "cell-centre x coordinates"));
  const std::vector<double> y = f.read_all(require(f, "y", "cell-centre y coordinates"));
  if (x.size() < 2 || y.size() < 2) fail(path, "x", "the grid has fewer than 2 x 2 cells");
  assess::EventMaps& m = r.maps;
  m.nx = static_cast<int>(x.size());
  m.ny = static_cast<int>(y.size());
  m.dx = x[1] - x[0];
  if (!(m.dx > 0.0) || std::fabs((y[1] - y[0]) - m.dx) > 1e-9 * m.dx)
    fail(path, "y",
         "cells are not square with x and y increasing; expected the layout of "
         "docs/results-netcdf.md");
  m.x0 = x[0] - 0.5 * m.dx;
  m.y0 = y[0] - 0.5 * m.dx;
  const std::size_t n = x.size() * y.size();
  m.max_depth = read_map(f, "max_depth", n);
  m.time_of_max_depth = read_map(f, "time_of_max_depth", n);
  if (f.find_variable("max_hazard") >= 0) m.max_hazard = read_map(f, "max_hazard", n);
  r.flood_threshold_m = scalar(f, "flood_threshold");
  if (f.find_variable("user_threshold") >= 0 &&
      f.find_variable("duration_above_user_threshold") >= 0)
    r.user_threshold_m = scalar(f, "user_threshold");
  if (which == DurationMap::kFloodThreshold) {
    m.duration_above = read_map(f, "duration_above_flood_threshold", n);
    r.threshold_m = r.flood_threshold_m;
  } else {
    if (r.user_threshold_m < 0.0)
      fail(path, "duration_above_user_threshold",
           "the run tracked no user threshold; set user_threshold in the case file, or use "
           "the flood threshold (" +
               std::to_string(r.flood_threshold_m) + " m)");
    m.duration_above = read_map(f, "duration_above_user_threshold", n);
    r.threshold_m = r.user_threshold_m;
  }
  m.mask.assign(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    m.mask[k] = std::isfinite(m.max_depth[k]) ? 1 : 0;
    if (!std::isfinite(m.time_of_max_depth[k])) m.time_of_max_depth[k] = -1.0;
    if (!std::isfinite(m.duration_above[k])) m.duration_above[k] = 0.0;
    if (!m.max_hazard.empty() && !std::isfinite(m.max_hazard[k])) m.max_hazard[k] = 0.0;
    if (!m.mask[k]) m.max_depth[k] = 0.0;
  }
  const int crs = f.find_variable("crs");
  if (crs >= 0) r.crs_wkt = f.text_attribute(crs, "crs_wkt").value_or("");
  const int t = f.find_variable("time");
  if (t >= 0) {
    const std::vector<double> times = f.read_all(t);
    if (!times.empty()) r.end_time_s = times.back();
  }
  return r;
}

}  // namespace sf::io
