// The files of `spongeflow scenarios`: scenarios.json (every run, every outfall), scenarios.csv
// (one row per run) and the report as report.md and a self-contained report.html (the same
// tables; no external resources). See docs/scenarios.md.
#pragma once

#include <string>
#include <vector>

#include "app/scenarios_config.hpp"
#include "app/scenarios_runs.hpp"

namespace sf::app {

/// Writes the files atomically into `dir` (which exists); returns their names.
std::vector<std::string> write_scenarios_outputs(const std::string& dir, const ScenariosConfig& cfg,
                                                 const std::vector<ScenarioRun>& runs,
                                                 double wall_s);

/// Sewage load (kg) of `pollutant` over the run's overflow outfalls; negative when the engine
/// did not route pollutants (no loads_kg in its summary).
double overflow_load_kg(const ScenarioRun& run, const std::string& pollutant);

}  // namespace sf::app
