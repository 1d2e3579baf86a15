// A run that stopped before its end (an error midway, a full disk, SIGINT/SIGTERM): close its
// writers so each file stays valid, and fill in what summary.json reports about it.
#pragma once

#include <string>
#include <vector>

#include "engine/simulation.hpp"

namespace sf::app {

/// Closes each writer once, even when an earlier one fails; returns the failures ("" if none).
std::string close_writers(const std::vector<SnapshotWriter*>& writers);

/// The time and steps reached, the volume ledger so far, the active area and the maxima of the
/// cells so far (depth, flooded area and volume), as Simulation::run reports at the end.
RunResult stopped_run_result(Simulation& sim, long long steps_before);

}  // namespace sf::app
