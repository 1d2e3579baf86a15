#include "config/case_loader.hpp"

#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>

#include "common/input_error.hpp"
#include "config/friction_laws.hpp"
#include "engine/surface_layout.hpp"
#include "io/hyetograph_csv.hpp"
#include "io/netcdf/netcdf_rain_field.hpp"
#include "meshes/raster_gdal.hpp"
#include "rain/chicago_hyetograph.hpp"
#include "rain/gauge_rain_field.hpp"

namespace sf::config {
namespace {

/// Every active cell of `r` (the raster of [surface] `key`) must hold a value that `accept`s; the
/// first that does not is named.
template <class Accept>
void check_values(const mesh::Raster& r, const std::vector<unsigned char>& active, Accept accept,
                  const std::string& key, const std::string& expected) {
  for (int j = 0; j < r.ny; ++j)
    for (int i = 0; i < r.nx; ++i) {
      const std::size_t k = r.index(i, j);
      if (!active[k]) continue;
      if (!r.valid[k] || !accept(r.values[k]))
        throw InputError(
            InputIssue{r.source, 0, "[surface]", key,
                       "cell (column " + std::to_string(i) + ", row from north " +
                           std::to_string(r.ny - 1 - j) + ") has " +
                           (r.valid[k] ? "value " + std::to_string(r.values[k]) : "no data") +
                           "; expected " + expected});
    }
}

void check_values(const mesh::Raster& r, const std::vector<unsigned char>& active, double lo,
                  const std::string& key, const std::string& expected) {
  check_values(
      r, active, [lo](double v) { return v >= lo; }, key, expected);
}

TimeSeries design_storm_series(const DesignStormConfig& d, const std::string& file) {
  rain::StormIntensityFormula f;
  f.A1_mm_per_min = d.a1_mm_per_min;
  f.C = d.c;
  f.b_min = d.b_min;
  f.n = d.n;
  rain::ChicagoParameters p;
  p.duration_s = d.duration_s;
  p.peak_position = d.peak_position;
  p.step_s = d.step_s;
  p.return_period_years = d.return_period_years;
  try {
    return rain::chicago_hyetograph(f, p);
  } catch (const std::invalid_argument& e) {
    throw InputError(InputIssue{file, 0, "[design_storm]", "", e.what()});
  }
}

/// Classes per cell from the land-use raster; Manning n per cell from the classes (Manning law).
void load_soil(const SoilConfig& soil, const mesh::Raster& dem, SurfaceSetup& s) {
  const mesh::Raster lu = mesh::read_raster_like(soil.land_use_raster, dem, "soil.land_use");
  SurfaceSetup::Soil out;
  out.model = soil.model;
  out.evaporation_rate = soil.evaporation_m_per_s;
  out.cell_class.assign(lu.size(), 0);
  // Classes carry a Manning n; other laws take their coefficient from [surface] alone.
  const bool manning = s.friction_law == swe::FrictionLaw::kManning;
  if (manning) s.roughness.assign(lu.size(), 0.0);
  for (int j = 0; j < lu.ny; ++j)
    for (int i = 0; i < lu.nx; ++i) {
      const std::size_t k = lu.index(i, j);
      if (!s.active[k]) continue;
      const int value = lu.valid[k] ? int(std::lround(lu.values[k])) : -1;
      int cls = -1;
      for (std::size_t q = 0; q < soil.raster_values.size(); ++q)
        if (soil.raster_values[q] == value) cls = int(q);
      if (cls < 0)
        throw InputError(
            InputIssue{soil.land_use_raster, 0, "[soil] land_use", "",
                       "cell (column " + std::to_string(i) + ", row from north " +
                           std::to_string(lu.ny - 1 - j) + ") has " +
                           (value < 0 ? std::string("no data") : "value " + std::to_string(value)) +
                           "; expected the id of a [[landuse]] class"});
      out.cell_class[k] = std::uint8_t(cls);
      if (manning) s.roughness[k] = soil.model.classes[std::size_t(cls)].manning_n;
    }
  soil::validate(out.model, soil.land_use_raster);
  s.soil = std::move(out);
}

/// The friction coefficient per cell, checked against the law's range.
void load_roughness_raster(const CaseConfig& c, const mesh::Raster& dem, SurfaceSetup& s) {
  const std::string key = "surface." + c.roughness_raster_key;
  const mesh::Raster m = mesh::read_raster_like(c.roughness_raster, dem, key);
  const FrictionLawInfo& law = friction_law_info(c.friction_law);
  const double lo = friction_coefficient_min(law);
  check_values(
      m, s.active, [&](double v) { return v >= lo && v <= law.max; }, c.roughness_raster_key,
      friction_coefficient_range(law));
  s.roughness = m.values;
  for (std::size_t k = 0; k < s.roughness.size(); ++k)
    if (!s.active[k]) s.roughness[k] = 0.0;
}

/// One component of the initial flow as a unit discharge (m^2/s); `velocity` rasters are
/// multiplied by the initial depth. Empty when `path` is "".
std::vector<double> initial_discharge(const std::string& path, const char* key, bool velocity,
                                      const mesh::Raster& dem, const SurfaceSetup& s) {
  if (path.empty()) return std::vector<double>(dem.size(), 0.0);
  const mesh::Raster r = mesh::read_raster_like(path, dem, std::string("surface.") + key);
  const auto finite = [](double v) { return std::isfinite(v); };
  check_values(r, s.active, finite, key,
               velocity ? "a velocity in m/s" : "a unit discharge in m^2/s");
  std::vector<double> q(dem.size(), 0.0);
  for (int j = 0; j < r.ny; ++j)
    for (int i = 0; i < r.nx; ++i) {
      const std::size_t k = r.index(i, j);
      if (!s.active[k]) continue;
      const double h = s.h0.empty() ? 0.0 : s.h0[k];
      if (velocity) {
        q[k] = h * r.values[k];
      } else if (h > 0 || r.values[k] == 0) {
        q[k] = r.values[k];
      } else {  // momentum without water would be an infinite velocity
        throw InputError(InputIssue{path, 0, "[surface]", key,
                                    "cell (column " + std::to_string(i) + ", row from north " +
                                        std::to_string(r.ny - 1 - j) + ") has value " +
                                        std::to_string(r.values[k]) +
                                        " but no initial water; expected 0 m^2/s on dry cells"});
      }
    }
  return q;
}

void load_initial_flow(const CaseConfig& c, const mesh::Raster& dem, SurfaceSetup& s) {
  const bool velocity = !c.initial_u_raster.empty() || !c.initial_v_raster.empty();
  const bool discharge = !c.initial_qx_raster.empty() || !c.initial_qy_raster.empty();
  if (velocity) {
    s.qx0 = initial_discharge(c.initial_u_raster, "initial_u_raster", true, dem, s);
    s.qy0 = initial_discharge(c.initial_v_raster, "initial_v_raster", true, dem, s);
  } else if (discharge) {
    s.qx0 = initial_discharge(c.initial_qx_raster, "initial_qx_raster", false, dem, s);
    s.qy0 = initial_discharge(c.initial_qy_raster, "initial_qy_raster", false, dem, s);
  }
}

}  // namespace

std::optional<GaugeCell> locate_gauge(const SurfaceSetup& s, const GaugeConfig& g) {
  const int i = int(std::floor((g.x - s.grid.x0) / s.grid.dx));
  const int j = int(std::floor((g.y - s.grid.y0) / s.grid.dx));
  if (i < 0 || j < 0 || i >= s.grid.nx || j >= s.grid.ny ||
      !s.active[std::size_t(j) * s.grid.nx + i])
    return std::nullopt;
  GaugeCell cell{g.name, g.x, g.y};
  cell.cell = (long long)j * s.grid.nx + i;
  cell.ground = s.z[std::size_t(cell.cell)];
  return cell;
}

LoadedCase load_case(const CaseConfig& c) {
  LoadedCase out;
  SurfaceSetup& s = out.setup;
  s.name = c.name;
  const mesh::Raster dem = mesh::read_raster(c.dem);
  s.grid.nx = dem.nx;
  s.grid.ny = dem.ny;
  s.grid.dx = dem.dx;
  s.grid.x0 = dem.x0;
  s.grid.y0 = dem.y0;
  s.grid.crs_wkt = dem.crs_wkt;
  const std::size_t n = dem.size();
  s.z.assign(n, 0.0);
  s.active.assign(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    s.active[k] = dem.valid[k];
    s.z[k] = dem.valid[k] ? dem.values[k] : 0.0;
  }
  if (!c.active_mask.empty()) {
    const mesh::Raster m = mesh::read_raster_like(c.active_mask, dem, "grid.active_mask");
    for (std::size_t k = 0; k < n; ++k)
      if (!m.valid[k] || m.values[k] == 0) s.active[k] = 0;
  }
  if (!c.raise_mask.empty()) {
    const mesh::Raster m = mesh::read_raster_like(c.raise_mask, dem, "grid.raise_mask");
    for (std::size_t k = 0; k < n; ++k)
      if (m.valid[k] && m.values[k] == 1) s.z[k] += c.raise_height;
  }
  std::size_t active = 0;
  for (unsigned char a : s.active) active += a;
  if (active == 0)
    throw InputError(InputIssue{c.dem, 0, "[grid]", "dem", "has no active (valid) cell"});

  s.friction_law = c.friction_law;
  s.roughness_uniform = c.roughness;
  if (c.soil) load_soil(*c.soil, dem, s);
  if (!c.roughness_raster.empty()) load_roughness_raster(c, dem, s);

  if (!c.initial_depth_raster.empty()) {
    const mesh::Raster d =
        mesh::read_raster_like(c.initial_depth_raster, dem, "surface.initial_depth_raster");
    check_values(d, s.active, 0.0, "initial_depth_raster", "a depth >= 0 m");
    s.h0 = d.values;
  } else if (c.initial_level) {
    s.h0.assign(n, 0.0);
    for (std::size_t k = 0; k < n; ++k)
      if (s.active[k]) s.h0[k] = std::max(0.0, *c.initial_level - s.z[k]);
  } else if (c.initial_depth > 0) {
    s.h0.assign(n, c.initial_depth);
  }
  load_initial_flow(c, dem, s);

  s.numerics.order = c.order;
  s.numerics.cfl = c.cfl;
  s.numerics.max_dt = c.max_dt;
  s.numerics.dry_depth = c.dry_depth;
  s.numerics.gravity = c.gravity;
  s.duration = c.duration;
  s.output_interval = c.output_interval;
  s.flood_threshold = c.flood_threshold;
  s.user_threshold = c.user_threshold;
  s.rain = c.rain;
  if (!c.rain_source.empty() && c.rain_source != "inline")
    s.rain = io::read_hyetograph_csv(c.rain_source, c.rain_time_unit, c.rain_interpolation);
  if (c.design_storm) s.rain = design_storm_series(*c.design_storm, c.file);
  if (c.rain_gauges) {
    rain::GaugeWeightOptions opt;
    opt.method = c.rain_gauges->inverse_distance ? rain::GaugeInterpolation::kInverseDistance
                                                 : rain::GaugeInterpolation::kThiessen;
    opt.power = c.rain_gauges->power;
    s.rain_field = std::make_shared<rain::GaugeRainField>(rain::GaugeRainField::from_files(
        c.rain_gauges->gauges_csv, c.rain_gauges->series_csv, rain::GridGeometry::of(dem), opt));
  }
  if (c.rain_grid) {
    io::NetcdfRainOptions opt;
    opt.variable = c.rain_grid->variable;
    opt.member = c.rain_grid->member;
    opt.target = rain::GridGeometry::of(dem);
    opt.start_iso8601 = c.rain_grid->start.empty() ? c.start_iso8601 : c.rain_grid->start;
    opt.coverage = c.rain_grid->zero_outside ? io::NetcdfRainOptions::Coverage::kZeroOutside
                                             : io::NetcdfRainOptions::Coverage::kRequireFull;
    s.rain_field =
        std::make_shared<io::NetcdfRainField>(io::NetcdfRainSource(c.rain_grid->path, opt));
  }

  s.boundaries = c.boundaries;
  s.sources = c.sources;
  for (const GaugeConfig& g : c.gauges) {
    const std::optional<GaugeCell> cell = locate_gauge(s, g);
    if (!cell)
      throw InputError(InputIssue{c.file, 0, "[output]", "gauges",
                                  "gauge '" + g.name + "' at (" + std::to_string(g.x) + ", " +
                                      std::to_string(g.y) + ") is not on an active cell of " +
                                      c.dem});
    out.gauges.push_back(*cell);
  }
  // Geometry checks (segments and sources on active cells) with the case file named.
  try {
    build_surface_layout(s);
  } catch (const std::invalid_argument& e) {
    throw InputError(InputIssue{c.file, 0, "", "", e.what()});
  }
  return out;
}

}  // namespace sf::config
