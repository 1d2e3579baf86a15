#include "app/capacity_overflows.hpp"

#include <cmath>

#include "common/input_error.hpp"

namespace sf::app {

void check_overflow_outfalls(const inp::Model& model, const std::vector<std::string>& ids) {
  std::vector<InputIssue> issues;
  for (const std::string& id : ids) {
    const int n = model.find_node(id);
    if (n < 0 || model.nodes[n].type != inp::NodeType::Outfall)
      issues.push_back(
          {"--outfalls", 0, "", id,
           n < 0 ? "no such node in " + model.source : "is not an outfall of " + model.source});
  }
  if (!issues.empty()) throw InputError(issues);
}

CapacityOverflowProbe::CapacityOverflowProbe(std::vector<std::string> ids, double min_flow_m3s,
                                             double inter_event_s, double sample_s)
    : min_flow_(min_flow_m3s), inter_event_(inter_event_s), sample_s_(sample_s) {
  result_.outfalls = std::move(ids);
  result_.flow_m3s.assign(result_.outfalls.size(), {});
}

void CapacityOverflowProbe::sample(const network::NetworkEngine& eng) {
  result_.t_s.push_back(eng.time());
  for (std::size_t k = 0; k < recorders_->nodes().size(); ++k)
    result_.flow_m3s[k].push_back(eng.node_inflow(recorders_->nodes()[k]));
}

RunObserver CapacityOverflowProbe::observer() {
  RunObserver obs;
  obs.after_start = [this](const network::NetworkEngine& eng) {
    const network::NetworkData& net = eng.network();
    std::vector<int> nodes;
    for (const std::string& id : result_.outfalls)
      for (int i = 0; i < net.node_count(); ++i)
        if (net.node_id[i] == id) nodes.push_back(i);
    recorders_ = std::make_shared<OutfallRecorders>(nodes, min_flow_, inter_event_);
    recorders_->start(eng);
    sample(eng);
    next_sample_s_ = eng.time() + sample_s_;
  };
  obs.after_step = [this](const network::NetworkEngine& eng) {
    recorders_->step(eng);
    // The flow at the first step end past each whole sample time (k minutes, so the samples do
    // not drift by a step each): the steps (seconds) are far shorter than the minute between
    // samples, so the series shows the hydrograph, not the steps.
    if (eng.time() >= next_sample_s_ - 1e-9) {
      sample(eng);
      next_sample_s_ = (std::floor(eng.time() / sample_s_ + 1e-9) + 1.0) * sample_s_;
    }
  };
  obs.after_finish = [this](const network::NetworkEngine& eng) {
    result_.recorders = recorders_->recorders();
    std::vector<const assess::OverflowRecorder*> all;
    for (const assess::OverflowRecorder& r : result_.recorders) all.push_back(&r);
    result_.total = assess::combine_overflows(all, inter_event_);
    for (const network::QualityBalance& b : eng.quality_balance()) {
      result_.pollutants.push_back(b.pollutant);
      result_.counts.push_back(b.units == inp::ConcentrationUnits::CountPerL);
    }
  };
  return obs;
}

}  // namespace sf::app
