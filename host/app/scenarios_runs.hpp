// The runs behind `spongeflow scenarios`: a variant's switches applied to its network, the
// storms (design storms from the case's formula, or a long rain record of the .inp) given to
// every gage, and one network run with runoff per variant and storm through capacity's run
// machinery (run_design_storm), recording each outfall's flow for overflow volumes and events.
// Definitions: docs/scenarios.md.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/capacity_runs.hpp"
#include "app/scenarios_config.hpp"
#include "assess/scenario_metrics.hpp"
#include "inp/model.hpp"

namespace sf::app {

/// `model` with the variant's sponge and tank switches applied. Throws sf::InputError naming
/// the scenarios file and the variant when a switch does not fit the network (a tank on a node
/// that is not a storage node, an overflow outfall that is not an outfall).
inp::Model with_variant_switches(const inp::Model& model, const ScenarioVariant& v,
                                 const std::string& scenarios_file);

/// `model` with the time series `series` (intensities in mm/h, one per `interval_s`) as every
/// gage's rain, run for the record (`record_s` from the start, or up to its last point's
/// interval when that is later) plus `drain_s`, with routing steps up to `max_step_s`.
inp::Model with_rain_record(const inp::Model& model, const std::string& series, double interval_s,
                            double record_s, double drain_s, double max_step_s);

/// What the report needs of one outfall in one run.
struct OutfallResult {
  std::string id;
  bool overflow = false;  // one of the variant's overflow outfalls
  double volume_m3 = 0, peak_m3s = 0, flowing_h = 0, longest_event_h = 0;
  int events = 0;
  nlohmann::ordered_json loads_kg;  // from the engine's summary when it routes pollutants
};

struct ScenarioRun {
  std::string variant, storm;  // storm: "2 a" or the record's name
  bool record = false;
  double return_period_years = 0;  // design storms
  double years = 0;                // simulated length of a record run, in years of 365 days
  double rain_mm = 0;              // rain depth on the subcatchments
  CapacityRun run;                 // continuity, runoff, flooding, wall time
  std::vector<OutfallResult> outfalls;
  assess::OverflowTotals overflow;
  double capture_ratio = 0;
};

/// Routes `model` (already given its rain and switches) and collects the outfalls.
ScenarioRun run_scenario(const inp::Model& model, const ScenarioVariant& v,
                         const ScenariosConfig& cfg);

}  // namespace sf::app
