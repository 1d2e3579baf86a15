// Sensor readings against a finished run (docs/forecast.md, "Observations"): each sensor is
// placed on the case's grid like an [output] gauge (a point's cell) or on the pipe network's
// time series (node depth, pump or outfall flow of network_timeseries.csv), the run is sampled
// at every reading time, and the table and per-sensor statistics are written.
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

#include "config/case_config.hpp"
#include "forecast/state_correction.hpp"
#include "io/sensor_observations.hpp"

namespace sf::app {

/// Where the model's value of a sensor comes from.
struct SensorSite {
  long long cell = -1;  // surface sensors: the cell under the point
  double ground_m = 0;  // its bed elevation (level = ground + depth)
  std::string column;   // network sensors: the column of network_timeseries.csv
};

/// Places every sensor; network sensors are looked up in `run_dir`/network_timeseries.csv.
/// Throws sf::InputError naming the sensor's file and line when a point is not on an active
/// cell of the DEM or a node or link has no time series in the run.
/// `grid`, when given, receives the case's grid (for a correction of the state).
std::vector<SensorSite> locate_sensors(const config::CaseConfig& cfg, const io::SensorSet& set,
                                       const std::string& run_dir,
                                       forecast::CorrectionGrid* grid = nullptr);

struct ComparisonRow {
  std::size_t sensor = 0;
  double t_s = 0, observed = 0, modelled = 0;
};

/// Every reading at or before `until_s` that the run in `run_dir` (results.nc, and
/// network_timeseries.csv for network sensors) covers, with the model linearly interpolated
/// between its output times.
std::vector<ComparisonRow> compare_with_run(const io::SensorSet& set,
                                            const std::vector<SensorSite>& sites,
                                            const std::string& run_dir, double until_s);

/// Writes observations.csv (sensor, kind, time_s, observed, modelled, error) and
/// observations.json (per sensor: place, n, bias, RMSE, NSE, peaks and timing) into out_dir,
/// atomically; returns the per-sensor object for summary.json.
nlohmann::ordered_json write_comparison(const std::string& out_dir, const io::SensorSet& set,
                                        const std::vector<SensorSite>& sites,
                                        const std::vector<ComparisonRow>& rows,
                                        const std::string& run_dir, double until_s);

/// One line per sensor of write_comparison's object: n, bias, RMSE, NSE, peaks and timing.
void print_comparison(const nlohmann::ordered_json& doc, std::ostream& out);

}  // namespace sf::app
