// The files of `spongeflow capacity` (docs/capacity.md): capacity.csv, capacity.geojson,
// capacity.vtp, renewal_priority.csv and capacity_summary.json, with --outfalls also
// capacity_overflows.csv and capacity_overflow_hydrographs.csv, each written atomically.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "app/capacity_overflows.hpp"
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

/// What the files add beside the classes: the CRS of the coordinates and, with --outfalls, the
/// overflow of every period (docs/capacity.md, "Overflows by return period").
struct CapacityExtras {
  std::string crs_wkt;                       // of the network's coordinates (the DEM's); may be ""
  std::vector<CapacityOverflows> overflows;  // one per period, in period order; empty = none
  double inter_event_h = 0, min_flow_m3s = 0;
};

/// Writes every file into `dir`; `summary` (case, storm, formula...) is completed with the runs,
/// the class counts and lengths, and written as capacity_summary.json. Returns the file names.
std::vector<std::string> write_capacity_outputs(const std::string& dir, const CapacityResults& r,
                                                nlohmann::ordered_json summary,
                                                const CapacityExtras& extras = {});

}  // namespace sf::app
