#include "config/case_loader.hpp"

#include <cmath>
#include <memory>
#include <stdexcept>

#include "common/input_error.hpp"
#include "engine/surface_layout.hpp"
#include "io/hyetograph_csv.hpp"
#include "netcdf_rain_field.hpp"
#include "rain/chicago_hyetograph.hpp"
#include "rain/gauge_rain_field.hpp"
#include "raster_gdal.hpp"

namespace sf::config {
namespace {

void check_values(const mesh::Raster& r, const std::vector<unsigned char>& active, double lo,
                  const std::string& what, const std::string& expected) {
  for (int j = 0; j < r.ny; ++j)
    for (int i = 0; i < r.nx; ++i) {
      const std::size_t k = r.index(i, j);
      if (!active[k]) continue;
      if (!r.valid[k] || !(r.values[k] >= lo))
        throw InputError(
            InputIssue{r.source, 0, what, "",
                       "cell (column " + std::to_string(i) + ", row from north " +
                           std::to_string(r.ny - 1 - j) + ") has " +
                           (r.valid[k] ? "value " + std::to_string(r.values[k]) : "no data") +
                           "; expected " + expected});
    }
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

/// Classes per cell from the land-use raster; Manning per cell from the classes.
void load_soil(const SoilConfig& soil, const mesh::Raster& dem, SurfaceSetup& s) {
  const mesh::Raster lu = mesh::read_raster_like(soil.land_use_raster, dem, "soil.land_use");
  SurfaceSetup::Soil out;
  out.model = soil.model;
  out.evaporation_rate = soil.evaporation_m_per_s;
  out.cell_class.assign(lu.size(), 0);
  s.roughness.assign(lu.size(), 0.0);
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
      s.roughness[k] = soil.model.classes[std::size_t(cls)].manning_n;
    }
  soil::validate(out.model, soil.land_use_raster);
  s.soil = std::move(out);
}

}  // namespace

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

  s.roughness_uniform = c.manning;
  if (c.soil) load_soil(*c.soil, dem, s);
  if (!c.manning_raster.empty()) {
    const mesh::Raster m = mesh::read_raster_like(c.manning_raster, dem, "surface.manning_raster");
    check_values(m, s.active, 0.0, "[surface] manning_raster", "a Manning n >= 0 s m^-1/3");
    s.roughness = m.values;
    for (std::size_t k = 0; k < n; ++k)
      if (!s.active[k]) s.roughness[k] = 0.0;
  }

  if (!c.initial_depth_raster.empty()) {
    const mesh::Raster d =
        mesh::read_raster_like(c.initial_depth_raster, dem, "surface.initial_depth_raster");
    check_values(d, s.active, 0.0, "[surface] initial_depth_raster", "a depth >= 0 m");
    s.h0 = d.values;
  } else if (c.initial_level) {
    s.h0.assign(n, 0.0);
    for (std::size_t k = 0; k < n; ++k)
      if (s.active[k]) s.h0[k] = std::max(0.0, *c.initial_level - s.z[k]);
  } else if (c.initial_depth > 0) {
    s.h0.assign(n, c.initial_depth);
  }

  s.numerics.order = c.order;
  s.numerics.cfl = c.cfl;
  s.numerics.max_dt = c.max_dt;
  s.numerics.dry_depth = c.dry_depth;
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
    GaugeCell cell{g.name, g.x, g.y};
    const int i = int(std::floor((g.x - s.grid.x0) / s.grid.dx));
    const int j = int(std::floor((g.y - s.grid.y0) / s.grid.dx));
    if (i < 0 || j < 0 || i >= s.grid.nx || j >= s.grid.ny ||
        !s.active[std::size_t(j) * s.grid.nx + i])
      throw InputError(InputIssue{c.file, 0, "[output]", "gauges",
                                  "gauge '" + g.name + "' at (" + std::to_string(g.x) + ", " +
                                      std::to_string(g.y) + ") is not on an active cell of " +
                                      c.dem});
    cell.cell = (long long)j * s.grid.nx + i;
    cell.ground = s.z[std::size_t(cell.cell)];
    out.gauges.push_back(cell);
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
