// `spongeflow observations CASE.toml RUN_DIR --observations FILE_OR_DIR`: sensor readings
// against any finished run of the case (surface results.nc, a coupled run's
// network_timeseries.csv): observations.csv and observations.json, as each forecast writes for
// its analysis leg (docs/forecast.md, "Observations").
#pragma once

#include <iosfwd>
#include <limits>
#include <string>

#include "app/run_command.hpp"

namespace sf::app {

struct ObservationsOptions {
  RunOptions run;            // case, --set, --data (the run's own)
  std::string run_dir;       // output folder of the run
  std::string observations;  // sensor file or folder
  std::string output_dir;    // "" = run_dir
  double until_s = std::numeric_limits<double>::infinity();
};

/// 0, or 1 for input errors (bad sensors, a run without results).
int observations_command(const ObservationsOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sf::app
