// A case file, read and checked: every value in SI units, every path resolved against the case
// file's folder. Defaults and units are documented in case_schema.cpp, the one source of the
// defaults below (schema_default) apart from the engine's own (engine/defaults.hpp,
// NumericsSpec, kGravity), which the schema states and CaseKeys tests compare.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config/case_schema.hpp"
#include "core/physical_constants.hpp"
#include "engine/backend.hpp"
#include "engine/defaults.hpp"
#include "engine/surface_setup.hpp"
#include "engine/time_series.hpp"
#include "sponge/soil_model.hpp"
#include "swe/boundary.hpp"
#include "swe/friction.hpp"

namespace sf::config {

// Boundaries and sources are read straight into the engine's descriptions.
using BoundaryConfig = BoundarySegmentSpec;
using SourceConfig = SourceSpec;

struct GaugeConfig {
  std::string name;
  double x = 0, y = 0;  // m
};

/// [rain] grid: CF-netCDF rain (radar, forecasts) mapped onto the DEM grid.
struct RainGridConfig {
  std::string path;      // file or glob, resolved
  std::string variable;  // "" = by standard_name
  std::string start;     // ISO 8601 simulation start in the file's calendar; "" = first frame
  bool zero_outside = false;
  std::size_t member = 0;  // ensemble member to read (set by `spongeflow forecast`, not a key)
};

/// [rain] gauges: a gauge network spread over the grid.
struct RainGaugeConfig {
  std::string gauges_csv, series_csv;  // resolved
  bool inverse_distance = false;
  double power = schema_default("rain", "idw_power");
};

/// [design_storm]: storm-intensity formula + Chicago hyetograph.
struct DesignStormConfig {
  std::string preset;  // "" = explicit a1, c, b, n
  double a1_mm_per_min = 0, c = 0, b_min = 0, n = 0;
  double return_period_years = 0;
  double duration_s = 0;
  double peak_position = schema_default("design_storm", "peak_position");
  double step_s = schema_default("design_storm", "step");
};

/// [soil] + [[landuse]] + [[lid]]: land-use classes (by raster value) with infiltration and LID.
struct SoilConfig {
  std::string land_use_raster;     // resolved path
  double evaporation_m_per_s = 0;  // from LID measures
  soil::SoilModel model;           // classes in [[landuse]] order
  std::vector<int> raster_values;  // raster value of each class
};

/// Exchange parameters of one kind of coupling point (docs/coupling.md); `kind` is "inlet" or
/// "manhole", whose defaults the schema's [network] keys state.
struct InletConfig {
  explicit InletConfig(const std::string& kind)
      : perimeter(schema_default("network", kind + "_perimeter")),
        area(schema_default("network", kind + "_area")),
        weir_coeff(schema_default("network", kind + "_weir_coeff")),
        orifice_coeff(schema_default("network", kind + "_orifice_coeff")) {}
  double perimeter, area;  // m, m^2
  double weir_coeff, orifice_coeff;
};

/// [network]: a SWMM pipe network coupled to the surface.
struct NetworkConfig {
  std::string inp;       // resolved path
  std::string coupling;  // resolved CSV path; "" = every junction/storage node with coordinates
  InletConfig inlet{"inlet"};
  InletConfig manhole{"manhole"};
  std::string backend = "auto";  // where the network computes: auto, cpu or cuda
  // "ignore" or "load_nodes": whether the .inp's subcatchments load their outlet nodes in a
  // coupled run (docs/coupling.md, Subcatchments)
  std::string subcatchments = "ignore";
};

/// [capacity]: how `spongeflow capacity` runs the design storms (docs/capacity.md).
struct CapacityConfig {
  std::string mode = "network";
  double target_return_period_years = schema_default("capacity", "target_return_period");
};

/// [waterlogging]: the class tables of waterlogging spots (docs/waterlogging.md), in SI. The
/// defaults are the schema's, always filled in (waterlogging_defaults() without a case).
struct WaterloggingConfig {
  std::vector<double> depth_bounds_m, duration_bounds_s, hazard_bounds_m2_s;
  std::vector<std::string> depth_names, duration_names, hazard_names, risk_names;
  std::vector<std::vector<int>> risk;  // [depth class][duration class] -> 1-based risk
  std::vector<int> road_classes;       // land-use values of roads; empty = every cell
  double min_area_m2 = 0;
};

/// The [waterlogging] tables of the schema's defaults.
WaterloggingConfig waterlogging_defaults();

struct CaseConfig {
  std::string file;  // the case file as given
  std::string name, description;
  std::string dem, active_mask, raise_mask;                      // resolved paths ("" = not given)
  double raise_height = schema_default("grid", "raise_height");  // m
  // [surface] friction: the law, its uniform coefficient and an optional raster of it, in the
  // law's unit (config/friction_laws.hpp). `manning`/`manning_raster` land here with kManning.
  swe::FrictionLaw friction_law = swe::FrictionLaw::kManning;
  double roughness = schema_default("surface", "manning");  // Manning n (s m^-1/3) by default
  std::string roughness_raster;
  std::string roughness_raster_key = "roughness_raster";  // key that named it, for messages
  double initial_depth = schema_default("surface", "initial_depth");  // m
  std::optional<double> initial_level;
  std::string initial_depth_raster;
  // Initial flow, either as velocities (m/s, east and north; q = h u with the initial depth) or
  // as unit discharges (m^2/s); "" = at rest.
  std::string initial_u_raster, initial_v_raster;
  std::string initial_qx_raster, initial_qy_raster;
  double flood_threshold = kDefaultFloodThreshold;  // m
  int order = 1;
  double cfl = NumericsSpec{}.cfl;
  double max_dt = NumericsSpec{}.max_dt;        // s
  double dry_depth = NumericsSpec{}.dry_depth;  // m
  double gravity = kGravity;                    // m s^-2
  std::optional<Precision> precision;
  double duration = 0;         // s
  double output_interval = 0;  // s; 0 = duration
  TimeSeries rain;             // m/s
  std::string rain_source;     // "inline", or the CSV file to read (resolved path)
  double rain_time_unit = 1;   // s per unit of the rain times
  TimeSeries::Interpolation rain_interpolation = TimeSeries::Interpolation::kStep;
  std::optional<RainGridConfig> rain_grid;
  std::optional<RainGaugeConfig> rain_gauges;
  std::optional<DesignStormConfig> design_storm;
  std::optional<SoilConfig> soil;
  double user_threshold = kDefaultUserThreshold;  // m
  std::vector<BoundaryConfig> boundaries;
  std::vector<SourceConfig> sources;
  std::optional<NetworkConfig> network;
  CapacityConfig capacity;
  WaterloggingConfig waterlogging;
  std::string output_dir;  // resolved
  bool vtk = true;
  bool network_vtk = true;
  double timeseries_interval = schema_default("output", "timeseries_interval");  // s
  bool netcdf = true;
  bool netcdf_float64 = false;  // fields of results.nc as 64-bit floats (default 32-bit)
  std::string start_iso8601;    // [time] start; "" when not given
  std::vector<GaugeConfig> gauges;
};

struct CaseOverrides {
  std::vector<std::pair<std::string, std::string>> set;  // "table.key", TOML value text
  std::string data_dir;                                  // replaces [case].data_dir when set
};

/// Reads and checks a case file. Throws sf::InputError listing every problem found (unknown keys,
/// wrong types, out-of-range values, missing required keys), each naming the file, line and key.
CaseConfig read_case_file(const std::string& path, const CaseOverrides& overrides = {});

}  // namespace sf::config
