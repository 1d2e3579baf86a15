// The files of `spongeflow capacity` (docs/capacity.md): capacity.csv, capacity.geojson,
// capacity.vtp, renewal_priority.csv and capacity_summary.json, each written atomically.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/capacity_runs.hpp"
#include "assess/conduit_capacity.hpp"

namespace sf::app {

struct CapacityResults {
  assess::CapacityClasses classes;
  CapacityNetwork network;
  std::vector<CapacityRun> runs;                  // one per period, in period order
  std::vector<assess::ConduitCapacity> conduits;  // one per network conduit
  std::vector<assess::RenewalEntry> renewal;
  double target_years = 0;
};

/// Writes every file into `dir`; `summary` (case, storm, formula...) is completed with the runs,
/// the class counts and lengths, and written as capacity_summary.json. Returns the file names.
std::vector<std::string> write_capacity_outputs(const std::string& dir, const CapacityResults& r,
                                                nlohmann::ordered_json summary);

}  // namespace sf::app
