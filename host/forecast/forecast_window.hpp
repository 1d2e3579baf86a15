// A forecast starts from the state of an analysis run (a checkpoint) but describes only what
// happens from then on: its event maps (maximum depth, its time, time above the thresholds)
// start afresh, its outputs start with the state at the checkpoint time, and its rain is read
// from the nowcast from that time on. These edits are made to the checkpoint's record before it
// is loaded; the fields that decide the next step (depths, discharges, soil, clock, dt bound)
// stay bit for bit as saved, so the forecast takes the steps the analysis run would take with
// the same rain. Entry names and meanings: docs/checkpoints.md. See docs/forecast.md.
#pragma once

#include <cstddef>
#include <vector>

#include "common/state_record.hpp"

namespace sf::forecast {

/// Edits `record` (a Simulation::save_state of `cells` cells at time t_s) into the start of a
/// forecast window. Throws std::invalid_argument naming an entry that is missing or malformed.
void start_forecast_window(StateRecord& record, std::size_t cells);

/// Edits the pipe network's entries of a coupled state (network_*) so that its maxima (node depth
/// and inflow, link flow and velocity) start from the state: the forecast's network summary holds
/// the window's peaks. The routing never reads these maxima. Nothing to do for a surface state.
/// Throws std::invalid_argument when an entry's length does not match its source's.
void start_network_window(StateRecord& record);

/// The depths of the state in `record` (m), whatever its precision.
std::vector<double> record_depths(const StateRecord& record, std::size_t cells);

/// The time of the state in `record` (s since the run's start).
double record_time(const StateRecord& record);

}  // namespace sf::forecast
