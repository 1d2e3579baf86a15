// `forecast --observations FILE_OR_DIR [--correct-state]`: before the forecast runs, the
// sensors are compared with the analysis run that wrote the state (its results.nc beside the
// checkpoint) up to the state's time, and, when asked, the state is nudged toward the latest
// depth and level readings (docs/forecast.md, "Observations").
#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <optional>
#include <string>

#include "app/forecast_command.hpp"

namespace sf::app {

struct ObservedState {
  nlohmann::ordered_json summary;  // "observations" of summary.json
  std::string state;               // the checkpoint to start from: the given or a corrected copy
};

/// Reads the observations (again at each call: a watch loop sees readings that arrived since),
/// writes observations.csv and observations.json into o.output_dir, and with o.correct_state
/// writes o.output_dir/corrected_state.nc. Throws sf::InputError naming the file and record of
/// bad input; with o.observations_warn_only it prints the error as a warning instead and returns
/// nothing (the forecast goes on from the given state).
std::optional<ObservedState> observe_analysis(const config::CaseConfig& cfg,
                                              const ForecastOptions& o, double t_state,
                                              std::ostream& out, std::ostream& err);

}  // namespace sf::app
