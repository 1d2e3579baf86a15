#include "io/netcdf/cf_source_grid.hpp"

#include <ogr_spatialref.h>

#include <cmath>

#include "common/input_error.hpp"
#include "io/netcdf/cf_grid_mapping.hpp"
#include "io/netcdf/netcdf_file.hpp"
#include "io/netcdf/rain_units.hpp"

namespace sf::io {
namespace {

enum class Axis { kX, kY, kUnknown };

Axis axis_of(const nc::File& f, int varid) {
  const std::string axis = f.text_attribute(varid, "axis").value_or("");
  const std::string sn = f.text_attribute(varid, "standard_name").value_or("");
  const std::string units = f.text_attribute(varid, "units").value_or("");
  if (axis == "X" || sn == "projection_x_coordinate" || sn == "longitude" ||
      sn == "grid_longitude" || units.rfind("degrees_east", 0) == 0 || units == "degree_east")
    return Axis::kX;
  if (axis == "Y" || sn == "projection_y_coordinate" || sn == "latitude" || sn == "grid_latitude" ||
      units.rfind("degrees_north", 0) == 0 || units == "degree_north")
    return Axis::kY;
  return Axis::kUnknown;
}

bool is_degrees(const std::string& units) {
  return units.rfind("degree", 0) == 0;
}

std::vector<double> edges_of(const nc::File& f, int coord, const std::string& name,
                             const std::string& variable, double scale) {
  const std::vector<double> centres = f.read_all(coord);
  const std::size_t n = centres.size();
  const auto fail = [&](const std::string& m) {
    return InputError(InputIssue{f.path(), 0, "[rain]", variable, "coordinate " + name + ": " + m});
  };
  for (std::size_t k = 1; k < n; ++k)
    if ((centres[k] - centres[k - 1]) * (centres[1] - centres[0]) <= 0.0)
      throw fail("values are not strictly monotonic (index " + std::to_string(k) +
                 "); expected a regular 1D axis");
  std::vector<double> edges(n + 1);
  if (const auto bounds_name = f.text_attribute(coord, "bounds")) {
    const int bid = f.find_variable(*bounds_name);
    if (bid >= 0) {
      const std::vector<double> b = f.read_all(bid);
      if (b.size() != 2 * n) throw fail("bounds " + *bounds_name + " are not (" + name + ", 2)");
      for (std::size_t k = 0; k < n; ++k) edges[k] = b[2 * k] * scale;
      edges[n] = b[2 * (n - 1) + 1] * scale;
      return edges;
    }
  }
  if (n < 2) throw fail("a single value and no bounds; the cell size is unknown");
  for (std::size_t k = 1; k < n; ++k) edges[k] = 0.5 * (centres[k - 1] + centres[k]) * scale;
  edges[0] = (1.5 * centres[0] - 0.5 * centres[1]) * scale;
  edges[n] = (1.5 * centres[n - 1] - 0.5 * centres[n - 2]) * scale;
  return edges;
}

}  // namespace

bool SourceGrid::same_as(const SourceGrid& o) const {
  if (nx != o.nx || ny != o.ny || geographic != o.geographic) return false;
  const double tol = 1e-6 * std::abs(x_edges[1] - x_edges[0]);
  for (std::size_t k = 0; k <= nx; ++k)
    if (std::abs(x_edges[k] - o.x_edges[k]) > tol) return false;
  for (std::size_t k = 0; k <= ny; ++k)
    if (std::abs(y_edges[k] - o.y_edges[k]) > tol) return false;
  return true;
}

SourceGrid read_source_grid(const nc::File& f, int varid, const std::string& variable,
                            const UnitSystem& units) {
  const auto fail = [&](const std::string& m) {
    return InputError(InputIssue{f.path(), 0, "[rain]", variable, m});
  };
  const std::vector<int> dims = f.dimensions(varid);
  if (dims.size() < 2) throw fail("has fewer than 2 dimensions; expected (time, y, x) or (y, x)");
  SourceGrid g;
  g.y_name = f.dimension_name(dims[dims.size() - 2]);
  g.x_name = f.dimension_name(dims.back());
  const int ycoord = f.find_variable(g.y_name), xcoord = f.find_variable(g.x_name);
  if (xcoord < 0 || ycoord < 0)
    throw fail("dimension " + (xcoord < 0 ? g.x_name : g.y_name) +
               " has no coordinate variable; expected 1D x/y (or lon/lat) coordinates");
  if (axis_of(f, xcoord) == Axis::kY && axis_of(f, ycoord) == Axis::kX)
    throw fail("dimensions are (..., x, y); expected (..., y, x), the CF order");
  const std::string xu = f.text_attribute(xcoord, "units").value_or("");
  const std::string yu = f.text_attribute(ycoord, "units").value_or("");
  g.geographic = is_degrees(xu) && is_degrees(yu);
  const double xs = g.geographic ? 1.0 : units.length_to_metres(xu, f.path(), g.x_name);
  const double ys = g.geographic ? 1.0 : units.length_to_metres(yu, f.path(), g.y_name);
  g.x_edges = edges_of(f, xcoord, g.x_name, variable, xs);
  g.y_edges = edges_of(f, ycoord, g.y_name, variable, ys);
  g.nx = g.x_edges.size() - 1;
  g.ny = g.y_edges.size() - 1;

  if (const auto mapping = f.text_attribute(varid, "grid_mapping")) {
    // CF 1.7 extended form "proj: x y" names the mapping first; take the first word.
    std::string name = mapping->substr(0, mapping->find_first_of(": "));
    g.crs_wkt = crs_wkt_from_grid_mapping(f, variable, name, xs);
  } else if (g.geographic) {
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    char* text = nullptr;
    wgs84.exportToWkt(&text);
    g.crs_wkt = text ? text : "";
    CPLFree(text);
  }
  if (g.geographic != crs_is_geographic(g.crs_wkt) && !g.crs_wkt.empty())
    throw fail("coordinates are " + std::string(g.geographic ? "degrees" : "lengths") +
               " but the grid mapping is " + (g.geographic ? "projected" : "geographic"));
  return g;
}

}  // namespace sf::io
