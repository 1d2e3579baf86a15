// The network runs behind `spongeflow capacity`: one design storm per return period (the case's
// storm-intensity formula through a Chicago hyetograph) replaces the rain of every gage of the
// case's SWMM network, and the network with its subcatchment runoff is routed; each conduit's
// peaks, surcharge time and upstream flooding are kept. See docs/capacity.md.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "assess/conduit_capacity.hpp"
#include "inp/model.hpp"
#include "rain/chicago_hyetograph.hpp"

namespace sf::network {
class NetworkEngine;
struct NetworkData;
}  // namespace sf::network

namespace sf::app {

/// One conduit as a line on the map, with its place in the network.
struct ConduitLine {
  int link = -1;                    // index in the network
  std::vector<inp::Point2> points;  // upstream node, bends, downstream node (CRS)
};

/// The conduits of a network and their geometry, in link order (pumps, weirs... left out).
struct CapacityNetwork {
  std::vector<assess::ConduitGeometry> conduits;
  std::vector<ConduitLine> lines;
};

CapacityNetwork capacity_network(const inp::Model& model);

/// The surface of a coupled design-storm run (capacity mode "coupled").
struct CapacitySurface {
  double flood_threshold_m = 0;       // the case's [surface] flood_threshold
  double flooded_area_m2 = 0;         // cells whose max depth exceeded the threshold
  double max_depth_m = 0;             // over the grid and the run
  double flooded_volume_m3 = 0;       // sum over the flooded cells of max depth x cell area
  double coupled_continuity_pct = 0;  // the coupled system (docs/coupling.md)
  double surface_to_network_m3 = 0, network_to_surface_m3 = 0;
  double grid_rain_m3 = 0;     // rain on the active cells
  std::string max_depth_file;  // the run's maximum-depth grid, relative to the output folder
};

/// What one design-storm run gives.
struct CapacityRun {
  double return_period_years = 0;
  double rain_depth_mm = 0;
  double peak_block_mm_per_h = 0;
  std::vector<assess::ConduitPeaks> peaks;  // per conduit of CapacityNetwork
  double routing_continuity_pct = 0;
  double runoff_continuity_pct = 0;
  double runoff_m3 = 0;
  double rainfall_m3 = 0;  // rain on the subcatchments (SWMM's total precipitation)
  double flooding_m3 = 0;
  int flooded_nodes = 0;
  int steps = 0;
  double wall_s = 0;
  std::optional<CapacitySurface> surface;  // coupled mode only
};

/// Conduit peaks before the first step: end levels start at the end nodes' inverts.
std::vector<assess::ConduitPeaks> initial_conduit_peaks(const CapacityNetwork& net,
                                                        const network::NetworkData& nd);
/// After a step of dt seconds: flow depth, end levels and surcharge time of every conduit.
void record_conduit_step(const network::NetworkEngine& eng, const CapacityNetwork& net, double dt,
                         std::vector<assess::ConduitPeaks>& peaks);
/// At the end, what only the engine's statistics know: peak flows, flooding upstream and in
/// total, flooded nodes and the step count, into `run` (whose peaks are already recorded).
void take_network_statistics(const network::NetworkEngine& eng, const CapacityNetwork& net,
                             CapacityRun& run);

/// Hooks into run_design_storm's routing loop for callers that record more than conduit peaks
/// (spongeflow scenarios: outfall flows, the engine's summary). Empty hooks are skipped.
struct RunObserver {
  std::function<void(const network::NetworkEngine&)> after_start, after_step, after_finish;
};

/// The model with `rain` (one intensity per block of `step_s`, mm/h) as every gage's rain and
/// `duration_s` as its simulated time. Throws sf::InputError (naming the .inp) when the model
/// has no subcatchments or no gages.
inp::Model with_gage_rain(const inp::Model& model, const std::vector<double>& rain_mm_per_h,
                          double step_s, double duration_s);

/// The model with the design storm as every gage's rain and `duration_s` as its simulated time.
/// Throws sf::InputError (naming the .inp) when the model has no subcatchments or no gages.
inp::Model with_design_storm(const inp::Model& model, const rain::StormIntensityFormula& formula,
                             const rain::ChicagoParameters& storm, double duration_s);

/// Runs `model` (already given its storm) and collects the peaks of `net`'s conduits.
CapacityRun run_design_storm(const inp::Model& model, const CapacityNetwork& net,
                             double return_period_years, const RunObserver& observer = {});

}  // namespace sf::app
