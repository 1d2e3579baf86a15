#include "io/netcdf/results_point_series.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/input_error.hpp"
#include "io/netcdf/netcdf_file.hpp"

namespace sf::io {

PointSeries read_results_depth_at(const std::string& path, const std::vector<long long>& cells) {
  nc::File f(path, "");
  auto require = [&](const char* name) {
    const int id = f.find_variable(name);
    if (id < 0)
      throw InputError(
          InputIssue{path, 0, "", name, "variable is missing; expected a spongeflow results file"});
    return id;
  };
  PointSeries s;
  s.times_s = f.read_all(require("time"));
  const std::size_t nx = f.read_all(require("x")).size();
  const int depth = require("depth");
  if (f.dimensions(depth).size() != 3)
    throw InputError(InputIssue{path, 0, "", "depth", "is not a (time, y, x) field"});
  const std::vector<double> fill = f.number_attribute(depth, "_FillValue");
  const std::size_t nt = s.times_s.size();
  for (long long cell : cells) {
    std::vector<double> v;
    if (nt > 0) {
      f.read_slab(depth, {0, std::size_t(cell) / nx, std::size_t(cell) % nx}, {nt, 1, 1}, v);
      for (double& x : v)
        if ((!fill.empty() && x == fill[0]) || !(std::fabs(x) < 1e30))
          x = std::numeric_limits<double>::quiet_NaN();
    }
    s.depth.push_back(std::move(v));
  }
  return s;
}

double interpolate_in_time(const std::vector<double>& times, const std::vector<double>& values,
                           double t) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (times.empty() || t < times.front() || t > times.back()) return nan;
  const auto hi = std::lower_bound(times.begin(), times.end(), t);
  const std::size_t k = std::size_t(hi - times.begin());
  if (times[k] == t) return values[k];
  const double w = (t - times[k - 1]) / (times[k] - times[k - 1]);
  return values[k - 1] + w * (values[k] - values[k - 1]);
}

}  // namespace sf::io
