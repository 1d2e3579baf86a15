// `spongeflow forecast CASE.toml --state CHECKPOINT --rain NOWCAST.nc --lead SECONDS --output DIR`:
// the case restarted from an analysis run's checkpoint with the nowcast's rain for the lead
// time (every member of an ensemble nowcast, one after another), then the forecast maps, the
// alerts and the speed-up over real time. See docs/forecast.md.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/run_command.hpp"
#include "config/case_config.hpp"

namespace sf::app {

struct ForecastOptions {
  RunOptions run;          // case, backend, precision, threads, --set, --data, --quiet
  std::string state;       // checkpoint.nc of the analysis run
  std::string rain;        // nowcast (CF-netCDF file or glob)
  double lead_s = 7200;    // forecast length from the state's time (s)
  std::string output_dir;  // required
  std::vector<double> thresholds{0.15, 0.30};  // m, for the probability maps
  double arrival_interval_s = 60;              // s between looks for the time of arrival
  double min_area_m2 = 0;                      // smaller alert spots are dropped
  std::string land_use;                        // alerts on roads only (with road_classes)
  std::vector<int> road_classes;
  std::string zones;  // polygon file: per-zone summary in zones.csv

  // Sensors (app/forecast_observations.hpp, docs/forecast.md "Observations").
  std::string observations;             // sensor file or folder (app/forecast_observations.hpp)
  bool correct_state = false;           // nudge the state toward the latest depth/level readings
  double correction_radius_m = 100;     // reach of a sensor's correction
  double correction_window_s = 900;     // readings this old or newer are used for it
  bool observations_warn_only = false;  // the watch loop: bad readings do not stop a cycle
};

/// The case with its rain replaced by member `member` of a nowcast (times from the case start).
config::CaseConfig with_nowcast_rain(config::CaseConfig cfg, const std::string& nowcast,
                                     std::size_t member);

/// Where the observations of a nowcast end (its issue time, s since the case's start): the end of
/// its observed frames (global attribute observed_frames), else the start of its first frame.
/// Throws sf::InputError naming the file when it is not a usable nowcast on the case's grid.
double nowcast_issue_time(const config::CaseConfig& cfg, const std::string& path);

/// Returns the exit status: 0, 1 for input errors (a bad or late nowcast, a checkpoint of the other kind of run, ...),
/// or the status of a member run that failed.
int forecast_command(const ForecastOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
