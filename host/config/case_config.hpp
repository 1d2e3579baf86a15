// A case file, read and checked: every value in SI units, every path resolved against the case
// file's folder. Defaults and units are documented in case_schema.cpp.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/backend.hpp"
#include "engine/time_series.hpp"
#include "swe/boundary.hpp"

namespace sf::config {

struct BoundaryConfig {
  std::string name;
  swe::Side side = swe::kWest;
  double from = -1e300, to = 1e300;  // m along the edge
  swe::EdgeKind kind = swe::EdgeKind::kWall;
  TimeSeries series;  // level (m) or discharge (m^3/s)
};

struct SourceConfig {
  std::string name;
  double x = 0, y = 0, radius = 0;  // m
  TimeSeries discharge;             // m^3/s
};

struct GaugeConfig {
  std::string name;
  double x = 0, y = 0;  // m
};

struct CaseConfig {
  std::string file;  // the case file as given
  std::string name, description;
  std::string dem, active_mask, raise_mask;  // resolved paths ("" = not given)
  double raise_height = 0;                   // m
  double manning = 0.03;                     // s m^-1/3
  std::string manning_raster;
  double initial_depth = 0;  // m
  std::optional<double> initial_level;
  std::string initial_depth_raster;
  double flood_threshold = 0.15;  // m
  int order = 1;
  double cfl = 0.5;
  double max_dt = 10;       // s
  double dry_depth = 1e-6;  // m
  std::optional<Precision> precision;
  double duration = 0;         // s
  double output_interval = 0;  // s; 0 = duration
  TimeSeries rain;             // m/s
  std::string rain_source;     // "inline", or the CSV file to read (resolved path)
  double rain_time_unit = 1;   // s per unit of the rain times
  TimeSeries::Interpolation rain_interpolation = TimeSeries::Interpolation::kStep;
  std::vector<BoundaryConfig> boundaries;
  std::vector<SourceConfig> sources;
  std::string output_dir;  // resolved
  bool vtk = true;
  std::vector<GaugeConfig> gauges;
};

struct CaseOverrides {
  std::vector<std::pair<std::string, std::string>> set;  // "table.key", TOML value text
  std::string data_dir;                                   // replaces [case].data_dir when set
};

/// Reads and checks a case file. Throws sf::InputError listing every problem found (unknown keys,
/// wrong types, out-of-range values, missing required keys), each naming the file, line and key.
CaseConfig read_case_file(const std::string& path, const CaseOverrides& overrides = {});

}  // namespace sf::config
