// Overflows in `spongeflow capacity` (docs/capacity.md, "Overflows by return period"): with
// --outfalls naming the network's overflow outfalls (CSO weirs, emergency outlets), every design
// storm's run records at them, with the recorder `spongeflow overflows` and `scenarios` use
// (OutfallRecorders), the overflow volume, events, duration and pollutant loads, and samples their
// flow every minute for the report's hydrographs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/capacity_runs.hpp"
#include "app/outfall_recorders.hpp"
#include "assess/scenario_metrics.hpp"
#include "inp/model.hpp"

namespace sf::app {

/// The overflow of one design storm at the chosen outfalls.
struct CapacityOverflows {
  std::vector<std::string> outfalls;                // ids, as given
  std::vector<assess::OverflowRecorder> recorders;  // one per outfall
  assess::OverflowTotals total;                     // the outfalls together
  std::vector<std::string> pollutants;              // the engine's, in its order
  std::vector<bool> counts;                         // pollutant in #/L: loads are counts, not kg
  std::vector<double> t_s;                          // hydrograph sample times (s)
  std::vector<std::vector<double>> flow_m3s;        // [outfall][sample]
};

/// Throws sf::InputError naming --outfalls and each id that is not an outfall of `model`.
void check_overflow_outfalls(const inp::Model& model, const std::vector<std::string>& ids);

/// Records one run; observer() goes to run_design_storm, result() after it.
class CapacityOverflowProbe {
 public:
  CapacityOverflowProbe(std::vector<std::string> ids, double min_flow_m3s, double inter_event_s,
                        double sample_s = 60.0);
  RunObserver observer();
  const CapacityOverflows& result() const { return result_; }

 private:
  void sample(const network::NetworkEngine& eng);

  double min_flow_, inter_event_, sample_s_;
  double next_sample_s_ = 0;  // the next hydrograph sample is taken at the first step end past it
  std::shared_ptr<OutfallRecorders> recorders_;
  CapacityOverflows result_;
};

}  // namespace sf::app
