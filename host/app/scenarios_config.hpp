// SCENARIOS.toml of `spongeflow scenarios`: named variants of one case (a .inp each, with
// optional sponge and storage-tank switches) and the storms they all face (design storms of the
// case's formula and/or a long rain record). Keys and their meaning: docs/scenarios.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sf::app {

/// An online storage tank (在线调蓄池) at a storage node: `volume_m3` of extra storage between
/// the node's invert and `depth_m` above it, modelled as plan area volume / depth added to the
/// node's surface area at every depth. `pump_shutoff_m`, when given, is the new shutoff depth
/// of every pump drawing from the node, so that the pumps lift only what the tank cannot hold
/// and the tank's content drains to the plant after the rain (docs/scenarios.md).
struct TankSwitch {
  std::string node;
  double volume_m3 = 0.0;
  double depth_m = 0.0;
  std::optional<double> pump_shutoff_m;
};

struct ScenarioVariant {
  std::string name;
  std::string inp;                             // resolved path
  std::vector<std::string> overflow_outfalls;  // outfalls whose flow is overflow (CSO) to water
  /// Sponge switch: share (%) of every subcatchment's impervious runoff sent over its pervious
  /// area (SWMM RouteTo PERVIOUS): disconnected roofs and paving draining to rain gardens.
  double disconnect_impervious_pct = 0.0;
  std::optional<TankSwitch> tank;
  int line = 0;
};

struct ScenariosConfig {
  std::string file;  // as given
  std::string name, description;
  std::string case_file;  // resolved; its storm-intensity formula and run time (design storms)
  std::vector<double> return_periods;   // design storms (years); may be empty
  std::string record_series;            // a [TIMESERIES] of every variant's .inp; "" = none
  double record_interval_s = 3600.0;    // the record's recording interval
  double record_days = 0.0;             // the record's length (d); 0 = up to its last point
  double record_drain_s = 6 * 3600.0;   // simulated after the record
  double record_routing_step_s = 30.0;  // largest routing step of the record's runs
  double inter_event_h = 6.0;           // dry spell that separates two overflow events
  double min_flow_m3s = 0.001;          // flows at or below it are no overflow
  std::vector<ScenarioVariant> variants;
};

/// Reads and checks SCENARIOS.toml. Throws sf::InputError listing every problem (unknown tables
/// or keys named with their line, wrong types, missing keys, duplicate variant names).
ScenariosConfig read_scenarios_file(const std::string& path);

}  // namespace sf::app
